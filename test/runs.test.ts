import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { codeOf, gql, sql, temporalClient, token } from './support/hub.js';
import { createCourse, decide, enrolled } from './support/training.js';
import { procurementWorld } from './support/procurement-world.js';
import { sharedBundle, testDataConverter } from './support/time-skipping.js';
import { until as poll } from './support/until.js';
import { hubActivities, quietTemporalLogs } from '../services/processes/worker.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createRegistryClient } from '../services/processes/registry/client.js';
import { defaultParams } from '../services/processes/evaluation/params.js';
import { CAMPAIGN_WORKFLOW_TYPE, EVALUATION_PROCESS_TYPE, type CampaignInput } from '../workflows/evaluation/types.js';
import { PROCESS_TYPE, STAGE, YEAR } from '../workflows/human-task/search-attributes.js';

// The admins' view of runs through the gateway, on the suite's real Temporal dev server and
// PostgreSQL: runs of three processes (training enrollments of a chamber of this test's own,
// a procurement in bidding, evaluation campaigns), each filter of processRuns, two pages with
// cursors newest first, counts per status, saved views private and shared, and processRun's
// open tasks, pending activities, children, audit and timeline with a decision in it.
//
// A failed run and a run whose activity keeps retrying come from evaluation campaigns on a
// worker of this test's own (its own task queue, the real workflows and activities, only the
// registry read of eligibility replaced): one refused for good, one failing again and again,
// one that finds three made-up organisations eligible and starts their applications as children.

const tag = randomUUID().slice(0, 6);
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) =>
  poll(read, done, what, { tries: 200, everyMs: 200 });
const testStart = new Date(Date.now() - 1000);
const taskQueue = `runs-${tag}`;

const RUNS = `query ($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String) {
  processRuns(filter: $filter, view: $view, first: $first, after: $after) {
    totalCount candidatesLimited countsByStatus { status count }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id runId workflowType processType stage year status startTime closeTime parentId } }
  } }`;
const RUN = `query ($id: ID!) { processRun(id: $id) {
  id runId workflowType processType stage year status startTime closeTime parentId summary historyLength result failure
  organization { id name }
  subject { organization { id } processId campaignId procurementId }
  process { id stage workflowId }
  openTasks { id kind status dueAt candidates { role organizationId subject } }
  pendingActivities { activityType state attempt maximumAttempts lastFailure nextAttemptAt }
  children(first: 10) { totalCount edges { node { id parentId processType organization { id } } } }
  audit { actor action target reason }
  timeline { at kind zh en actor taskId eventId }
} }`;

let admin: string;
let world: Awaited<ReturnType<typeof procurementWorld>>;
let chamber: string;
let approver: string;
const training: { id: string; workflowId: string; taskId: string }[] = [];
let betweenStarts: Date;
let endorsed: { id: string; workflowId: string; taskId: string };
let rejected: { id: string; workflowId: string; taskId: string };
let rejectedAt: Date;
let procurement: { id: string; workflowId: string };
const campaigns = { children: `runs-${tag}-2016`, retrying: `runs-${tag}-2015`, failed: `runs-${tag}-2014` };
const made = [randomUUID(), randomUUID(), randomUUID()];
let worker: Worker;
let running: Promise<void>;
let orm: MikroORM;
let connection: NativeConnection;

async function runs(filter: Record<string, unknown>, first = 100, extra: Record<string, unknown> = {}, as = admin) {
  const r = await gql(RUNS, { filter, first, ...extra }, as);
  expect(r.errors, JSON.stringify(filter)).toBeUndefined();
  return r.data.processRuns as {
    totalCount: number;
    candidatesLimited: boolean;
    countsByStatus: { status: string; count: number }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: Record<string, any> }[];
  };
}
const idsOf = async (filter: Record<string, unknown>) => (await runs(filter)).edges.map((e) => e.node.id as string);
/** Polls until the filter lists exactly `expected` among `among` (visibility is eventually consistent). */
async function listsExactly(filter: Record<string, unknown>, among: string[], expected: string[]) {
  const shown = await until(
    async () => (await idsOf(filter)).filter((id) => among.includes(id)).sort(),
    (ids) => JSON.stringify(ids) === JSON.stringify([...expected].sort()),
    `${JSON.stringify(filter)} to list ${expected.join(', ')}`,
  );
  expect(shown).toEqual([...expected].sort());
}
const processRun = async (id: string) => {
  const r = await gql(RUN, { id }, admin);
  expect(r.errors, id).toBeUndefined();
  return r.data.processRun;
};

