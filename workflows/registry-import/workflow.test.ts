import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { RegistryImport, RegistryImportFile } from '../../services/processes/registry-import/entities.js';
import { makeCreditCode } from '../../services/registry/credit-code.js';
import {
  createHubWorker,
  createTimeSkippingEnv,
  maybeSaveHistory as saveHistory,
} from '../../test/support/time-skipping.js';
import { decideUpdate, type DecisionReport } from '../human-task/contracts.js';
import {
  REGISTRY_IMPORT_WORKFLOW_TYPE,
  registryImportStateQuery,
  type RegistryImportInput,
  type RegistryImportState,
} from './contracts.js';

// The import's workflow on the time-skipping server with the real activities (the test run's
// PostgreSQL and registry): a worker that loses its answer after applying retries the apply and
// the registry writes nothing twice; a review nobody takes expires. SAVE_HISTORIES=1 keeps the
// runs' histories for replay.test.ts.

const DAY = 24 * 60 * 60 * 1000;
const HISTORIES = new URL('./histories/', import.meta.url);
const maybeSaveHistory = (name: string, handle: WorkflowHandle) => saveHistory(HISTORIES, name, handle);
const run = randomUUID()
  .replace(/[^0-9]/g, '')
  .slice(0, 6)
  .padEnd(6, '3');
let serial = 0;

let env: TestWorkflowEnvironment;
let orm: MikroORM;
const workers: { worker: Worker; running: Promise<void> }[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 4 });
});

afterAll(async () => {
  for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.all(workers.map(({ running }) => running));
  await env?.teardown();
  await orm?.close();
});

async function sql<R>(text: string, ...values: unknown[]): Promise<R[]> {
  return orm.em.getConnection().execute<R[]>(text, values);
}

/** A stored file of new organisations and its import row, as the upload and start mutations leave them. */
async function importOf(codes: string[]): Promise<RegistryImportInput> {
  const csv = ['统一社会信用代码,名称,组织类型,行政区划代码,登记日期']
    .concat(codes.map((code, i) => `${code},快进导入${run}-${i},基层商会,330402,2016-01-0${i + 1}`))
    .join('\n');
  const content = Buffer.from(csv);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const em = orm.em.fork();
  const file = em.create(RegistryImportFile, {
    id: randomUUID(),
    kind: 'ORGANIZATIONS',
    fileName: `快进-${run}.csv`,
    format: 'CSV',
    sha256,
    size: content.length,
    rows: codes.length,
    content,
    uploadedBy: 'officer-upload',
  });
  const processId = randomUUID();
  const input: RegistryImportInput = {
    processId,
    workflowId: `registry-import-${processId}`,
    reviewTaskId: randomUUID(),
    fileId: file.id,
    sha256,
    kind: 'ORGANIZATIONS',
    fileName: file.fileName,
    uploadedBy: 'officer-upload',
    organizationId: '00000000-0000-0000-0000-000000000000',
  };
  em.create(RegistryImport, {
    id: processId,
    workflowId: input.workflowId,
    stage: 'VALIDATING',
    kind: 'ORGANIZATIONS',
    fileId: file.id,
    fileName: file.fileName,
    sha256,
    uploadedBy: 'officer-upload',
  });
  await em.flush();
  return input;
}

const newCode = () => makeCreditCode('5', '1', '330402', `${run}${String(serial++).padStart(3, '0')}`);

async function started(input: RegistryImportInput, around?: Parameters<typeof createHubWorker>[1]['around']) {
  const taskQueue = `registry-import-${randomUUID()}`;
  const worker = await createHubWorker(env, { orm, taskQueue, around });
  workers.push({ worker, running: worker.run() });
  const handle = await env.client.workflow.start(REGISTRY_IMPORT_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: input.workflowId,
    args: [input],
  });
  for (let i = 0; i < 100; i++) {
    // The review task's row is written by the same local activity that opens it in the workflow.
    const opened = await sql('select 1 from processes.human_task where id = ?', input.reviewTaskId);
    if ((await handle.query(registryImportStateQuery)).stage === 'AWAITING_REVIEW' && opened.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return handle;
}

describe('the registry import workflow', () => {
  it('applies once: a worker that loses its answer after applying retries, and the registry writes nothing twice', async () => {
    const codes = [newCode(), newCode()];
    const input = await importOf(codes);
    let lost = false;
    const handle = await started(input, (activities) => ({
      ...activities,
      async applyImport(arg: { importId: string }) {
        const applied = await (activities.applyImport as (a: typeof arg) => Promise<unknown>)(arg);
        if (!lost) {
          lost = true;
          throw new Error('the worker crashed before answering');
        }
        return applied;
      },
    }));
    const report = (await handle.executeUpdate(decideUpdate, {
      args: [{ taskId: input.reviewTaskId, decision: 'APPROVE', decidedBy: 'officer-review' }],
      updateId: input.reviewTaskId,
    })) as DecisionReport<RegistryImportInput, RegistryImportState>;
    expect(report.state.stage).toBe('APPLYING');
    const state = await handle.result();
    expect(lost).toBe(true);
    expect(state).toMatchObject({
      stage: 'APPLIED',
      decision: 'APPROVE',
      reviewedBy: 'officer-review',
      preview: { rows: 2, valid: 2, invalid: 0, created: 2, changed: 0, unchanged: 0 },
      applied: { created: 2, changed: 0, unchanged: 0, refused: 0 },
    });
    const organizations = await sql<{ id: string }>(
      `select id from registry.organization where credit_code in (${codes.map(() => '?').join(', ')})`,
      ...codes,
    );
    expect(organizations).toHaveLength(2);
    const audits = await sql<{ n: number }>(
      `select count(*)::int as n from registry.audit_entry where entity_id in (${organizations.map(() => '?').join(', ')})`,
      ...organizations.map((o) => o.id),
    );
    expect(audits[0].n).toBe(2);
    const [row] = await sql<{ stage: string }>(
      'select stage from processes.registry_import where id = ?',
      input.processId,
    );
    expect(row.stage).toBe('APPLIED');
    await maybeSaveHistory('applied', handle);
  });

  it('expires when no second officer reviews it within 14 days, and writes nothing', async () => {
    const codes = [newCode()];
    const input = await importOf(codes);
    const handle = await started(input);
    await env.sleep(15 * DAY);
    const state = await handle.result();
    expect(state.stage).toBe('EXPIRED');
    expect(await sql('select 1 from registry.organization where credit_code = ?', codes[0])).toHaveLength(0);
    await maybeSaveHistory('expired', handle);
  });

  it('fails, saying why, when the stored file no longer has its hash', async () => {
    const input = await importOf([newCode()]);
    await sql(
      'update processes.registry_import_file set content = ? where id = ?',
      Buffer.from('changed'),
      input.fileId,
    );
    const taskQueue = `registry-import-${randomUUID()}`;
    const worker = await createHubWorker(env, { orm, taskQueue });
    workers.push({ worker, running: worker.run() });
    const state = await env.client.workflow.execute(REGISTRY_IMPORT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: input.workflowId,
      args: [input],
    });
    expect(state.stage).toBe('FAILED');
    const [row] = await sql<{ stage: string; rejection_reason: string }>(
      'select stage, rejection_reason from processes.registry_import where id = ?',
      input.processId,
    );
    expect(row).toEqual({ stage: 'FAILED', rejection_reason: expect.stringContaining('does not have its hash') });
  });
});
