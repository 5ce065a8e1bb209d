import type { GraphQLSchema } from 'graphql';
import { choose, generated, hostileFor } from './hostile.js';
import { codesOf, defects, document, refused, send, type Answer } from './requests.js';
import type { Headers } from './schema-walk.js';
import { changed, type rowCounter } from './rows.js';
import { argumentsWith, plausible, positions, rootFields, type RootField } from './schema-walk.js';

// One fuzz run: every root field of a schema, each argument and nested input field in turn
// given hostile values (the others plausible), sent to one service as one caller. Queries go
// four at a time between two row counts; mutations one at a time, each between two counts, so
// a refused one that wrote anything is caught by itself. A mutation valid by chance may write:
// its writes (and what its workflow does right after) settle before the next is sent.

export interface FuzzTarget {
  /** e.g. "gateway as ADMIN". */
  label: string;
  url: string;
  headers: Headers;
  schema: GraphQLSchema;
}

export interface FuzzStats {
  label: string;
  requests: number;
  refused: number;
  fields: number;
  positions: number;
  perField: Record<string, number>;
  codes: Record<string, number>;
  defects: string[];
}

interface Planned {
  field: RootField;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The one write a refusal may leave: an admin operation on a well-formed id that Temporal or the
 * database then did not find (NOT_FOUND) or would not do (CONFLICT) is on record in run_audit as
 * FAILED, by design (services/processes/operations/audit.ts: audited before it is sent). A
 * malformed id is refused before the audit (BAD_USER_INPUT), so it must write nothing.
 */
function auditedRefusal(answer: Answer, tables: string[]): boolean {
  const code = answer.json?.errors?.[0]?.extensions?.code;
  return tables.every((t) => t.startsWith('processes.run_audit ')) && (code === 'NOT_FOUND' || code === 'CONFLICT');
}

/** A small stable number from a string, to give each position its own seed. */
const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7) >>> 0;

/** The run's requests, in a fixed order from the seed. */
export function plan(
  schema: GraphQLSchema,
  seed: number,
  perPosition: number,
): { requests: Planned[]; positions: number } {
  const requests: Planned[] = [];
  let count = 0;
  for (const field of rootFields(schema)) {
    const baseline: Record<string, unknown> = {};
    for (const arg of field.args)
      if (String(arg.type).endsWith('!')) baseline[arg.name] = plausible(arg.type, arg.name);
    requests.push({ field, ...document(field, baseline, false) });
    for (const position of positions(field)) {
      count++;
      const where = `${field.name}.${position.path.join('.')}`;
      const values = [
        ...choose(hostileFor(position.type, position.name), perPosition, seed ^ hash(where)),
        generated(position.type, seed ^ hash(`${where}#`)),
      ];
      values.forEach((value, i) =>
        requests.push({ field, ...document(field, argumentsWith(field, position.path, value), i % 2 === 1) }),
      );
    }
  }
  return { requests, positions: count };
}

export async function fuzz(
  target: FuzzTarget,
  counter: Awaited<ReturnType<typeof rowCounter>>,
  seed: number,
  perPosition: number,
): Promise<FuzzStats> {
  const { requests, positions: positionCount } = plan(target.schema, seed, perPosition);
  const stats: FuzzStats = {
    label: target.label,
    requests: 0,
    refused: 0,
    fields: new Set(requests.map((r) => r.field.name)).size,
    positions: positionCount,
    perField: {},
    codes: {},
    defects: [],
  };
  const sendOne = async ({ field, query, variables }: Planned): Promise<Answer> => {
    const answer = await send(target.url, target.headers, { query, variables });
    stats.requests++;
    stats.perField[field.name] = (stats.perField[field.name] ?? 0) + 1;
    for (const code of codesOf(answer)) stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    if (refused(answer, field.name)) stats.refused++;
    const found = defects(answer);
    if (found.length)
      stats.defects.push(
        `${target.label} ${field.name}: ${found.join(', ')}: ${answer.text.slice(0, 300)}\n  query: ${query.slice(0, 400)}\n  variables: ${JSON.stringify(variables).slice(0, 300)}`,
      );
    return answer;
  };

  const queries = requests.filter((r) => r.field.operation === 'query');
  let baseline = await counter.settled();
  for (let i = 0; i < queries.length; i += 4) await Promise.all(queries.slice(i, i + 4).map(sendOne));
  const afterQueries = await counter.count();
  if (changed(baseline, afterQueries).length)
    stats.defects.push(`${target.label}: queries wrote rows: ${changed(baseline, afterQueries).join('; ')}`);

  baseline = await counter.settled();
  for (const request of requests.filter((r) => r.field.operation === 'mutation')) {
    const answer = await sendOne(request);
    if (!refused(answer, request.field.name)) {
      baseline = await counter.settled();
      continue;
    }
    const after = await counter.count();
    if (!changed(baseline, after).length || auditedRefusal(answer, changed(baseline, after))) {
      baseline = after;
      continue;
    }
    // Something moved: this request, or a workflow an earlier valid one started. Once things
    // are quiet, the same request again tells which (a refusal that writes writes again). A
    // campaign's children trickle in on a loaded machine: quiet means a second without a write.
    const quiet = await counter.settled(1_000, 60_000);
    const again = await send(target.url, target.headers, { query: request.query, variables: request.variables });
    const afterAgain = await counter.count();
    const wrote = changed(quiet, afterAgain);
    if (refused(again, request.field.name) && wrote.length && !auditedRefusal(again, wrote))
      stats.defects.push(
        `${target.label} ${request.field.name}: refused, yet wrote ${wrote.join('; ')}: ${again.text.slice(0, 200)}\n  query: ${request.query.slice(0, 300)}`,
      );
    baseline = afterAgain;
  }
  return stats;
}
