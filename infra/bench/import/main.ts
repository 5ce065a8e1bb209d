import 'reflect-metadata'; // the ORM loads the entities, whose decorators need it
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import ExcelJS from 'exceljs';
import { freshDatabase } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { progressLog, runBench, wholeFlag } from '../run.js';
import { startServers } from '../servers.js';
import { BENCH_SUBGRAPH_SECRET } from '../signing.js';
import { readConfig } from '../../../services/common/config.js';
import { todayInChina } from '../../../services/common/dates.js';
import { parseCli } from '../../../services/common/cli.js';
import { createProcessesOrm } from '../../../services/processes/orm.js';
import { CATALOG } from '../../../services/processes/catalog.js';
import { createRegistryClient } from '../../../services/processes/registry/client.js';
import { createRegistryImportActivities } from '../../../services/processes/registry-import/activities.js';
import { RegistryImport, RegistryImportFile } from '../../../services/processes/registry-import/entities.js';
import { makeCreditCode } from '../../../services/registry/credit-code.js';

// npm run bench:import -- [--rows 50000]
//
// On a fresh database (BENCH_IMPORT_DATABASE_URL, default …/hub_bench_import: migrated, seeded)
// with the registry in a child process: a generated organisations CSV and an inspections XLSX of
// --rows rows each are previewed (every row checked, the registry's dry run included) and
// applied (batches through importRegistryRows) by the import's own activities, called in this
// process: the upload's 640 KiB / 10,000-row limit is the request's, not the engine's. Beside
// them, PostgreSQL COPY of the same CSV into a scratch table: the floor. This process's RSS is
// sampled every 20 ms: its peak growth over the value before each file is the parser's memory.
// --save <file> keeps this run's ratios; --against <file> prints a saved run's beside this one's
// (a run of an earlier commit: before and after a change, in one table).

const { values: flags } = parseCli({
  usage: 'npm run bench:import -- [--rows 50000] [--save <file.json>] [--against <file.json>]',
  about:
    'Previews and applies a generated organisations CSV and inspections XLSX of --rows rows each, beside\nPostgreSQL COPY of the same rows, printing rows per second and peak memory growth.',
  options: {
    rows: { type: 'string', default: '50000' },
    save: { type: 'string' },
    against: { type: 'string' },
  },
});
const rows = wholeFlag('rows', flags.rows);
const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_import';
const log = progressLog();
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The peak RSS of this process while `work` runs, above its RSS before it. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakGrowth: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakGrowth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

const codes = Array.from({ length: rows }, (_, i) =>
  makeCreditCode('5', '1', '330402', `BN${String(i).padStart(7, '0')}`),
);
const lastYear = Number(todayInChina().slice(0, 4)) - 1;

