import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { DEFAULT_DEADLINES } from '../../services/processes/procurement/params.js';
import { createHubWorker, createTimeSkippingEnv, maybeSaveHistory } from '../../test/support/time-skipping.js';
import { procurementWorld } from '../../test/support/procurement-world.js';
import { gql, token } from '../../test/support/hub.js';
import { decideUpdate } from '../human-task/contracts.js';
import { chinaDay } from './rules.js';
import { until } from '../../test/support/until.js';
import {
  cancelProcurementUpdate,
  lodgeObjectionUpdate,
  PROCUREMENT_WORKFLOW_TYPE,
  procurementWorkflowId,
  signContractUpdate,
  submitBidUpdate,
  type ContractTerms,
  type Need,
  type ProcurementInput,
  type ProcurementState,
} from './types.js';
import { DAY } from '../common/time.js';

// Government service procurement on the time-skipping server, with the hub's real activities
// (its PostgreSQL, its registry through GraphQL): one procurement run to its last payment (a bid
// screened out with its reasons, a member recused, an objection upheld, bad contracts refused, a
// milestone rejected once, a payment whose first answer is lost and which pays once, the
// performance in the credit record); then a procurement that fails (流标), is republished and
// is cancelled with every open task closed and every party told.

let env: TestWorkflowEnvironment;
let orm: MikroORM;
let worker: Worker;
let running: Promise<void>;
let world: Awaited<ReturnType<typeof procurementWorld>>;
const tag = randomUUID().slice(0, 6);
const taskQueue = `procurement-${randomUUID()}`;
const paymentAttempts: { milestoneNo: number; attempt: number }[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 4 });
  world = await procurementWorld(tag);
  worker = await createHubWorker(env, {
    orm,
    taskQueue,
    // The first payment's answer is lost after the money moved (a timeout, a crash): Temporal
    // runs the activity again, and the ledger must still hold one payment.
    around: (activities) => ({
      ...activities,
      payMilestone: async (input: { milestoneNo: number }) => {
        const attempt = Context.current().info.attempt;
        paymentAttempts.push({ milestoneNo: input.milestoneNo, attempt });
        const paid = await (activities.payMilestone as (i: unknown) => Promise<unknown>)(input);
        if (input.milestoneNo === 1 && attempt === 1) throw new Error('the answer of the payment system was lost');
        return paid;
      },
    }),
  });
  running = worker.run();
});
afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  await orm?.close();
});

const sql = <R>(text: string, ...values: unknown[]) => orm.em.getConnection().execute<R[]>(text, values);
type Task = { id: string; workflow_id: string; candidate_keys: string[]; organization_id: string; status: string };
const tasksOf = (procurementId: string, kind: string, statuses = ['OPEN', 'CLAIMED']) =>
  sql<Task>(
    'select id, workflow_id, candidate_keys, organization_id, status from processes.human_task where process_id = ? and kind = ? and status in (?) order by created_at, id',
    procurementId,
    kind,
    statuses,
  );
const openTasks = (procurementId: string, kind: string, count: number) =>
  until(
    () => tasksOf(procurementId, kind),
    (t) => t.length === count,
    `${count} open ${kind}`,
  );
const subjectOf = (task: Task) =>
  task.candidate_keys.find((k) => k.startsWith('subject:'))?.slice('subject:'.length) ?? 'agency-officer';
const decide = (task: Task, decision: string, values: Record<string, unknown> | null = null) =>
  env.client.workflow.getHandle(task.workflow_id).executeUpdate(decideUpdate, {
    args: [{ taskId: task.id, decision, decidedBy: subjectOf(task), values }],
    updateId: task.id,
  });
const stageOf = async (procurementId: string) =>
  (await sql<{ stage: string }>('select stage from processes.procurement where id = ?', procurementId))[0]?.stage;
const refusalOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message ?? '';
};

function need(overrides: Partial<Need> = {}): Need {
  return {
    agencyId: world.agency.id,
    agencyName: world.agency.name,
    categoryCode: 'INDUSTRY_SURVEY',
    categoryName: '行业调查与统计分析',
    title: `2027 年度纺织行业运行监测${tag}`,
    description: '季度监测报告四份、年度报告一份',
    budgetFen: 30_000_000,
    method: 'COMPETITIVE_CONSULTATION',
    weights: { price: 30, technical: 70 },
    eligibility: {
      minimumGrade: 'A3',
      minimumYearsRegistered: 3,
      kinds: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'],
    },
    committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
    noticeDays: 7,
    ...overrides,
  };
}

