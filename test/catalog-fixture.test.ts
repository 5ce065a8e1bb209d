import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../services/common/config.js';
import { startProcesses } from '../services/processes/main.js';
import { startWorker } from '../services/processes/worker.js';
import { startGateway } from '../services/gateway/main.js';
import { CATALOG } from '../services/processes/catalog.js';
import { ProcessCatalog } from '../services/processes/kit/process-catalog.js';
import type { ProcessesContext } from '../services/processes/kit/context.js';
import { composeSupergraph } from '../infra/schema/compose.js';
import { acknowledgementProcess } from './fixtures/acknowledgement/process.js';
import { freePort } from '../infra/dev/ports.js';
import { gql, orgId, token } from './support/hub.js';
import { until } from './support/until.js';

// A process that lives only in test code (test/fixtures/acknowledgement: one folder, one catalog
// record) runs on a hub whose catalog holds it beside the hub's own: its task reaches the
// approver's inbox, is decided, and its run, stage and timeline are told in its own words by the
// runs view. Nothing outside that folder names it: the plumbing is built from the catalog.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const wenzhou = orgId('wenzhou');
let gatewayUrl = '';
const stops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const catalog = new ProcessCatalog<ProcessesContext>([...CATALOG.processes, acknowledgementProcess]);
  const [processesPort, gatewayPort] = [await freePort(), await freePort()];
  const settings = readConfig({
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_PAYLOAD_KEYS: inject('temporalPayloadKeys'),
    JWT_SECRET: inject('jwtSecret'),
    // The global registry answers only requests signed with the run's secret (runs ask it for jurisdiction).
    SUBGRAPH_SECRET: inject('subgraphSecret'),
    // A queue of its own: the global hub's worker does not know this process's workflow.
    TEMPORAL_TASK_QUEUE: `fixture-${Math.random().toString(36).slice(2, 8)}`,
    LISTEN_HOST: '127.0.0.1',
    PROCESSES_PORT: String(processesPort),
    GATEWAY_PORT: String(gatewayPort),
    REGISTRY_URL: inject('registryUrl'),
    PROCESSES_URL: `http://127.0.0.1:${processesPort}/graphql`,
    WORKER_METRICS_ADDRESS: 'off',
  });
  const processes = await startProcesses(settings, catalog);
  stops.push(() => processes.stop());
  const worker = await startWorker(settings, { catalog });
  stops.push(() => worker.stop());
  const supergraphSdl = (await composeSupergraph(catalog))['supergraph.graphql'];
  const gateway = await startGateway(settings, { supergraphSdl });
  stops.push(() => gateway.stop());
  gatewayUrl = gateway.url;
}, 180_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe('a process that is one folder and one catalog record', () => {
  it('is in the catalog the API tells, with its own words', async () => {
    const r = await gql(
      '{ processCatalog { processes { processType zh stages { code zh } taskKinds { code zh form { outcomes } } outcomes { code zh } } } }',
      {},
      await token(['APPROVER'], [wenzhou]),
      gatewayUrl,
    );
    expect(r.errors).toBeUndefined();
    const described = r.data.processCatalog.processes.find(
      (p: { processType: string }) => p.processType === 'ACKNOWLEDGEMENT',
    );
    expect(described).toEqual({
      processType: 'ACKNOWLEDGEMENT',
      zh: '知悉确认',
      stages: [
        { code: 'ASKED', zh: '待确认知悉' },
        { code: 'ACKNOWLEDGED', zh: '已确认知悉' },
        { code: 'LAPSED', zh: '逾期未确认' },
      ],
      taskKinds: [{ code: 'ACKNOWLEDGE', zh: '确认知悉', form: { outcomes: ['ACKNOWLEDGE'] } }],
      outcomes: [{ code: 'ACKNOWLEDGE', zh: '已知悉' }],
    });
  });

  it('opens its task in the inbox, takes the decision, and shows its run, stage and timeline in its words', async () => {
    const admin = await token(['ADMIN'], [], 'admin-fixture');
    const approver = await token(['APPROVER'], [wenzhou], 'secretary-fixture');
    const requested = await gql(
      'mutation ($org: ID!) { requestAcknowledgement(organizationId: $org, note: "2027 年度年检通知") { id workflowId stage } }',
      { org: wenzhou },
      admin,
      gatewayUrl,
    );
    expect(requested.errors).toBeUndefined();
    const { id, workflowId } = requested.data.requestAcknowledgement;

    const inbox = await until(
      () =>
        gql(
          '{ myTasks(processType: ACKNOWLEDGEMENT, first: 10) { edges { node { id kind title status processType form { outcomes } } } } }',
          {},
          approver,
          gatewayUrl,
        ),
      (r) => (r.data?.myTasks.edges.length ?? 0) > 0,
      'the acknowledgement task in the inbox',
    );
    const task = inbox.data.myTasks.edges[0].node;
    expect(task).toMatchObject({
      kind: 'ACKNOWLEDGE',
      title: '确认知悉：2027 年度年检通知',
      status: 'OPEN',
      processType: 'ACKNOWLEDGEMENT',
      form: { outcomes: ['ACKNOWLEDGE'] },
    });

    const decided = await gql(
      `mutation ($id: ID!) { decideTask(id: $id, input: { outcome: ACKNOWLEDGE, values: { remark: "已阅" } }) {
        task { status decision decidedBy }
        process { __typename id stage ... on Acknowledgement { note acknowledgedBy } } } }`,
      { id: task.id },
      approver,
      gatewayUrl,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideTask).toEqual({
      task: { status: 'DONE', decision: 'ACKNOWLEDGE', decidedBy: 'secretary-fixture' },
      // As the workflow reported it in the update's answer.
      process: {
        __typename: 'Acknowledgement',
        id,
        stage: 'ACKNOWLEDGED',
        note: '2027 年度年检通知',
        acknowledgedBy: 'secretary-fixture',
      },
    });

    const runs = await until(
      () =>
        gql(
          '{ processRuns(filter: { processType: ACKNOWLEDGEMENT, stage: "ACKNOWLEDGED" }) { edges { node { id processType stage status } } } }',
          {},
          admin,
          gatewayUrl,
        ),
      (r) => r.data?.processRuns.edges.some((e: { node: { id: string } }) => e.node.id === workflowId),
      'the acknowledged run in processRuns',
    );
    expect(runs.data.processRuns.edges.find((e: { node: { id: string } }) => e.node.id === workflowId).node).toEqual({
      id: workflowId,
      processType: 'ACKNOWLEDGEMENT',
      stage: 'ACKNOWLEDGED',
      status: 'COMPLETED',
    });

    const run = await gql(
      `query ($id: ID!) { processRun(id: $id) { subject { processId organization { id } }
        process { __typename id stage } timeline { kind zh en actor } } }`,
      { id: workflowId },
      admin,
      gatewayUrl,
    );
    expect(run.errors).toBeUndefined();
    expect(run.data.processRun.subject).toEqual({ processId: id, organization: { id: wenzhou } });
    expect(run.data.processRun.process).toEqual({ __typename: 'Acknowledgement', id, stage: 'ACKNOWLEDGED' });
    const told = run.data.processRun.timeline.map((e: { zh: string }) => e.zh);
    expect(told).toEqual(
      expect.arrayContaining([
        '知悉确认流程启动',
        '开启待办「确认知悉」',
        'secretary-fixture 决定「确认知悉」：已知悉',
        '进入阶段：已确认知悉',
        '流程完成',
      ]),
    );
    expect(run.data.processRun.timeline).toContainEqual({
      kind: 'TASK_DECIDED',
      zh: 'secretary-fixture 决定「确认知悉」：已知悉',
      en: 'secretary-fixture decided Acknowledge a notice: Acknowledge',
      actor: 'secretary-fixture',
    });
  });

  it('is named by no file outside its own folder', () => {
    // The proof that adding it edited no shared file: nothing in the hub's code knows it.
    const grep = spawnSync(
      'git',
      ['grep', '-l', '-i', 'acknowledgement', '--', 'services', 'workflows', 'infra', 'console/src'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(grep.status, 'git grep exits 1 when nothing matches').toBe(1);
    expect(grep.stdout).toBe('');
  });
});