function organizationsCsv(): Buffer {
  const lines = ['统一社会信用代码,名称,组织类型,行政区划代码,登记日期'];
  for (const [i, code] of codes.entries()) lines.push(`${code},压测导入商会${i},基层商会,330402,2015-06-01`);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

async function inspectionsXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('年检');
  sheet.addRow(['统一社会信用代码', '名称', '年度', '年检结果']);
  for (const [i, code] of codes.entries())
    sheet.addRow([code, `压测导入商会${i}`, lastYear, i % 7 ? '合格' : '基本合格']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

runBench(async (stops) => {
  log(`fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations and seed`);
  await freshDatabase(databaseUrl);
  const servers = await startServers(databaseUrl, { gateway: false });
  stops.push(() => servers.stop());
  const settings = readConfig({ ...process.env, DATABASE_URL: databaseUrl, SUBGRAPH_SECRET: BENCH_SUBGRAPH_SECRET });
  const registry = createRegistryClient(servers.registryUrl, {
    jwtSecret: settings.jwtSecret,
    subgraphSecrets: [BENCH_SUBGRAPH_SECRET],
    timeoutMs: 120_000,
  });
  const orm = await createProcessesOrm(CATALOG, databaseUrl, { poolMax: 2 });
  stops.push(() => orm.close());
  const activities = createRegistryImportActivities({ orm, registry, maxRows: rows });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  stops.push(() => pool.end());

  /** Stores a file and its import row as upload and start do, bypassing the request's size limit. */
  async function stored(kind: string, format: string, content: Buffer) {
    const em = orm.em.fork();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const file = em.create(RegistryImportFile, {
      id: randomUUID(),
      kind,
      fileName: `bench.${format.toLowerCase()}`,
      format,
      sha256,
      size: content.length,
      rows,
      content,
      uploadedBy: 'bench',
    });
    const id = randomUUID();
    em.create(RegistryImport, {
      id,
      workflowId: `registry-import-${id}`,
      stage: 'VALIDATING',
      kind,
      fileId: file.id,
      fileName: file.fileName,
      sha256,
      uploadedBy: 'bench',
    });
    await em.flush();
    return { id, sha256 };
  }

  const lines: string[] = [];
  /** Per file: applied rows/s and apply ÷ COPY, to save and to compare. */
  const measures: Record<string, { applied: number; ratio: number }> = {};
  const before = flags.against
    ? (JSON.parse(readFileSync(flags.against, 'utf8')) as { measures: typeof measures; rows: number })
    : null;
  const csv = organizationsCsv();
  const csvPath = join(tmpdir(), `bench-import-${process.pid}.csv`);
  writeFileSync(csvPath, csv);
  stops.push(async () => rmSync(csvPath, { force: true }));
  log(`COPY of the ${n(rows)} organisation rows into a scratch table (the floor)`);
  await pool.query(
    'create table if not exists public.bench_import_scratch (credit_code text, name text, kind text, region_code text, registered_on date)',
  );
  // The floor is the fastest of three COPYs: one takes a fraction of a second, and on a shared
  // machine a single one swings 2-4× with the load, and every ratio with it.
  let copySeconds = Infinity;
  for (let i = 0; i < 3; i++) {
    await pool.query('truncate public.bench_import_scratch');
    const copyStarted = performance.now();
    // The server reads the file itself (the bench's PostgreSQL is local): no client library needed.
    await pool.query(`copy public.bench_import_scratch from '${csvPath}' with (format csv, header true)`);
    copySeconds = Math.min(copySeconds, (performance.now() - copyStarted) / 1000);
  }
  await pool.query('drop table public.bench_import_scratch');

  for (const [kind, format, content] of [
    ['ORGANIZATIONS', 'CSV', csv],
    ['INSPECTIONS', 'XLSX', await inspectionsXlsx()],
  ] as const) {
    const { id, sha256 } = await stored(kind, format, content);
    log(`${kind}: preview of ${n(rows)} rows (${mib(content.length)} ${format})`);
    const preview = await measured(() => activities.previewImport({ importId: id, sha256 }));
    if (preview.result.valid !== rows) throw new Error(`${kind}: ${preview.result.valid} valid rows of ${rows}`);
    log(`${kind}: apply`);
    const applied = await measured(() => activities.applyImport({ importId: id }));
    if (applied.result.created + applied.result.changed !== rows)
      throw new Error(`${kind}: applied ${JSON.stringify(applied.result)}`);
    const ratio = applied.seconds / copySeconds;
    measures[kind] = { applied: rows / applied.seconds, ratio };
    const earlier = before?.measures[kind];
    const compared = before ? ` ${earlier ? `${n(earlier.applied)} / ${earlier.ratio.toFixed(1)}×` : '–'} |` : '';
    lines.push(
      `| ${kind} (${format}, ${mib(content.length)}) | ${n(rows / preview.seconds)} | ${mib(preview.peakGrowth)} | ${n(rows / applied.seconds)} | ${mib(applied.peakGrowth)} | ${ratio.toFixed(1)}× |${compared}`,
    );
  }
  console.log(`\nbench:import, ${n(rows)} rows a file — ${machine()}`);
  console.log(`PostgreSQL COPY of the organisations CSV into a scratch table: ${n(rows / copySeconds)} rows/s\n`);
  const against = before ? ` before (${flags.against}, ${n(before.rows)} rows): applied rows/s / apply ÷ COPY |` : '';
  console.log(
    `| file | validated rows/s | peak RSS growth | applied rows/s | peak RSS growth | apply ÷ COPY |${against}`,
  );
  console.log(
    `| ---- | ---------------- | --------------- | -------------- | --------------- | ------------ |${before ? ' --- |' : ''}`,
  );
  for (const line of lines) console.log(line);
  if (flags.save)
    writeFileSync(flags.save, JSON.stringify({ rows, copySeconds, measures, machine: machine() }, null, 2));
});
