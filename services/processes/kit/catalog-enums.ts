import { registerEnumType } from 'type-graphql';

// GraphQL enums whose values are the catalog's: the processes (ProcessType) and the outcomes
// their forms offer (Decision). type-graphql reads an enum's values when it builds the schema,
// so buildProcessesSchema fills these from the catalog it is handed just before; the plumbing
// names no process and no outcome.

export const ProcessType: Record<string, string> = {};
registerEnumType(ProcessType, { name: 'ProcessType', description: 'The processes of the catalog' });

export const Decision: Record<string, string> = {};
registerEnumType(Decision, {
  name: 'Decision',
  description: "The outcomes the task forms offer (each task's form says which it takes)",
});

/** An outcome's code (APPROVE, SUBMIT ...): a value of Decision. */
export type DecisionCode = string;

function fill(target: Record<string, string>, codes: string[]): void {
  for (const key of Object.keys(target)) delete target[key];
  for (const code of codes) target[code] = code;
}

/** The enums' values from the catalog, before type-graphql builds the schema. */
export function fillCatalogEnums(catalog: { processTypes: string[]; outcomeWords: Record<string, unknown> }): void {
  fill(ProcessType, catalog.processTypes);
  fill(Decision, Object.keys(catalog.outcomeWords));
}