async function start(n: Need, closesInMs: number): Promise<{ input: ProcurementInput; handle: WorkflowHandle }> {
  const now = await env.currentTimeMs();
  const input: ProcurementInput = {
    procurementId: randomUUID(),
    need: n,
    closesAt: now + closesInMs,
    year: Number(chinaDay(now).slice(0, 4)),
    publishedBy: world.officer.id,
    deadlinesMs: DEFAULT_DEADLINES,
  };
  const handle = await env.client.workflow.start(PROCUREMENT_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: procurementWorkflowId(input.procurementId),
    args: [input],
  });
  await until(
    () => stageOf(input.procurementId),
    (s) => s === 'BIDDING',
    'the procurement row',
  );
  return { input, handle };
}

const bid = (
  handle: WorkflowHandle,
  organizationId: string,
  priceFen: number,
  proposal = '项目方案：调研、监测、报告',
) =>
  handle.executeUpdate(submitBidUpdate, {
    args: [{ organizationId, priceFen, proposal, submittedBy: `approver-${organizationId}` }],
  });

describe('government service procurement on the time-skipping server', () => {
  it(
    'runs a procurement from the published need to the last payment and the credit record',
    { timeout: 240_000 },
    async () => {
      const { bidders, committee } = world;
      const { input, handle } = await start(need(), 10 * DAY);

      // Bids while the window is open: over the budget refused; a revision replaces the first.
      expect(await refusalOf(bid(handle, bidders.jia.id, 30_000_001))).toContain('over the budget');
      const first = await bid(handle, bidders.jia.id, 26_000_000);
      const revised = await bid(handle, bidders.jia.id, 25_000_000, '修订方案：增加专项调研');
      expect(revised).toMatchObject({ bidId: first.bidId, version: 2, priceFen: 25_000_000 });
      await bid(handle, bidders.yi.id, 22_000_000);
      await bid(handle, bidders.bing.id, 20_000_000);
      await bid(handle, bidders.ding.id, 21_000_000);

      // Closing: a late bid is refused; screening as of the closing day, with reasons.
      await env.sleep(10 * DAY + 60_000);
      expect(await refusalOf(bid(handle, bidders.wu.id, 20_000_000))).toContain('late bids are refused');
      // 李 works at 甲: two members score 甲, three score 乙.
      const scoring = await openTasks(input.procurementId, 'SCORE_BID', 5);
      const bids = await sql<{ organization_id: string; status: string; reasons: string[] }>(
        'select organization_id, status, reasons from processes.procurement_bid where procurement_id = ?',
        input.procurementId,
      );
      const statusOf = (id: string) => bids.find((b) => b.organization_id === id)!;
      expect(statusOf(bidders.jia.id).status).toBe('ELIGIBLE');
      expect(statusOf(bidders.yi.id).status).toBe('ELIGIBLE');
      expect(statusOf(bidders.bing.id)).toMatchObject({
        status: 'REJECTED',
        reasons: ['近三年内有重大违法记录：2025-06-01 受到嘉兴市民政局行政处罚'],
      });
      expect(statusOf(bidders.ding.id).reasons).toEqual([expect.stringMatching(/无有效的 3A 及以上等级（现为 2A）/)]);
      const state = await handle.query<ProcurementState>('state');
      expect(state.recusals).toEqual([
        { personId: committee.li.id, organizationId: bidders.jia.id, reason: `在${bidders.jia.name}任职` },
      ]);
      expect(
        scoring
          .filter((t) => t.organization_id === bidders.jia.id)
          .map(subjectOf)
          .sort(),
      ).toEqual([committee.zhang.id, committee.chen.id].sort());

      // Scores: 甲 is better technically (88 vs 70) and wins despite the higher price.
      for (const task of scoring)
        await decide(task, 'SUBMIT', { technical: task.organization_id === bidders.jia.id ? 88 : 70 });
      const [approval] = await openTasks(input.procurementId, 'APPROVE_AWARD', 1);
      expect(approval.candidate_keys).toEqual([`role:AGENCY_HEAD@org:${world.agency.id}`]);
      await decide(approval, 'APPROVE');
      await until(
        () => stageOf(input.procurementId),
        (s) => s === 'NOTICE',
        'the award notice',
      );
      const ranked = await handle.query<ProcurementState>('state');
      const jiaBid = ranked.bids.find((b) => b.organizationId === bidders.jia.id)!;
      // Price score 22/25 × 100 = 88; total 88 × 0.3 + 88 × 0.7 = 88; 乙: 100 × 0.3 + 70 × 0.7 = 79.
      expect(jiaBid).toMatchObject({ status: 'AWARDED', priceScore: 88, total: 88, rank: 1 });
      expect(ranked.bids.find((b) => b.organizationId === bidders.yi.id)).toMatchObject({ total: 79, rank: 2 });

      // An objection from 乙 during the notice; the review committee upholds the award.
      await handle.executeUpdate(lodgeObjectionUpdate, {
        args: [{ organizationId: bidders.yi.id, by: 'approver-yi', reason: '甲协会报价高于我方' }],
      });
      expect(
        await refusalOf(
          handle.executeUpdate(lodgeObjectionUpdate, {
            args: [{ organizationId: bidders.wu.id, by: 'x', reason: '未投标' }],
          }),
        ),
      ).toContain('Only an organization that bid');
      await env.sleep(7 * DAY + 60_000);
      const ballots = await until(
        () => tasksOf(input.procurementId, 'OBJECTION_BALLOT'),
        (t) => t.length > 0,
        'objection ballots',
      );
      for (const ballot of ballots) await decide(ballot, 'UPHOLD');
      await until(
        () => stageOf(input.procurementId),
        (s) => s === 'CONTRACTING',
        'contracting',
      );

      // Contracts the rules refuse, then the one signed.
      const today = chinaDay(await env.currentTimeMs());
      const inDays = (days: number) => chinaDay(Date.parse(`${today}T12:00:00+08:00`) + days * DAY);
      const terms: ContractTerms = {
        startsOn: inDays(1),
        endsOn: inDays(330),
        recurring: false,
        subcontracts: [{ subcontractorId: bidders.wu.id, work: '问卷印刷', mainWork: false }],
        milestones: [
          { deliverable: '第一季度监测报告', dueOn: inDays(90), sharePercent: 40 },
          { deliverable: '年度运行报告', dueOn: inDays(280), sharePercent: 60 },
        ],
        serviceUserId: world.serviceUser.id,
        expertId: world.expert.id,
        signedBy: world.officer.id,
      };
      const sign = (t: ContractTerms) => handle.executeUpdate(signContractUpdate, { args: [t] });
      expect(await refusalOf(sign({ ...terms, endsOn: inDays(400) }))).toContain('at most one year');
      expect(
        await refusalOf(
          sign({ ...terms, milestones: [{ ...terms.milestones[0], sharePercent: 30 }, terms.milestones[1]] }),
        ),
      ).toContain('sum to 100 percent, not 90');
      expect(
        await refusalOf(
          sign({ ...terms, subcontracts: [{ subcontractorId: bidders.wu.id, work: '全部监测工作', mainWork: true }] }),
        ),
      ).toContain('主体工作不得分包');
      const signed = await sign(terms);
      expect(signed.stage).toBe('PERFORMING');
      expect(signed.contract!.milestones.map((m) => m.amountFen)).toEqual([10_000_000, 15_000_000]);

      // Milestone 1: delivered, rejected once with a new due date, delivered again, accepted, paid.
      await decide((await openTasks(input.procurementId, 'DELIVER_MILESTONE', 1))[0], 'SUBMIT', {
        summary: '第一季度报告初稿',
      });
      await decide((await openTasks(input.procurementId, 'ACCEPT_MILESTONE', 1))[0], 'REJECT', {
        reason: '缺少海宁片区数据',
        newDueOn: inDays(100),
      });
      const again = await openTasks(input.procurementId, 'DELIVER_MILESTONE', 1);
      expect((await handle.query<ProcurementState>('state')).contract!.milestones[0]).toMatchObject({
        status: 'REJECTED',
        currentDueOn: inDays(100),
      });
      await decide(again[0], 'SUBMIT', { summary: '第一季度报告（补充海宁片区）' });
      await decide((await openTasks(input.procurementId, 'ACCEPT_MILESTONE', 1))[0], 'ACCEPT');
      // Milestone 2 comes late: a reminder three days before, then at the due date the agency is
      // asked (OVERDUE_MILESTONE) and extends it.
      const [late] = await openTasks(input.procurementId, 'DELIVER_MILESTONE', 1);
      await env.sleep(Date.parse(`${inDays(281)}T00:00:00+08:00`) - (await env.currentTimeMs()));
      const [overdue] = await openTasks(input.procurementId, 'OVERDUE_MILESTONE', 1);
      expect(overdue.candidate_keys).toEqual([`role:AGENCY_OFFICER@org:${world.agency.id}`]);
      expect((await tasksOf(input.procurementId, 'DELIVER_MILESTONE', ['EXPIRED'])).map((t) => t.id)).toEqual([
        late.id,
      ]);
      const notices = await sql<{ kind: string; message: string }>(
        'select kind, message from processes.task_notification where task_id = ? or (process_id = ? and notice_key like ?) order by created_at',
        late.id,
        input.procurementId,
        'overdue-%',
      );
      expect(notices.map((n) => n.kind)).toEqual(['REMINDER', 'NOTICE']);
      expect(notices[1].message).toContain(`第 2 期成果（年度运行报告）已于 ${inDays(280)} 逾期`);
      expect((await handle.query<ProcurementState>('state')).contract!.milestones[1].status).toBe('OVERDUE');
      await decide(overdue, 'EXTEND', { newDueOn: inDays(295) });
      const [extended] = await openTasks(input.procurementId, 'DELIVER_MILESTONE', 1);
      expect(extended.id).not.toBe(late.id);
      await decide(extended, 'SUBMIT', { summary: '年度运行报告' });
      await decide((await openTasks(input.procurementId, 'ACCEPT_MILESTONE', 1))[0], 'ACCEPT');

      // The performance review: a poor one (50 points, 不合格) that the next screening will see.
      const reviews = await openTasks(input.procurementId, 'PERFORMANCE_REVIEW', 3);
      for (const review of reviews) await decide(review, 'SUBMIT', { score: 50 });
      // Not handle.result(): with nothing left to wait for, the time-skipping server would jump
      // its clock years ahead, past the registry's ratings the next test screens against.
      await until(
        () => stageOf(input.procurementId),
        (s) => s === 'COMPLETED',
        'completion',
      );
      const final = await handle.query<ProcurementState>('state');
      expect(final.performance).toMatchObject({ score: 50, outcome: 'FAIL' });

      // One payment per milestone, though the first ran twice.
      expect(paymentAttempts.filter((a) => a.milestoneNo === 1).map((a) => a.attempt)).toEqual([1, 2]);
      const payments = await sql<{ milestone_no: number; amount_fen: string }>(
        'select milestone_no, amount_fen from processes.procurement_payment where procurement_id = ? order by milestone_no',
        input.procurementId,
      );
      expect(payments.map((p) => [p.milestone_no, Number(p.amount_fen)])).toEqual([
        [1, 10_000_000],
        [2, 15_000_000],
      ]);

      // Through the gateway: the contract on the provider, its payments, the credit record.
      const integrator = await token(['INTEGRATOR']);
      const view = await gql(
        `query ($id: ID!) { organization(id: $id) {
      creditRecord { kind outcome source }
      contracts { id priceFen paidFen milestones { no status amountFen rejections } payments { milestoneNo amountFen } performance { score outcome } procurement { stage title } } } }`,
        { id: bidders.jia.id },
        integrator,
      );
      expect(view.errors).toBeUndefined();
      const org = view.data.organization;
      expect(org.contracts).toEqual([
        {
          id: input.procurementId,
          priceFen: 25_000_000,
          paidFen: 25_000_000,
          milestones: [
            { no: 1, status: 'PAID', amountFen: 10_000_000, rejections: ['缺少海宁片区数据'] },
            { no: 2, status: 'PAID', amountFen: 15_000_000, rejections: [] },
          ],
          payments: [
            { milestoneNo: 1, amountFen: 10_000_000 },
            { milestoneNo: 2, amountFen: 15_000_000 },
          ],
          performance: { score: 50, outcome: 'FAIL' },
          procurement: { stage: 'COMPLETED', title: input.need.title },
        },
      ]);
      const source = `procurement:${input.procurementId}`;
      expect(
        org.creditRecord
          .filter((e: { source: string }) => e.source === source)
          .map((e: { kind: string; outcome: string | null }) => [e.kind, e.outcome])
          .sort(),
      ).toEqual([
        ['CONTRACT', null],
        ['PERFORMANCE', 'FAIL'],
      ]);
      await maybeSaveHistory(new URL('./histories/', import.meta.url), 'procurement-completed-batched', handle);
    },
  );

  it(
    'fails (流标) when too few bids are eligible, is republished, and is cancelled with every party told',
    { timeout: 180_000 },
    async () => {
      const { bidders, committee } = world;
      // A public tender needs three eligible bids. 甲's failed performance review (the test
      // above) now counts against it; 庚 was on the serious-violation list within three years.
      const { input, handle } = await start(
        need({
          method: 'PUBLIC_TENDER',
          title: `行业标准宣贯${tag}`,
          categoryCode: 'INDUSTRY_STANDARDS',
          categoryName: '行业标准制定',
        }),
        5 * DAY,
      );
      await bid(handle, bidders.jia.id, 20_000_000);
      await bid(handle, bidders.geng.id, 20_000_000);
      await bid(handle, bidders.yi.id, 20_000_000);
      await env.sleep(5 * DAY + 60_000);
      const [failed] = await openTasks(input.procurementId, 'FAILED_PROCUREMENT', 1);
      expect(failed.candidate_keys).toEqual([`role:AGENCY_OFFICER@org:${world.agency.id}`]);
      const afterRound1 = await handle.query<ProcurementState>('state');
      expect(afterRound1).toMatchObject({
        stage: 'FAILED',
        closeReason: expect.stringContaining('有效投标 1 家，少于公开招标所需的 3 家'),
      });
      expect(afterRound1.bids.find((b) => b.organizationId === bidders.jia.id)!.reasons).toEqual([
        expect.stringMatching(/近三年内政府购买服务履约评价不合格/),
      ]);
      expect(afterRound1.bids.find((b) => b.organizationId === bidders.geng.id)!.reasons).toEqual([
        '近三年内列入严重违法失信名单（2024-05-01）',
      ]);

      // Republished for five more days: round 2 takes new bids.
      await decide(failed, 'REPUBLISH', { days: 5 });
      await until(
        () => stageOf(input.procurementId),
        (s) => s === 'BIDDING',
        'the second round',
      );
      await bid(handle, bidders.yi.id, 19_000_000);
      await bid(handle, bidders.wu.id, 18_000_000);
      await bid(handle, bidders.ji.id, 17_500_000);
      await env.sleep(5 * DAY + 60_000);
      await openTasks(input.procurementId, 'SCORE_BID', 9);
      const round2 = await handle.query<ProcurementState>('state');
      expect(round2).toMatchObject({ round: 2, stage: 'SCORING' });
      expect(round2.bids.filter((b) => b.round === 2).map((b) => b.status)).toEqual([
        'ELIGIBLE',
        'ELIGIBLE',
        'ELIGIBLE',
      ]);

      // The agency cancels while the committee scores.
      expect(
        await refusalOf(
          handle.executeUpdate(cancelProcurementUpdate, { args: [{ reason: ' ', by: world.officer.id }] }),
        ),
      ).toContain('needs a reason');
      const cancelled = await handle.executeUpdate(cancelProcurementUpdate, {
        args: [{ reason: '预算调整，项目取消', by: world.officer.id }],
      });
      expect(cancelled).toMatchObject({ stage: 'CANCELLED', cancelReason: '预算调整，项目取消' });
      expect(await tasksOf(input.procurementId, 'SCORE_BID')).toEqual([]);
      expect((await tasksOf(input.procurementId, 'SCORE_BID', ['CANCELLED'])).length).toBe(9);
      const [notice] = await sql<{ message: string; audience: string[] }>(
        "select message, audience from processes.task_notification where process_id = ? and notice_key = 'cancelled'",
        input.procurementId,
      );
      expect(notice.message).toContain('预算调整，项目取消');
      expect(notice.audience).toEqual(
        expect.arrayContaining([
          `role:AGENCY_OFFICER@org:${world.agency.id}`,
          `role:AGENCY_HEAD@org:${world.agency.id}`,
          ...[bidders.jia, bidders.geng, bidders.yi, bidders.wu, bidders.ji].map((b) => `role:APPROVER@org:${b.id}`),
          ...[committee.zhang, committee.li, committee.chen].map((p) => `subject:${p.id}`),
        ]),
      );
      expect((await handle.result()).stage).toBe('CANCELLED');
      expect(await stageOf(input.procurementId)).toBe('CANCELLED');
      await maybeSaveHistory(
        new URL('./histories/', import.meta.url),
        'procurement-republished-cancelled-batched',
        handle,
      );
    },
  );
});
