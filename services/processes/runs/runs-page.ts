import type { GraphQLResolveInfo } from 'graphql';
import type { Client } from '@temporalio/client';
import type { ProcessesContext } from '../kit/context.js';
import { badInput } from '../../common/errors.js';
import { and, decodeRunCursor, encodeRunCursor, newestFirst, type Visibility } from './paging.js';
import { ProcessRunFilter } from './filter.js';
import { asksFor } from '../../common/selection.js';
import { runQuery } from './candidates.js';
import { runsInJurisdiction } from './jurisdiction.js';
import {
  ProcessRun,
  ProcessRunConnection,
  RunStatus,
  RunStatusCount,
  statusOfVisibilityName,
  toProcessRun,
} from './run.js';

// One page of runs over Temporal's visibility, newest first, with counts per status only when asked.

function visibilityOf(temporal: Client): Visibility<ProcessRun> {
  return {
    count: async (query) => (await temporal.workflow.count(query)).count,
    async list(query, limit) {
      const runs: ProcessRun[] = [];
      for await (const info of temporal.workflow.list({ query, pageSize: Math.min(limit, 1000) })) {
        runs.push(toProcessRun(info));
        if (runs.length >= limit) break;
      }
      return runs;
    },
  };
}

async function countsByStatus(
  temporal: Client,
  query: string | undefined,
): Promise<{ total: number; counts: RunStatusCount[] }> {
  const { count, groups } = await temporal.workflow.count(
    and(query) ? `${query} GROUP BY ExecutionStatus` : 'GROUP BY ExecutionStatus',
  );
  const counts = groups.flatMap((group) => {
    const value = group.groupValues[0];
    const status = statusOfVisibilityName(String(Array.isArray(value) ? value[0] : value));
    return status ? [{ status, count: group.count }] : [];
  });
  return {
    total: count,
    counts: counts.sort((a, b) => Object.keys(RunStatus).indexOf(a.status) - Object.keys(RunStatus).indexOf(b.status)),
  };
}

/**
 * One page of runs matching `filter` (checked), newest first. The GROUP BY count runs only when
 * the query asks for totalCount or countsByStatus: over 10,000 runs it was a third of a page's
 * time at the Temporal server (npm run bench:runs).
 */
export async function runsPage(
  ctx: ProcessesContext,
  filter: ProcessRunFilter,
  first: number,
  after: string | undefined,
  info?: GraphQLResolveInfo,
): Promise<ProcessRunConnection> {
  if (!(Number.isInteger(first) && first >= 1 && first <= 100))
    throw badInput('first must be between 1 and 100', 'first');
  const position = after != null ? decodeRunCursor(after) : undefined;
  const [chosen, scope] = await Promise.all([runQuery(filter, ctx), runsInJurisdiction(ctx)]);
  const { empty, candidatesLimited } = chosen;
  const query = and(chosen.query, scope);
  if (empty) {
    return {
      edges: [],
      totalCount: 0,
      countsByStatus: [],
      candidatesLimited,
      pageInfo: { hasNextPage: false, hasPreviousPage: after != null, startCursor: null, endCursor: null },
    };
  }
  const counted = asksFor(info, ['totalCount', 'countsByStatus']);
  const [page, counts] = await Promise.all([
    newestFirst(visibilityOf(ctx.temporal), query, first, position),
    counted ? countsByStatus(ctx.temporal, query) : { total: 0, counts: [] },
  ]);
  const edges = page.runs.map((node) => ({ node, cursor: encodeRunCursor(node) }));
  return {
    edges,
    totalCount: counts.total,
    countsByStatus: counts.counts,
    candidatesLimited,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
