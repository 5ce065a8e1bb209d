import type { Dayjs } from 'dayjs';
import type { ApproverTaskQuery } from '../gql/graphql';

// The decision form's plain parts: which fields an outcome takes, the values sent, and where a
// refusal of the hub belongs. The hub names a field in extensions.field as the form knows it
// ("internalGovernance", "comment", "input.outcome"; services/processes/tasks/decide.ts,
// workflows/human-task/form.ts); "values.<name>" and "input.<name>" are read the same way.

export type FormShape = NonNullable<ApproverTaskQuery['task']['form']>;
export type FormField = FormShape['fields'][number];

export const appliesTo = (field: FormField, outcome: string | undefined) =>
  !field.forOutcomes || (!!outcome && field.forOutcomes.includes(outcome));

/** The values of the fields the outcome takes, as the hub reads them (dates as YYYY-MM-DD). */
export function decisionValues(
  form: FormShape,
  outcome: string,
  raw: Record<string, unknown> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (!appliesTo(field, outcome)) continue;
    const value = raw[field.name];
    if (value === undefined || value === null || value === '') continue;
    values[field.name] =
      field.type === 'DATE' ? (value as Dayjs).format('YYYY-MM-DD') : typeof value === 'string' ? value.trim() : value;
  }
  return values;
}

/** The form path of the field a hub error names, or undefined when it names none of them. */
export function formPathOf(form: FormShape, name: string): (string | number)[] | undefined {
  const bare = name.replace(/^input\./, '').replace(/^values\./, '');
  if (bare === 'outcome' || bare === 'decision') return ['outcome'];
  if (bare === 'comment') return ['comment'];
  return form.fields.some((field) => field.name === bare) ? ['values', bare] : undefined;
}
