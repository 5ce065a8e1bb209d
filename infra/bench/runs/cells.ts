import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { signToken } from '../../../services/common/identity.js';
import { CATALOG } from '../../../services/processes/catalog.js';
import {
  checkFilter,
  filterToJson,
  ProcessRunFilter,
  visibilityClauses,
} from '../../../services/processes/runs/filter.js';
import { decodeRunCursor, newerFirst, newestFirst, type RunKey } from '../../../services/processes/runs/paging.js';
import { RunStatus, toProcessRun } from '../../../services/processes/runs/run.js';
import { gql } from '../processes/graphql.js';
import { inLanes, type LaneResult } from '../procurement/lanes.js';
import { STAGES, YEARS, type Population, type SyntheticRun } from './population.js';

// The cells: one filter each, asked of processRuns through the gateway and, with the same
// visibility query (filter.ts's visibilityClauses, the function the resolver uses), of Temporal
// directly; each side `requests` times closed-loop at `concurrency`. Only fields visibility
// answers are asked for (no process, summary, historyLength or pendingActivities: those need a
// describe(), the history or the hub's tables per run, and these runs have no worker).

export type Kind = 'page' | 'next' | 'counts';

export interface Cell {
  name: string;
  filter: ProcessRunFilter;
  first: number;
  kind: Kind;
  /** Runs the filter selects, from the population's own list; undefined for time windows (only visibility knows the start times). */
  expected?: number;
}

export interface Anatomy {
  /** Visibility calls the hub's paging (newestFirst) made for one such page, and how many runs its lists returned. */
  lists: number;
  counts: number;
  listed: number;
}

export interface CellResult {
  cell: Cell;
  query: string | undefined;
  /** Runs the query selects, as Temporal counted them before the cell. */
  matching: number;
  gateway: LaneResult;
  direct: LaneResult;
  anatomy: Anatomy;
  /** How processRuns's page differed from every matching run sorted newest first (checkOrder); absent when it did not. */
  orderProblem?: string;
  /** CPU seconds [hub child, Temporal dev server] spent while each side was measured. */
  cpu: { gateway: number[]; direct: number[] };
}

// A page asks for no count (totalCount, countsByStatus): what a page costs is measured apart from them.
const PAGE = `query BenchRuns($filter: ProcessRunFilter, $first: Int!, $after: String) {
  processRuns(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id workflowType processType stage year status startTime } } } }`;
const COUNTS = `query BenchRunCounts($filter: ProcessRunFilter) {
  processRuns(filter: $filter, first: 1) { totalCount countsByStatus { status count } } }`;

/** Admin tokens the requests take turns with: the gateway's rate limit (100/s by default) is per subject. */
const TOKENS = 16;

const filterOf = (fields: Partial<ProcessRunFilter>) =>
  checkFilter(Object.assign(new ProcessRunFilter(), fields), CATALOG);

export function cellsOf(population: Population): Cell[] {
  const { runs, organizations, startWindow, closedMark } = population;
  const count = (pick: (run: SyntheticRun) => boolean) => runs.filter(pick).length;
  const [processType, stage, organizationId, year] = [
    CATALOG.processes[1]!.processType,
    STAGES[3]!,
    organizations[5]!,
    YEARS[3]!,
  ];
  const all = runs.length;
  return [
    { name: 'no filter, first 20', filter: filterOf({}), first: 20, kind: 'page', expected: all },
    { name: 'no filter, first 100', filter: filterOf({}), first: 100, kind: 'page', expected: all },
    {
      name: `processType ${processType} + stage ${stage}`,
      filter: filterOf({ processType, stage }),
      first: 20,
      kind: 'page',
      expected: count((r) => r.processType === processType && r.stage === stage),
    },
    {
      name: 'organizationId',
      filter: filterOf({ organizationId }),
      first: 20,
      kind: 'page',
      expected: count((r) => r.organizationId === organizationId),
    },
    {
      name: `year ${year} + status TERMINATED`,
      filter: filterOf({ year, status: RunStatus.TERMINATED }),
      first: 20,
      kind: 'page',
      expected: count((r) => r.year === year && r.closed),
    },
    {
      name: 'startedAfter/Before window',
      filter: filterOf({ startedAfter: startWindow.after, startedBefore: startWindow.before }),
      first: 20,
      kind: 'page',
    },
    { name: 'closedAfter', filter: filterOf({ closedAfter: closedMark }), first: 20, kind: 'page' },
    { name: 'second page: cursor / nextPageToken', filter: filterOf({}), first: 20, kind: 'next', expected: all },
    { name: 'countsByStatus / count GROUP BY', filter: filterOf({}), first: 1, kind: 'counts', expected: all },
  ];
}