/** The real activities, but eligibility from the campaign's year: refused, failing, or three made-up organisations. */
function withTestEligibility(activities: Record<string, unknown>) {
  return {
    ...activities,
    async assessEligibility(input: CampaignInput) {
      if (input.params.year === 2014)
        throw ApplicationFailure.nonRetryable('登记系统拒绝：测试用的永久失败', 'RegistryRefused');
      if (input.params.year === 2015) throw new Error('登记系统暂时不可用（测试）');
      return {
        eligible: made.map((organizationId, i) => ({
          organizationId,
          organizationName: `测试商会${i}${tag}`,
          liaisonPersonId: null,
        })),
        ineligible: 0,
        committees: { evaluation: [], review: [] },
      };
    },
  };
}

async function startCampaign(workflowId: string, year: number) {
  const client = await temporalClient();
  await client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [
      {
        campaignId: workflowId,
        params: defaultParams(year, 'RATING'),
        startedBy: 'runs-test',
        asOf: `${year}-01-01`,
      } satisfies CampaignInput,
    ],
    staticSummary: `${year} 年度社会组织评估（测试）`,
    typedSearchAttributes: [
      { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
      { key: STAGE, value: 'ELIGIBILITY' },
      { key: YEAR, value: year },
    ],
  });
}

beforeAll(async () => {
  admin = await token(['ADMIN'], [], `admin-${tag}`);
  world = await procurementWorld(tag);
  chamber = world.bidders.yi.id;
  approver = await token(['APPROVER'], [chamber], `secretary-${tag}`);

  // The test's own worker for the campaigns.
  quietTemporalLogs();
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 4 });
  connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const registry = createRegistryClient(inject('registryUrl'), {
    jwtSecret: inject('jwtSecret'),
    subgraphSecrets: [inject('subgraphSecret')],
  });
  worker = await Worker.create({
    connection,
    taskQueue,
    dataConverter: testDataConverter(),
    workflowBundle: sharedBundle(),
    activities: withTestEligibility(hubActivities({ orm, registry, temporal: await temporalClient() })),
  });
  running = worker.run();
  await startCampaign(campaigns.failed, 2014);
  await startCampaign(campaigns.retrying, 2015);
  await startCampaign(campaigns.children, 2016);

  // Six training applications of the chamber: one endorsed (with a comment), one rejected.
  const course = await createCourse(10);
  for (let i = 0; i < 6; i++) {
    training.push(await enrolled(course, chamber, `运行${i}`));
    if (i === 2) {
      await new Promise((done) => setTimeout(done, 50));
      betweenStarts = new Date();
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  [endorsed, rejected] = [training[4], training[5]];
  expect((await decide(endorsed.taskId, 'APPROVE', approver, '同意推荐')).errors).toBeUndefined();
  expect(
    (await decide(rejected.taskId, 'REJECT', approver, '本期不参加', { reason: '名额已报满' })).errors,
  ).toBeUndefined();
  rejectedAt = new Date();

  // A procurement in bidding (closes in two hours), with one bid.
  const officer = await token(['AGENCY_OFFICER'], [world.agency.id], world.officer.id);
  const published = await gql(
    'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id workflowId } }',
    {
      need: {
        agencyId: world.agency.id,
        categoryCode: 'LEGAL_MEDIATION',
        title: `运行视图测试服务${tag}`,
        description: '为测试准备的采购',
        budgetFen: 10_000_000,
        method: 'COMPETITIVE_CONSULTATION',
        priceWeight: 20,
        technicalWeight: 80,
        minimumGrade: 'A3',
        minimumYearsRegistered: 2,
        closesAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
        committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
        noticeDays: 5,
      },
    },
    officer,
  );
  expect(published.errors).toBeUndefined();
  procurement = published.data.publishProcurement;
  const bid = await gql(
    'mutation ($id: ID!, $bid: BidInput!) { submitBid(procurementId: $id, bid: $bid) { id } }',
    { id: procurement.id, bid: { organizationId: world.bidders.jia.id, priceFen: 9_000_000, proposal: '调解员两名' } },
    await token(['APPROVER'], [world.bidders.jia.id], `bidder-${tag}`),
  );
  expect(bid.errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  const client = await temporalClient();
  for (const id of [campaigns.retrying, campaigns.children, ...made.map((org) => `${campaigns.children}-${org}`)]) {
    await client.workflow
      .getHandle(id)
      .terminate('runs test finished')
      .catch(() => undefined);
  }
  worker?.shutdown();
  await running;
  await connection?.close();
  await orm?.close();
});

describe('finding runs (processRuns)', () => {
  it('is for admins only', async () => {
    const approverToken = await token(['APPROVER'], [chamber]);
    for (const query of [
      '{ processRuns { totalCount } }',
      '{ processRun(id: "x") { id } }',
      '{ runViews { id } }',
      'mutation { saveRunView(name: "x", filter: {}) { id } }',
      `mutation { deleteRunView(id: "${randomUUID()}") }`,
    ]) {
      expect(codeOf(await gql(query, {}, approverToken)), query).toBe('FORBIDDEN');
    }
  });

  it(
    'filters by process type, organisation, status, stage and year, and tells the process row and organisation',
    { timeout: 120_000 },
    async () => {
      const ours = training.map((t) => t.workflowId);
      await listsExactly({ processType: 'TRAINING_ENROLLMENT', organizationId: chamber }, ours, ours);
      const listed = await runs({ processType: 'TRAINING_ENROLLMENT', organizationId: chamber });
      expect(
        listed.edges.every(
          (e) => e.node.processType === 'TRAINING_ENROLLMENT' && e.node.workflowType === 'trainingEnrollment',
        ),
      ).toBe(true);
      await listsExactly({ processType: 'EVALUATION', organizationId: chamber }, ours, []);
      await listsExactly({ organizationId: chamber, status: 'COMPLETED' }, ours, [rejected.workflowId]);
      await listsExactly(
        { organizationId: chamber, status: 'RUNNING' },
        ours,
        ours.filter((id) => id !== rejected.workflowId),
      );
      await listsExactly({ organizationId: chamber, stage: 'AWAITING_CONFIRMATION' }, ours, [endorsed.workflowId]);

      const evaluations = [
        campaigns.children,
        campaigns.retrying,
        campaigns.failed,
        ...made.map((org) => `${campaigns.children}-${org}`),
      ];
      await listsExactly({ year: 2016 }, evaluations, [
        campaigns.children,
        ...made.map((org) => `${campaigns.children}-${org}`),
      ]);
      await listsExactly({ processType: 'EVALUATION', year: 2014 }, evaluations, [campaigns.failed]);
      await listsExactly(
        { processType: 'PROCUREMENT', organizationId: world.agency.id },
        [procurement.workflowId],
        [procurement.workflowId],
      );

      // A page's nodes through the gateway: the organisation's name from the registry, the process row.
      const page = await gql(
        `query ($f: ProcessRunFilter) { processRuns(filter: $f, first: 10) { edges { node {
      id status historyLength summary organization { name } process { id stage ... on TrainingEnrollment { personName } ... on Procurement { title } } } } } }`,
        { f: { organizationId: chamber, stage: 'AWAITING_CONFIRMATION' } },
        admin,
      );
      expect(page.errors).toBeUndefined();
      const node = page.data.processRuns.edges[0].node;
      expect(node).toMatchObject({
        id: endorsed.workflowId,
        status: 'RUNNING',
        organization: { name: world.bidders.yi.name },
        process: { id: endorsed.id, stage: 'AWAITING_CONFIRMATION', personName: '运行4' },
      });
      // Visibility says 0 for an open run; the hub asks describe().
      expect(node.historyLength).toBeGreaterThan(5);
      expect(node.summary).toContain(`培训报名 · ${world.bidders.yi.name} · 课程 `);
      const bidding = (
        await gql(
          'query ($f: ProcessRunFilter) { processRuns(filter: $f) { edges { node { stage process { ... on Procurement { id title } } subject { procurementId } } } } }',
          { f: { processType: 'PROCUREMENT', organizationId: world.agency.id } },
          admin,
        )
      ).data.processRuns.edges[0].node;
      expect(bidding).toEqual({
        stage: 'BIDDING',
        process: { id: procurement.id, title: `运行视图测试服务${tag}` },
        subject: { procurementId: procurement.id },
      });
    },
  );

  it('filters by start and close times', { timeout: 60_000 }, async () => {
    const ours = training.map((t) => t.workflowId);
    const firstThree = ours.slice(0, 3);
    await listsExactly({ organizationId: chamber, startedBefore: betweenStarts.toISOString() }, ours, firstThree);
    await listsExactly({ organizationId: chamber, startedAfter: betweenStarts.toISOString() }, ours, ours.slice(3));
    await listsExactly(
      { organizationId: chamber, closedAfter: new Date(rejectedAt.getTime() - 60_000).toISOString() },
      ours,
      [rejected.workflowId],
    );
    await listsExactly({ organizationId: chamber, closedBefore: testStart.toISOString() }, ours, []);
    const bad = await gql(RUNS, { filter: { organizationId: 'not-a-uuid' }, first: 5 }, admin);
    expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'filter.organizationId']);
    const badStage = await gql(RUNS, { filter: { stage: "X' OR 1=1" }, first: 5 }, admin);
    expect([codeOf(badStage), badStage.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'filter.stage']);
  });

  it('finds runs waiting for a person longer than a given time, from the open tasks', { timeout: 60_000 }, async () => {
    const ours = training.map((t) => t.workflowId);
    // The first application's endorsement has waited two hours (its row says so).
    await sql("update processes.human_task set created_at = now() - interval '2 hours' where id = $1", [
      training[0].taskId,
    ]);
    await listsExactly({ organizationId: chamber, waitingLongerThan: 3600 }, ours, [training[0].workflowId]);
    // Everything still open has waited a second; the rejected run waits for nobody.
    await new Promise((done) => setTimeout(done, 1100));
    await listsExactly(
      { organizationId: chamber, waitingLongerThan: 1 },
      ours,
      ours.filter((id) => id !== rejected.workflowId),
    );
    const none = await runs({ organizationId: chamber, waitingLongerThan: 315_000_000 });
    expect([none.totalCount, none.edges]).toEqual([0, []]);
  });

  it(
    'finds runs in trouble: failed, a task past its due date, an activity retrying',
    { timeout: 120_000 },
    async () => {
      // The second application's endorsement fell due an hour ago.
      await sql("update processes.human_task set due_at = now() - interval '1 hour' where id = $1", [
        training[1].taskId,
      ]);
      const candidates = [
        ...training.map((t) => t.workflowId),
        campaigns.failed,
        campaigns.retrying,
        campaigns.children,
        procurement.workflowId,
      ];
      await until(
        async () => {
          const described = await (await temporalClient()).workflow.getHandle(campaigns.retrying).describe();
          return described.raw.pendingActivities?.[0]?.attempt ?? 0;
        },
        (attempt) => attempt > 1,
        'eligibility retrying',
      );
      // (Retrying activities are looked for among the 200 newest running runs of the filter: narrowed
      // by process type, ours are among them even when the whole suite has left runs behind.)
      await listsExactly({ inTrouble: true, processType: 'EVALUATION' }, candidates, [
        campaigns.failed,
        campaigns.retrying,
      ]);
      await listsExactly({ inTrouble: true, year: 2015 }, candidates, [campaigns.retrying]);
      await listsExactly({ inTrouble: true, organizationId: chamber }, candidates, [training[1].workflowId]);
      // false is no condition at all.
      await listsExactly(
        { inTrouble: false, organizationId: chamber },
        candidates,
        training.map((t) => t.workflowId),
      );
    },
  );

  it(
    'pages newest first with cursors: two pages, no overlap, and counts per status for the filter',
    { timeout: 60_000 },
    async () => {
      const filter = { processType: 'TRAINING_ENROLLMENT', organizationId: chamber };
      const first = await until(
        () => runs(filter, 3),
        (r) => r.totalCount === 6,
        'six runs counted',
      );
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await runs(filter, 3, { after: first.pageInfo.endCursor });
      expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const [a, b] = [first.edges.map((e) => e.node), second.edges.map((e) => e.node)];
      expect([a.length, b.length]).toEqual([3, 3]);
      expect(a.filter((n) => b.some((m) => m.id === n.id))).toEqual([]);
      const starts = [...a, ...b].map((n) => n.startTime as string);
      expect(starts).toEqual([...starts].sort().reverse());
      // Newest first: the last application made comes first, the first one last.
      expect([...a, ...b].map((n) => n.id)).toEqual([...training].reverse().map((t) => t.workflowId));
      expect(first.countsByStatus).toEqual([
        { status: 'RUNNING', count: 5 },
        { status: 'COMPLETED', count: 1 },
      ]);
      expect(second.totalCount).toBe(6);

      const bad = await gql(RUNS, { filter, first: 3, after: 'bm90LWEtY3Vyc29y' }, admin);
      expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'after']);
      expect(codeOf(await gql(RUNS, { filter, first: 101 }, admin))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('saved views of runs', () => {
  it(
    'keeps a view private to its owner or shares it, applies its filter, and lets only the owner delete it',
    { timeout: 60_000 },
    async () => {
      const other = await token(['ADMIN'], [], `other-admin-${tag}`);
      const SAVE =
        'mutation ($name: String!, $filter: ProcessRunFilter!, $shared: Boolean) { saveRunView(name: $name, filter: $filter, shared: $shared) { id name owner shared filter mine } }';
      const VIEWS = '{ runViews { id name shared mine } }';
      const filter = { organizationId: chamber, stage: 'AWAITING_CONFIRMATION' };
      const mine = (await gql(SAVE, { name: `待确认 ${tag}`, filter }, admin)).data.saveRunView;
      expect(mine).toMatchObject({ name: `待确认 ${tag}`, owner: `admin-${tag}`, shared: false, mine: true, filter });
      expect((await gql(VIEWS, {}, admin)).data.runViews).toContainEqual({
        id: mine.id,
        name: `待确认 ${tag}`,
        shared: false,
        mine: true,
      });
      expect((await gql(VIEWS, {}, other)).data.runViews.map((v: { id: string }) => v.id)).not.toContain(mine.id);
      expect(codeOf(await gql(RUNS, { view: mine.id, first: 10 }, other))).toBe('NOT_FOUND');
      const applied = await runs({}, 10, { view: mine.id });
      expect(applied.edges.map((e) => e.node.id)).toEqual([endorsed.workflowId]);
      // A field given beside the view overrides the view's.
      expect((await runs({ stage: 'AWAITING_ENDORSEMENT' }, 10, { view: mine.id })).totalCount).toBe(4);

      // Saved again under the same name: the same view, now shared, with a relative waiting time.
      const shared = (
        await gql(
          SAVE,
          { name: `待确认 ${tag}`, filter: { organizationId: chamber, waitingLongerThan: 1 }, shared: true },
          admin,
        )
      ).data.saveRunView;
      expect(shared).toMatchObject({
        id: mine.id,
        shared: true,
        filter: { organizationId: chamber, waitingLongerThan: 1 },
      });
      expect((await gql(VIEWS, {}, other)).data.runViews).toContainEqual({
        id: mine.id,
        name: `待确认 ${tag}`,
        shared: true,
        mine: false,
      });
      expect((await runs({}, 10, { view: mine.id }, other)).totalCount).toBe(5);
      expect(codeOf(await gql('mutation ($id: ID!) { deleteRunView(id: $id) }', { id: mine.id }, other))).toBe(
        'FORBIDDEN',
      );
      expect(
        (await gql('mutation ($id: ID!) { deleteRunView(id: $id) }', { id: mine.id }, admin)).data.deleteRunView,
      ).toBe(mine.id);
      expect((await gql(VIEWS, {}, other)).data.runViews.map((v: { id: string }) => v.id)).not.toContain(mine.id);

      for (const [name, viewFilter, field] of [
        ['', {}, 'name'],
        ['a\u0000b', {}, 'name'],
        ['x'.repeat(101), {}, 'name'],
        ['ok', { year: 99 }, 'filter.year'],
      ] as const) {
        const r = await gql(SAVE, { name, filter: viewFilter }, admin);
        expect([codeOf(r), r.errors?.[0]?.extensions?.field], name).toEqual(['BAD_USER_INPUT', field]);
      }
    },
  );
});

describe('understanding one run (processRun)', () => {
  it(
    "shows a training run's subject, open task and a timeline with the decision in Chinese and English",
    { timeout: 60_000 },
    async () => {
      // Admin operations (issue 10 §3 writes them; here two rows stand in): one on the run, one on its open task.
      const [confirm] = await sql(
        "select id from processes.human_task where workflow_id = $1 and kind = 'CONFIRM_ENROLLMENT'",
        [endorsed.workflowId],
      );
      await sql(
        `insert into processes.run_audit (id, actor, at, action, target, reason, outcome)
      values ($1, 'admin-audit', now(), 'RETRY_ACTIVITY', $2, '登记系统恢复后重试', 'DONE'), ($3, 'admin-audit', now() + interval '1 second', 'REASSIGN_TASK', $4, '处长出差', 'DONE')`,
        [randomUUID(), endorsed.workflowId, randomUUID(), confirm.id],
      );
      const run = await processRun(endorsed.workflowId);
      expect(run).toMatchObject({
        id: endorsed.workflowId,
        workflowType: 'trainingEnrollment',
        processType: 'TRAINING_ENROLLMENT',
        stage: 'AWAITING_CONFIRMATION',
        status: 'RUNNING',
        closeTime: null,
        parentId: null,
        result: null,
        failure: null,
        organization: { id: chamber, name: world.bidders.yi.name },
        subject: { organization: { id: chamber }, processId: endorsed.id, campaignId: null, procurementId: null },
        process: { id: endorsed.id, stage: 'AWAITING_CONFIRMATION', workflowId: endorsed.workflowId },
        pendingActivities: [],
        children: { totalCount: 0, edges: [] },
        audit: [
          { actor: 'admin-audit', action: 'RETRY_ACTIVITY', target: endorsed.workflowId, reason: '登记系统恢复后重试' },
          { actor: 'admin-audit', action: 'REASSIGN_TASK', target: confirm.id, reason: '处长出差' },
        ],
      });
      expect(run.summary).toMatch(/^培训报名 · /);
      expect(run.openTasks).toHaveLength(1);
      expect(run.openTasks[0]).toMatchObject({
        kind: 'CONFIRM_ENROLLMENT',
        status: 'OPEN',
        candidates: [{ role: 'FEDERATION_OFFICER', organizationId: null, subject: null }],
      });
      expect(new Date(run.openTasks[0].dueAt).getTime()).toBeGreaterThan(Date.now());

      const timeline = run.timeline as {
        kind: string;
        zh: string;
        en: string;
        actor: string | null;
        taskId: string | null;
      }[];
      expect(timeline.map((e) => e.kind)).toEqual([
        'RUN_STARTED',
        'TASK_OPENED',
        'TASK_DECIDED',
        'STAGE_CHANGED',
        'TASK_OPENED',
        'RETRY_REQUESTED',
        'TASK_REASSIGNED',
      ]);
      expect(timeline[0]).toMatchObject({ zh: '培训报名流程启动', en: 'Training enrollment started' });
      expect(timeline[1]).toMatchObject({
        zh: '开启待办「商会推荐」',
        en: 'Task opened: Chamber endorsement',
        taskId: endorsed.taskId,
      });
      expect(timeline[2]).toEqual({
        ...timeline[2],
        actor: `secretary-${tag}`,
        taskId: endorsed.taskId,
        zh: `secretary-${tag} 决定「商会推荐」：同意（意见：同意推荐）`,
        en: `secretary-${tag} decided Chamber endorsement: Approve ("同意推荐")`,
      });
      expect(timeline[3]).toMatchObject({ zh: '进入阶段：待工商联确认', en: 'Stage: awaiting confirmation' });
      expect(timeline[4]).toMatchObject({
        zh: '开启待办「工商联确认」',
        en: 'Task opened: Federation confirmation',
        taskId: confirm.id,
      });
      expect(timeline[6]).toMatchObject({
        zh: '「工商联确认」改派他人办理：处长出差',
        en: 'Federation confirmation reassigned: 处长出差',
        actor: 'admin-audit',
        taskId: confirm.id,
        eventId: null,
      });

      const done = await processRun(rejected.workflowId);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        stage: 'REJECTED',
        openTasks: [],
        result: { status: 'REJECTED' },
      });
      expect(done.closeTime).not.toBeNull();
      expect(done.historyLength).toBeGreaterThan(5);
      expect(done.timeline.at(-1)).toMatchObject({ kind: 'COMPLETED', zh: '流程完成' });
      expect(done.timeline.find((e: { kind: string }) => e.kind === 'TASK_DECIDED')).toMatchObject({
        zh: `secretary-${tag} 决定「商会推荐」：不同意（意见：本期不参加）`,
        en: `secretary-${tag} decided Chamber endorsement: Reject ("本期不参加")`,
      });
    },
  );

  it(
    "shows a pending activity retrying with its last failure, a failure in words, and a campaign's children",
    { timeout: 60_000 },
    async () => {
      const retrying = await until(
        () => processRun(campaigns.retrying),
        (r) => r.pendingActivities[0]?.attempt > 1,
        'a second attempt',
      );
      expect(retrying.pendingActivities[0]).toMatchObject({
        activityType: 'assessEligibility',
        maximumAttempts: 20,
        lastFailure: '登记系统暂时不可用（测试）',
      });
      expect(retrying.subject).toEqual({
        organization: null,
        processId: null,
        campaignId: campaigns.retrying,
        procurementId: null,
      });

      const failed = await until(
        () => processRun(campaigns.failed),
        (r) => r.status === 'FAILED',
        'the failed campaign',
      );
      expect(failed.failure).toContain('登记系统拒绝：测试用的永久失败');
      expect(failed.timeline.at(-1)).toMatchObject({
        kind: 'FAILED',
        zh: expect.stringContaining('流程失败：'),
        en: expect.stringContaining('登记系统拒绝'),
      });

      const parent = await until(
        () => processRun(campaigns.children),
        (r) => r.children.totalCount === 3,
        'three applications',
      );
      expect(
        parent.children.edges.map((e: { node: { organization: { id: string } } }) => e.node.organization.id).sort(),
      ).toEqual([...made].sort());
      expect(
        parent.children.edges.every(
          (e: { node: { parentId: string; processType: string } }) =>
            e.node.parentId === campaigns.children && e.node.processType === 'EVALUATION',
        ),
      ).toBe(true);
      expect(parent.timeline.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['RUN_STARTED', 'ELIGIBILITY_ASSESSED', 'STAGE_CHANGED', 'CHILD_STARTED']),
      );
      expect(parent.timeline.find((e: { kind: string }) => e.kind === 'CHILD_STARTED')).toMatchObject({
        zh: '启动 3 个子流程',
        en: '3 child runs started',
      });
      await listsExactly(
        { parentId: campaigns.children },
        made.map((org) => `${campaigns.children}-${org}`),
        made.map((org) => `${campaigns.children}-${org}`),
      );
      const child = await processRun(`${campaigns.children}-${made[0]}`);
      expect(child).toMatchObject({
        // Every run says what it is about, an application as its campaign does.
        summary: `2016 年度社会组织评估 · 测试商会0${tag}`,
        parentId: campaigns.children,
        stage: 'INVITED',
        subject: { campaignId: campaigns.children },
        openTasks: [{ kind: 'INVITE_TO_EVALUATION' }],
      });
      expect(child.timeline[0]).toMatchObject({
        kind: 'RUN_STARTED',
        zh: `年度评价流程启动（由 ${campaigns.children} 启动）`,
      });
    },
  );

  it('refuses an id that is not a workflow id, and says when there is no such run', async () => {
    const bad = await gql('{ processRun(id: "bad id!") { id } }', {}, admin);
    expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'id']);
    expect(codeOf(await gql('{ processRun(id: "training-enrollment-none") { id } }', {}, admin))).toBe('NOT_FOUND');
  });
});
