import 'reflect-metadata'; // migrate() and the runs' filter load type-graphql's decorators, which need it
import { readFile } from 'node:fs/promises';
import { parseCli } from '../../../services/common/cli.js';
import { freshDatabase } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { progressLog, runBench, startStack, wholeFlag } from '../run.js';
import { populate } from './population.js';
import { cellsOf, measureCell, type CellResult } from './cells.js';
import { formatReport } from './report.js';

// npm run bench:runs -- [--runs 10000] [--requests 200] [--concurrency 4]
//
// The admins' processRuns (issue 10 §1) over --runs runs on a Temporal dev server of its own:
// for each filter, --requests requests through the gateway, --concurrency at a time, p50/p99 and
// requests per second, beside the same visibility query sent to Temporal directly in the same
// run (list one page, the next page by token, count GROUP BY ExecutionStatus), with the ratios.
// The runs are started with the client on a task queue no worker polls, carrying the hub's
// search attributes, an eighth of them terminated (population.ts).

const { values: flags } = parseCli({
  usage: 'npm run bench:runs -- [--runs 10000] [--requests 200] [--concurrency 4]',
  about:
    "The admins' processRuns (issue 10 §1) over --runs runs on a Temporal dev server of its own: for each filter, --requests requests through the gateway, --concurrency at a time, p50/p99 and requests per second, beside the same visibility query sent to Temporal directly in the same run (list one page, the next page by token, count GROUP BY ExecutionStatus), with the ratios. The runs are started with the client on a task queue no worker polls, carrying the hub's search attributes, an eighth of them terminated (population.ts).",
  options: {
    runs: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
  },
});
const runs = wholeFlag('runs', flags.runs);
const requests = wholeFlag('requests', flags.requests);
const concurrency = wholeFlag('concurrency', flags.concurrency);
if (runs < 40) throw new Error('--runs must be at least 40: the year + status cell needs a terminated run of its year');
const databaseUrl = process.env.BENCH_RUNS_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_runs';
const log = progressLog();

runBench(async (stops) => {
  // The gateway serves the committed supergraph: without processRuns in it nothing here can run.
  if (
    !(await readFile(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8')).includes('processRuns(')
  ) {
    throw new Error('schema/supergraph.graphql has no processRuns: compose it first (npm run schema)');
  }
  log(`machine: ${machine()}`);
  log(`fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations, seed`);
  await freshDatabase(databaseUrl);
  const { hub, client, settings, cpuSpent } = await startStack({
    databaseUrl,
    taskQueue: 'hub-bench-runs',
    hubEntry: 'infra/bench/processes/hub.ts',
    sideWorker: "the trivial workflows' worker (idle here)",
    log,
    stops,
  });
  const before = (await client.workflow.count()).count;
  if (before) throw new Error(`the new dev server already holds ${before} runs`);

  const population = await populate(client, runs, log);
  const cells: CellResult[] = [];
  for (const cell of cellsOf(population)) {
    log(`cell ${cells.length + 1}: ${cell.name}`);
    const result = await measureCell({
      cell,
      client,
      gatewayUrl: hub.gatewayUrl,
      jwtSecret: settings.jwtSecret,
      requests,
      concurrency,
      log,
      cpuSpent,
    });
    cells.push(result);
    const { gateway: g, direct: d } = result;
    log(
      `  ${result.matching} runs match; processRuns p50 ${g.p50.toFixed(1)} ms, p99 ${g.p99.toFixed(1)} ms, ${g.perSecond.toFixed(1)}/s${g.errors ? `, ${g.errors} errors` : ''}; ` +
        `direct p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, ${d.perSecond.toFixed(1)}/s${d.errors ? `, ${d.errors} errors` : ''}; p50 ratio ${(g.p50 / d.p50).toFixed(1)}×`,
    );
  }

  console.log(
    `\n${formatReport({ runs, requests, concurrency, population, cells })}\n\nmachine: ${machine()}; Temporal dev server (defaults, in-memory SQLite ` +
      `visibility); the hub (registry, processes, worker, gateway) in one child process; load generator and the direct client in the parent; ` +
      `whole run ${log.seconds().toFixed(0)} s\n`,
  );
});