/** The first `limit` runs of `query` in the store's own order: one page of `pageSize` when limit ≤ pageSize. */
async function firstRuns(
  client: Client,
  query: string | undefined,
  limit: number,
  pageSize = limit,
): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const info of client.workflow.list({ query, pageSize })) {
    if (found.push(info) >= limit) break;
  }
  return found;
}

/** One raw page (with its token), decoded as client.workflow.list decodes each run. */
async function rawPage(client: Client, query: string | undefined, pageSize: number, nextPageToken?: Uint8Array) {
  const { namespace, loadedDataConverter } = client.options;
  const page = await client.workflowService.listWorkflowExecutions({
    namespace,
    query,
    pageSize,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
  const runs = await Promise.all(
    page.executions.map((raw) => executionInfoFromRaw(raw, loadedDataConverter, raw, namespace)),
  );
  return { runs, nextPageToken: page.nextPageToken };
}

const groupedCount = (query: string | undefined) => [query, 'GROUP BY ExecutionStatus'].filter(Boolean).join(' ');

/** What the hub's paging asks of visibility for this page: newestFirst (paging.ts) over a counting view of the client. */
async function anatomyOf(
  client: Client,
  query: string | undefined,
  first: number,
  after: RunKey | undefined,
): Promise<Anatomy> {
  const tally: Anatomy = { lists: 0, counts: 0, listed: 0 };
  await newestFirst(
    {
      count: async (q) => {
        tally.counts += 1;
        return (await client.workflow.count(q)).count;
      },
      list: async (q, limit) => {
        tally.lists += 1;
        const runs = (await firstRuns(client, q, limit, Math.min(limit, 1000))).map(toProcessRun);
        tally.listed += runs.length;
        return runs;
      },
    },
    query,
    first,
    after,
  );
  return tally;
}

/**
 * Once per cell, outside the timing: is processRuns's page the runs that every matching run,
 * listed whole and sorted newest first (start, then run id, descending), puts at that place?
 * Undefined when it is; else what differs.
 */
async function checkOrder(
  o: { cell: Cell; client: Client; gatewayUrl: string; jwtSecret: string },
  query: string | undefined,
  variables: Record<string, unknown>,
  after: string | undefined,
  skip: number,
): Promise<string | undefined> {
  const token = await signToken({ subject: 'bench-runs-order', roles: ['ADMIN'], organizationIds: [] }, o.jwtSecret);
  const data = await gql(o.gatewayUrl, token, PAGE, { ...variables, ...(after ? { after } : {}) });
  const got = (data.processRuns.edges as { node: { id: string } }[]).map((e) => e.node.id);
  const everything = (await firstRuns(o.client, query, Number.MAX_SAFE_INTEGER, 1000))
    .map(toProcessRun)
    .sort(newerFirst);
  const want = everything.slice(skip, skip + o.cell.first).map((run) => run.id);
  const at = want.findIndex((id, i) => got[i] !== id);
  if (at < 0 && got.length === want.length) return undefined;
  return (
    `${got.length} runs where ${want.length} were due; first difference at position ${at < 0 ? want.length : at + 1}: ` +
    `${got[at] ?? 'none'} where ${want[at] ?? 'none'} was due`
  );
}

function check(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what}: ${got}, expected ${want}`);
}

/** Measures one cell, gateway then direct, each after a warm-up of 2 × concurrency requests not counted. */
export async function measureCell(o: {
  cell: Cell;
  client: Client;
  gatewayUrl: string;
  jwtSecret: string;
  requests: number;
  concurrency: number;
  log: (line: string) => void;
  /** startStack's cpuSpent: CPU seconds [hub, Temporal] since its previous call. */
  cpuSpent: () => number[];
}): Promise<CellResult> {
  const { cell, client } = o;
  const query = visibilityClauses(cell.filter);
  const matching = (await client.workflow.count(query)).count;
  if (cell.expected !== undefined) check(`${cell.name}: Temporal counts`, matching, cell.expected);
  const tokens = await Promise.all(
    Array.from({ length: TOKENS }, (_, k) =>
      signToken({ subject: `bench-runs-admin-${k}`, roles: ['ADMIN'], organizationIds: [] }, o.jwtSecret),
    ),
  );
  const variables = { filter: filterToJson(cell.filter), first: cell.first };
  const skip = cell.kind === 'next' ? cell.first : 0;
  const onPage = Math.max(0, Math.min(cell.first, matching - skip));

  // The second page's position on each side: the first page's endCursor, and its nextPageToken.
  let after: string | undefined;
  let nextPageToken: Uint8Array | undefined;
  if (cell.kind === 'next') {
    const first = await gql(o.gatewayUrl, tokens[0]!, PAGE, variables);
    after = first.processRuns.pageInfo.endCursor as string;
    nextPageToken = (await rawPage(client, query, cell.first)).nextPageToken ?? undefined;
    if (!nextPageToken?.length) throw new Error(`${cell.name}: Temporal gave no next page token`);
  }

  const gateway = async (i: number) => {
    const token = tokens[i % TOKENS]!;
    if (cell.kind === 'counts') {
      const data = await gql(o.gatewayUrl, token, COUNTS, variables);
      const counts = data.processRuns.countsByStatus as { count: number }[];
      check(
        'countsByStatus summed',
        counts.reduce((sum, c) => sum + c.count, 0),
        matching,
      );
      return;
    }
    const data = await gql(o.gatewayUrl, token, PAGE, { ...variables, ...(after ? { after } : {}) });
    check('processRuns edges', data.processRuns.edges.length, onPage);
    check(
      'processRuns hasNextPage',
      Number(data.processRuns.pageInfo.hasNextPage),
      Number(matching > skip + cell.first),
    );
  };
  const direct = async () => {
    if (cell.kind === 'counts') {
      const counted = await client.workflow.count(groupedCount(query));
      check(
        'count GROUP BY ExecutionStatus summed',
        counted.groups.reduce((sum, g) => sum + g.count, 0),
        matching,
      );
      return;
    }
    const runs =
      cell.kind === 'next'
        ? (await rawPage(client, query, cell.first, nextPageToken)).runs
        : await firstRuns(client, query, cell.first);
    check('runs listed', runs.length, onPage);
  };

  const side = async (name: string, send: (i: number) => Promise<void>) => {
    const warm = await inLanes(`${cell.name}: ${name} warm-up`, 2 * o.concurrency, o.concurrency, send, o.log);
    if (warm.errors) throw new Error(`${cell.name}: ${name} warm-up failed: ${warm.firstError}`);
    o.cpuSpent();
    const result = await inLanes(`${cell.name}: ${name}`, o.requests, o.concurrency, send, o.log);
    return { result, cpu: o.cpuSpent() };
  };
  const orderProblem = cell.kind === 'counts' ? undefined : await checkOrder(o, query, variables, after, skip);
  const g = await side('processRuns via gateway', gateway);
  const d = await side('Temporal directly', direct);
  const anatomy = await anatomyOf(client, query, cell.first, after ? decodeRunCursor(after) : undefined);
  return {
    cell,
    query,
    matching,
    gateway: g.result,
    direct: d.result,
    anatomy,
    cpu: { gateway: g.cpu, direct: d.cpu },
    ...(orderProblem ? { orderProblem } : {}),
  };
}
