import type { TaskDecision, TaskForm } from './contracts.js';

// One check of a decision against its kind's form, used twice: by the resolver (so a bad
// decision never reaches Temporal) and by the workflow's update validator (so nothing else can
// put one into history). Plain and deterministic, so it may run inside a workflow.

export interface FormProblem {
  field: string;
  message: string;
}

// Control characters other than line breaks and tabs (a NUL byte once made a request hang).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Whether free text from a person holds control characters other than line breaks and tabs. */
export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);
export const COMMENT_MAX = 2000;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function decisionProblems(
  form: TaskForm,
  decision: Pick<TaskDecision, 'decision' | 'comment' | 'values'>,
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.outcomes.includes(decision.decision)) {
    problems.push({
      field: 'outcome',
      message: `Unknown decision "${String(decision.decision)}"; use ${form.outcomes.join(' or ')}`,
    });
    return problems;
  }
  const comment = decision.comment ?? '';
  if (comment.length > COMMENT_MAX)
    problems.push({ field: 'comment', message: `comment is longer than ${COMMENT_MAX} characters` });
  if (CONTROL.test(comment)) problems.push({ field: 'comment', message: 'comment contains control characters' });
  const values = decision.values ?? {};
  const known = new Set(form.fields.map((f) => f.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name))
      problems.push({
        field: name,
        message: `"${name}" is not a field of this task's form (${[...known].join(', ') || 'none'})`,
      });
  }
  for (const field of form.fields) {
    const applies = !field.forOutcomes || field.forOutcomes.includes(decision.decision);
    const value = values[field.name];
    if (value === undefined || value === null || value === '') {
      if (applies && field.required)
        problems.push({
          field: field.name,
          message: `${field.label} (${field.name}) is required for ${decision.decision}`,
        });
      continue;
    }
    if (!applies) {
      problems.push({
        field: field.name,
        message: `${field.name} is only given for ${field.forOutcomes!.join(' or ')}`,
      });
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push({ field: field.name, message: problem });
  }
  return problems;
}

function valueProblem(field: TaskForm['fields'][number], value: unknown): string | undefined {
  switch (field.type) {
    case 'INT': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${field.name} must be a whole number`;
      if (field.min !== undefined && value < field.min) return `${field.name} must be at least ${field.min}`;
      if (field.max !== undefined && value > field.max)
        return `${field.name} must be at most ${field.max} (its maximum)`;
      return undefined;
    }
    case 'DATE':
      return typeof value === 'string' && isCalendarDate(value)
        ? undefined
        : `${field.name} must be a calendar date (YYYY-MM-DD)`;
    case 'CHOICE':
      return typeof value === 'string' && field.options?.includes(value)
        ? undefined
        : `${field.name} must be one of ${field.options?.join(', ')}`;
    case 'TEXT': {
      if (typeof value !== 'string') return `${field.name} must be text`;
      if (CONTROL.test(value)) return `${field.name} contains control characters`;
      const max = field.maxLength ?? COMMENT_MAX;
      return value.length > max ? `${field.name} is longer than ${max} characters` : undefined;
    }
  }
}

/** A decision's form field as text ('' when it was not given or is not text). */
export function textField(values: Record<string, unknown> | null | undefined, name: string): string {
  const value = values?.[name];
  return typeof value === 'string' ? value : '';
}
