import type { FormInstance } from 'antd';

// Where a refusal of the hub belongs in a procurement form. The hub names the field as its
// input has it ("need.title", "need.weights.price", "need.committee[2]", "bid.priceFen",
// "contract.milestones[1].dueOn", "reason"); the forms name theirs after the same inputs.

// The forms take money in yuan (budget, price); the hub counts fen.
const ALIASES: Record<string, string> = {
  'weights.price': 'priceWeight',
  'weights.technical': 'technicalWeight',
  weights: 'technicalWeight', // their sum: beside the second of the two
  budgetFen: 'budget',
  priceFen: 'price',
};

/** The form path of a field the hub named, or undefined when the form has no such field. */
export function formPath(name: string, fields: readonly string[]): (string | number)[] | undefined {
  let bare = name.replace(/^(need|bid|contract|input)\./, '');
  for (const [from, to] of Object.entries(ALIASES)) if (bare.startsWith(from)) bare = to;
  const path = bare
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (!fields.includes(String(path[0]))) return undefined;
  // A list chosen in one control (the committee) takes its members' errors itself.
  if (path.length === 2 && typeof path[1] === 'number') return [path[0]];
  return path;
}

/** Puts the hub's field errors beside their fields; whether any found a place. */
export function placeProblem(
  form: FormInstance,
  problem: { fields: Record<string, string> }, // a HubProblem (shell/errors.ts)
  fields: readonly string[],
): boolean {
  const placed = Object.entries(problem.fields)
    .map(([name, text]) => ({ name: formPath(name, fields), errors: [text] }))
    .filter((entry): entry is { name: (string | number)[]; errors: string[] } => !!entry.name);
  form.setFields(placed);
  if (placed.length) form.scrollToField(placed[0].name, { focus: true, block: 'center' });
  return placed.length > 0;
}
