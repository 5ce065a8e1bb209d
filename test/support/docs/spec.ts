import { ROLES } from '../../../services/common/identity.js';

// An executable example's annotation, the JSON in `<!-- example: {...} -->` right before a
// ```graphql block. Everything is optional; `{}` is a query an integrator sends once.
//
//   as       who sends it: a token a `<!-- shell: run -->` block of the page assigned
//            ("ADMIN" after ADMIN=$(npm run --silent token -- --role admin)), or a role:
//            INTEGRATOR (the default), APPROVER, FEDERATION_OFFICER, AGENCY_OFFICER,
//            AGENCY_HEAD, ADMIN, SYSTEM, as `npm run token -- --role <role>` makes it;
//   org      with a role: the organisation(s) it acts for (`--org`): seed keys or references;
//   subject  with a role: its subject (`--subject`, default dev-<role>);
//   vars     the operation's variables; any string may be a reference (references.ts);
//   save     { name: "data.path" }: remember a value of the answer as $name for later
//            examples of the page ("myTasks.edges.0.node.id"); a path that resolves to
//            nothing fails the example;
//   shows    { "data.path": value }: the answer has these values (a figure the prose quotes);
//   retry    true: poll (bounded) until the answer has no error, every saved path resolves
//            and `shows` holds: for work a workflow does after the request that started it
//            (a task opened, a stage reached) or that Temporal's visibility sees late;
//   expect   the error code the example shows (CONFLICT, FORBIDDEN, ...): a refusal;
//   each     [{ as, org, subject, vars, shows }, ...]: run the block once for each entry, the
//            entry's keys over the others' and its vars and shows added to theirs (three
//            bidders sending one mutation).

export interface ExampleSpec {
  as?: string;
  org?: string | string[];
  subject?: string;
  vars?: Record<string, unknown>;
  save?: Record<string, string>;
  shows?: Record<string, unknown>;
  retry?: boolean;
  expect?: string;
  each?: Partial<Pick<ExampleSpec, 'as' | 'org' | 'subject' | 'vars' | 'shows'>>[];
}

const KEYS = ['as', 'org', 'subject', 'vars', 'save', 'shows', 'retry', 'expect', 'each'];
const EACH_KEYS = ['as', 'org', 'subject', 'vars', 'shows'];
const CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'BAD_REQUEST',
];
const PATH = /^[A-Za-z_]\w*(\.(\d+|[A-Za-z_]\w*))*$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isRole = (name: string) => (ROLES as readonly string[]).includes(name);

export function parseExampleSpec(json: unknown, where: string): ExampleSpec {
  if (isObject(json) && json.each !== undefined) {
    const { each, ...base } = json;
    if (!Array.isArray(each) || !each.length || each.some((entry) => !isObject(entry)))
      throw new Error(`${where}: the example's annotation gives \`each\` as a list of objects`);
    for (const entry of each as Record<string, unknown>[]) {
      const stray = Object.keys(entry).filter((key) => !EACH_KEYS.includes(key));
      if (stray.length)
        throw new Error(`${where}: an entry of \`each\` has ${stray.join(', ')} (it may have ${EACH_KEYS.join(', ')})`);
      parseExampleSpec({ ...base, ...entry }, where);
    }
    if (base.save !== undefined) throw new Error(`${where}: an example run for \`each\` entry saves nothing`);
    return { ...(base as ExampleSpec), each: each as ExampleSpec['each'] };
  }
  const refuse = (why: string): never => {
    throw new Error(`${where}: the example's annotation ${why}`);
  };
  if (!isObject(json)) return refuse('is not a JSON object');
  const unknown = Object.keys(json).filter((key) => !KEYS.includes(key));
  if (unknown.length) refuse(`has unknown keys ${unknown.join(', ')} (known: ${KEYS.join(', ')})`);
  const spec = json as ExampleSpec;
  if (spec.as !== undefined && (typeof spec.as !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(spec.as)))
    refuse('names `as` as a role or a token variable in capitals (ADMIN, APPROVER, OFFICER ...)');
  const orgs = spec.org === undefined ? [] : Array.isArray(spec.org) ? spec.org : [spec.org];
  if (orgs.some((org) => typeof org !== 'string')) refuse('gives `org` as a seed key, a reference or a list of them');
  if (spec.subject !== undefined && typeof spec.subject !== 'string') refuse('gives `subject` as a string');
  if ((spec.org !== undefined || spec.subject !== undefined) && spec.as !== undefined && !isRole(spec.as))
    refuse(`gives org or subject with "${spec.as}", which is not a role: a token variable has its own`);
  if (spec.vars !== undefined && !isObject(spec.vars)) refuse('gives `vars` as an object');
  for (const [name, path] of Object.entries(spec.save ?? {}))
    if (!/^[a-zA-Z]\w*$/.test(name) || typeof path !== 'string' || !PATH.test(path))
      refuse(`saves "${name}" from "${String(path)}": a name and a dotted path into the answer's data`);
  if (spec.save !== undefined && !isObject(spec.save)) refuse('gives `save` as an object');
  if (spec.shows !== undefined && (!isObject(spec.shows) || Object.keys(spec.shows).some((p) => !PATH.test(p))))
    refuse('gives `shows` as { "dotted.path": value }');
  if (spec.retry !== undefined && typeof spec.retry !== 'boolean') refuse('gives `retry` as true or false');
  if (spec.expect !== undefined && !CODES.includes(spec.expect))
    refuse(`expects "${String(spec.expect)}", not a code the hub answers (${CODES.join(', ')})`);
  if (spec.expect !== undefined && (spec.retry || spec.shows || spec.save))
    refuse('expects a refusal and also retries, shows or saves: a refusal has no answer to wait for, show or save');
  return spec;
}

/** An entry of `each` over the example's own keys; its variables and shows over the example's. */
export function merged(base: ExampleSpec, entry: NonNullable<ExampleSpec['each']>[number]): ExampleSpec {
  return {
    ...base,
    ...entry,
    vars: { ...base.vars, ...entry.vars },
    ...(base.shows || entry.shows ? { shows: { ...base.shows, ...entry.shows } } : {}),
  };
}
