import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { defaultParams } from '../../services/processes/evaluation/params.js';
import { createEvaluationActivities } from '../../services/processes/evaluation/activities.js';
import { createRegistryClient } from '../../services/processes/registry/client.js';
import { seedOrganizationId } from '../../infra/seed/run.js';
import { createHubWorker, createTimeSkippingEnv, maybeSaveHistory } from '../../test/support/time-skipping.js';
import { decideUpdate } from '../human-task/contracts.js';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  lodgeObjectionUpdate,
  requestRecusalUpdate,
  type ApplicationState,
  type CampaignInput,
} from './types.js';
import { until as poll } from '../../test/support/until.js';
import { DAY } from '../common/time.js';

// A whole 2020 rating campaign on the time-skipping server, with the hub's real activities (its
// PostgreSQL, its registry through GraphQL): eligibility with reasons, five applications taken
// through recusal and replacement, a spread that draws a fourth reviewer, a committee that misses
// its quorum (escalated), an objection that changes a grade and one that does not, and the
// write-back seen in the registry, written once however often it runs.

let env: TestWorkflowEnvironment;
let orm: MikroORM;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `evaluation-${randomUUID()}`;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 4 });
  worker = await createHubWorker(env, { orm, taskQueue });
  running = worker.run();
});
afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  await orm?.close();
});

const sql = <R>(text: string, ...values: unknown[]) => orm.em.getConnection().execute<R[]>(text, values);
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) =>
  poll(read, done, what, { tries: 150, everyMs: 100 });
type Task = { id: string; workflow_id: string; candidate_keys: string[] };
const openTasks = (applicationId: string, kind: string) =>
  sql<Task>(
    "select id, workflow_id, candidate_keys from processes.human_task where process_id = ? and kind = ? and status in ('OPEN','CLAIMED') order by created_at, id",
    applicationId,
    kind,
  );
const subjectOf = (task: Task) =>
  task.candidate_keys.find((k) => k.startsWith('subject:'))?.slice('subject:'.length) ?? 'approver';
const decide = (task: Task, decision: string, values: Record<string, unknown> | null = null) =>
  env.client.workflow.getHandle(task.workflow_id).executeUpdate(decideUpdate, {
    args: [{ taskId: task.id, decision, decidedBy: subjectOf(task), values }],
    updateId: task.id,
  });
const scores = (a: number, b: number, c: number, d: number) => ({
  basicConditions: a,
  internalGovernance: b,
  workPerformance: c,
  socialEvaluation: d,
});
let campaignUnderTest = '';
const application = (organizationId: string) =>
  sql<{ id: string; workflow_id: string; status: string }>(
    'select id, workflow_id, status from processes.evaluation_application where campaign_id = ? and organization_id = ?',
    campaignUnderTest,
    organizationId,
  ).then((r) => r[0]);

async function throughReview(app: { id: string; workflow_id: string }, reviews: ReturnType<typeof scores>[]) {
  await decide(
    (
      await until(
        () => openTasks(app.id, 'INVITE_TO_EVALUATION'),
        (t) => t.length === 1,
        'the invitation',
      )
    )[0],
    'APPLY',
  );
  await decide(
    (
      await until(
        () => openTasks(app.id, 'SELF_ASSESSMENT'),
        (t) => t.length === 1,
        'the self-assessment',
      )
    )[0],
    'SUBMIT',
    { ...scores(140, 280, 370, 130), evidence: '章程、财务报告、活动记录' },
  );
  const reviewTasks = await until(
    () => openTasks(app.id, 'EXPERT_REVIEW'),
    (t) => t.length === 3,
    'three reviewers',
  );
  for (const [i, task] of reviewTasks.entries()) await decide(task, 'SUBMIT', reviews[i] ?? reviews[0]);
}

async function vote(app: { id: string }, approvals: number) {
  const votes = await until(
    () => openTasks(app.id, 'COMMITTEE_VOTE'),
    (t) => t.length === 7,
    'seven committee votes',
  );
  for (const task of votes.slice(0, approvals)) await decide(task, 'APPROVE');
}

describe('an evaluation campaign on the time-skipping server', () => {
  it('runs a 2020 rating campaign from eligibility to the registry', { timeout: 240_000 }, async () => {
    const params = { ...defaultParams(2020, 'RATING'), noticeDays: 7 };
    const input: CampaignInput = {
      campaignId: `evaluation-test-${randomUUID()}`,
      params,
      startedBy: 'test-admin',
      asOf: '2020-01-01',
    };
    campaignUnderTest = input.campaignId;
    const campaign = await env.client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: input.campaignId,
      args: [input],
    });

    // Eligibility, with reasons in words.
    const ineligible = await until(
      () =>
        sql<{ organization_id: string; reasons: string[] }>(
          'select organization_id, reasons from processes.evaluation_ineligible where campaign_id = ?',
          input.campaignId,
        ),
      (r) => r.length > 0,
      'the ineligible list',
    );
    expect(ineligible.find((r) => r.organization_id === seedOrganizationId('textile'))?.reasons).toContain(
      '2019 年度未参加年检',
    );

    const keys = ['wenzhou', 'hubei', 'henan', 'fashion', 'lishui'];
    const apps = await until(
      async () => Promise.all(keys.map((k) => application(seedOrganizationId(k)))),
      (a) => a.every(Boolean),
      'five applications',
    );
    const [wenzhou, hubei, henan, fashion, lishui] = apps.map((a) => a) as [
      { id: string; workflow_id: string; status: string },
      ...{ id: string; workflow_id: string; status: string }[],
    ];

    // Wenzhou asks a drawn reviewer to step aside before scoring: a replacement is drawn.
    await decide(
      (
        await until(
          () => openTasks(wenzhou.id, 'INVITE_TO_EVALUATION'),
          (t) => t.length === 1,
          'invite',
        )
      )[0],
      'APPLY',
    );
    await decide(
      (
        await until(
          () => openTasks(wenzhou.id, 'SELF_ASSESSMENT'),
          (t) => t.length === 1,
          'self',
        )
      )[0],
      'SUBMIT',
      { ...scores(140, 280, 370, 130), evidence: '材料' },
    );
    const drawn = await until(
      () => openTasks(wenzhou.id, 'EXPERT_REVIEW'),
      (t) => t.length === 3,
      'three reviewers',
    );
    const recusedId = subjectOf(drawn[0]);
    const afterRecusal = await env.client.workflow.getHandle(wenzhou.workflow_id).executeUpdate(requestRecusalUpdate, {
      args: [{ reviewerId: recusedId, reason: '曾为本会提供咨询', requestedBy: 'secretary-wenzhou' }],
    });
    expect(afterRecusal.reviewers.map((r) => r.personId)).not.toContain(recusedId);
    expect(afterRecusal.reviewers).toHaveLength(2); // the replacement is drawn next
    // The drawn experts never include one who left the chamber less than two years before.
    expect(afterRecusal.reviewers.map((r) => r.name)).not.toContain('吴建国');
    for (const task of await until(
      () => openTasks(wenzhou.id, 'EXPERT_REVIEW'),
      (t) => t.length === 3 && !t.some((x) => subjectOf(x) === recusedId),
      'the replacement',
    )) {
      await decide(task, 'SUBMIT', scores(145, 285, 375, 135)); // 940: A5
    }

    // Hubei's reviewers disagree by more than 100 points: a fourth is drawn.
    await throughReview(hubei, [scores(145, 285, 375, 135), scores(100, 200, 250, 100), scores(140, 280, 370, 130)]);
    const fourth = await until(
      () => openTasks(hubei.id, 'EXPERT_REVIEW'),
      (t) => t.length === 1,
      'a fourth reviewer',
    );
    await decide(fourth[0], 'SUBMIT', scores(140, 280, 370, 130));
    await throughReview(henan, [scores(130, 260, 330, 120)]); // 840: A4
    await throughReview(fashion, [scores(120, 240, 300, 110)]); // 770: A3
    await throughReview(lishui, [scores(130, 260, 330, 120)]);

    // Committees: four reach their quorum; Lishui's members stay silent.
    for (const app of [wenzhou, hubei, henan, fashion]) await vote(app, 5);
    for (const app of [wenzhou, henan])
      await until(
        () => application(seedOrganizationId(app === wenzhou ? 'wenzhou' : 'henan')),
        (a) => a.status === 'NOTICE',
        'the notice',
      );
    const objection = (app: { workflow_id: string }, reason: string) =>
      env.client.workflow
        .getHandle(app.workflow_id)
        .executeUpdate(lodgeObjectionUpdate, { args: [{ by: 'citizen-1', reason }] });
    await objection(wenzhou, '评分偏高');
    await objection(henan, '材料不实');

    await env.sleep(7 * DAY + 3_600_000); // the notice ends; Lishui's votes expire
    const escalated = await until(
      () => openTasks(lishui.id, 'COMMITTEE_QUORUM_MISSED'),
      (t) => t.length === 1,
      'the quorum escalation',
    );
    // To the officers of the Federations that supervise Lishui's chamber: Jiaxing's and the province's.
    expect([...escalated[0].candidate_keys].sort()).toEqual(
      ['federation', 'federation-zhejiang']
        .map((key) => `role:FEDERATION_OFFICER@fed:${seedOrganizationId(key)}`)
        .sort(),
    );
    await decide(escalated[0], 'APPROVE');
    // Wenzhou's grade is changed by three of five; Henan's stands (two of five is no majority of all).
    const ballots = async (app: { id: string }, changes: number, grade: string) => {
      const tasks = await until(
        () => openTasks(app.id, 'REVIEW_BALLOT'),
        (t) => t.length === 5,
        'five ballots',
      );
      for (const [i, task] of tasks.entries())
        await decide(task, i < changes ? 'CHANGE' : 'UPHOLD', i < changes ? { grade } : null);
    };
    await ballots(wenzhou, 3, 'A4');
    await ballots(henan, 2, 'A3');

    const result = await campaign.result();
    expect(result.finished).toBe(result.eligible);
    const ratings = await sql<{ organization_id: string; grade: string }>(
      'select organization_id, grade from registry.rating where campaign = ? order by organization_id',
      input.campaignId,
    );
    const gradeOf = (key: string) => ratings.find((r) => r.organization_id === seedOrganizationId(key))?.grade;
    // Hubei: the mean of four reviewers (935, 650, 920, 920) is 857, an A4.
    expect([gradeOf('wenzhou'), gradeOf('hubei'), gradeOf('henan'), gradeOf('fashion'), gradeOf('lishui')]).toEqual([
      'A4',
      'A4',
      'A4',
      'A3',
      'A4',
    ]);
    const [hubeiRow] = await sql<{ reviews: unknown[]; total: number }>(
      'select reviews, total from processes.evaluation_application where id = ?',
      hubei.id,
    );
    expect(hubeiRow.reviews).toHaveLength(4);
    expect(hubeiRow.total).toBe(857);
    const credit = await sql<{ n: number }>(
      'select count(*)::int as n from registry.credit_entry where source = ?',
      input.campaignId,
    );
    expect(credit[0].n).toBe(5);
    const objections = await sql<{ objections: { outcome: string }[] }>(
      'select objections from processes.evaluation_application where id in (?, ?) order by organization_name',
      wenzhou.id,
      henan.id,
    );
    expect(objections.flatMap((o) => o.objections.map((x) => x.outcome)).sort()).toEqual(['CHANGED', 'UPHELD']);

    // A retried write-back writes nothing more.
    const state = (await env.client.workflow.getHandle(fashion.workflow_id).result()) as ApplicationState;
    const activities = createEvaluationActivities({
      orm,
      registry: createRegistryClient(inject('registryUrl'), {
        jwtSecret: inject('jwtSecret'),
        subgraphSecrets: [inject('subgraphSecret')],
      }),
    });
    const applicationInput = {
      applicationId: fashion.id,
      campaignId: input.campaignId,
      params,
      organizationId: seedOrganizationId('fashion'),
      organizationName: '',
      liaisonPersonId: null,
      committees: { evaluation: [], review: [] },
    };
    await activities.writeBack({ application: applicationInput, state });
    const HISTORIES = new URL('./histories/', import.meta.url);
    await maybeSaveHistory(HISTORIES, 'campaign-2020', campaign);
    for (const [name, app] of Object.entries({ wenzhou, hubei, henan, lishui })) {
      await maybeSaveHistory(HISTORIES, `application-${name}`, env.client.workflow.getHandle(app.workflow_id));
    }
    const written = await sql<{ n: number }>(
      'select (select count(*) from registry.rating where campaign = ? and organization_id = ?)::int as n',
      input.campaignId,
      seedOrganizationId('fashion'),
    );
    expect(written[0].n).toBe(1);
  });
});

describe('a Four-Good campaign on the time-skipping server', () => {
  it('names a municipal Four-Good chamber and recommends the best upward', { timeout: 240_000 }, async () => {
    const params = { ...defaultParams(2020, 'FOUR_GOOD'), noticeDays: 3 };
    const input: CampaignInput = {
      campaignId: `four-good-test-${randomUUID()}`,
      params,
      startedBy: 'test-admin',
      asOf: '2020-01-01',
    };
    campaignUnderTest = input.campaignId;
    const campaign = await env.client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: input.campaignId,
      args: [input],
    });
    const hubei = await until(() => application(seedOrganizationId('hubei')), Boolean, 'the application');
    await throughReview(hubei, [scores(148, 295, 390, 145)]); // 978
    await vote(hubei, 5);
    const result = await campaign.result(); // the notice passes; the other invitations expire
    expect(result.finished).toBe(result.eligible);
    const honours = await sql<{ level: string; year: number; valid_until: string }>(
      "select level, year, to_char(valid_until, 'YYYY-MM-DD') as valid_until from registry.honour where campaign = ? and organization_id = ?",
      input.campaignId,
      seedOrganizationId('hubei'),
    );
    expect(honours).toEqual([{ level: 'MUNICIPAL', year: 2020, valid_until: '2022-12-31' }]);
    const credit = await sql<{ summary: string }>(
      'select summary from registry.credit_entry where source = ?',
      input.campaignId,
    );
    expect(credit).toEqual([{ summary: '2020 年度市级“四好”商会，推荐参评省级“四好”商会' }]);
    // The committee was asked about a Four-Good chamber, not a grade.
    const votes = await sql<{ title: string }>(
      "select distinct title from processes.human_task where process_id = ? and kind = 'COMMITTEE_VOTE'",
      hubei.id,
    );
    expect(votes).toEqual([
      { title: '评估委员会表决：嘉兴市湖北商会 拟认定为市级“四好”商会，并推荐参评省级“四好”商会' },
    ]);
    // Invitations left to expire are counted apart from chambers that declined.
    const others = await sql<{ status: string; count: number }>(
      'select status, count(*)::int as count from processes.evaluation_application where campaign_id = ? and id <> ? group by status',
      input.campaignId,
      hubei.id,
    );
    expect(others).toEqual([{ status: 'NOT_ANSWERED', count: result.eligible - 1 }]);

    // The recommendation goes upward: a candidacy for the province, ranked, its task the province officers' alone.
    const province = seedOrganizationId('federation-zhejiang');
    const [candidacy] = await until(
      () =>
        sql<{ id: string; workflow_id: string; rank: number; of: number; total: number; reasons: string[] }>(
          "select id, workflow_id, application_id, rank, of, total, reasons, status, upper_federation_name from processes.evaluation_candidacy where campaign_id = ? and status = 'PROPOSED'",
          input.campaignId,
        ),
      (rows) => rows.length === 1,
      'the candidacy',
    );
    expect(candidacy).toMatchObject({
      workflow_id: `${input.campaignId}-candidacy-${seedOrganizationId('hubei')}`,
      application_id: hubei.id, // the city's application it comes from
      rank: 1,
      of: 1,
      total: 978,
      upper_federation_name: '浙江省工商业联合会',
    });
    expect(candidacy.reasons[0]).toBe('市级评审总分 978 分，在本市推荐的 1 家商会中列第 1 位');
    expect(candidacy.reasons).toContain('公示期间无异议');
    const [upward] = await until(
      () =>
        sql<Task & { kind: string }>(
          "select id, workflow_id, candidate_keys from processes.human_task where process_id = ? and status = 'OPEN'",
          candidacy.id,
        ),
      (t) => t.length === 1,
      "the province's task",
    );
    expect(upward.candidate_keys).toEqual([`role:FEDERATION_OFFICER@org:${province}`]);
    const refused = await decide(upward, 'DECLINE_RECOMMENDATION', {}).catch((error: Error) => error);
    expect(String((refused as Error).cause)).toMatch(/reason/); // declining needs a reason
    await env.client.workflow.getHandle(upward.workflow_id).executeUpdate(decideUpdate, {
      args: [
        {
          taskId: upward.id,
          decision: 'DECLINE_RECOMMENDATION',
          decidedBy: 'officer-zhejiang',
          values: { reason: '名额已满' },
        },
      ],
      updateId: `${upward.id}-decided`,
    });
    await env.client.workflow.getHandle(upward.workflow_id).result();
    const decided = await sql<{ status: string; reason: string; decided_by: string }>(
      'select status, reason, decided_by from processes.evaluation_candidacy where id = ?',
      candidacy.id,
    );
    expect(decided).toEqual([{ status: 'NOT_ACCEPTED', reason: '名额已满', decided_by: 'officer-zhejiang' }]);
    const upwardCredit = await sql<{ summary: string }>(
      "select summary from registry.credit_entry where source = ? and summary like '%推荐参评省级%不予接受%'",
      input.campaignId,
    );
    expect(upwardCredit).toEqual([
      { summary: '2020 年度推荐参评省级“四好”商会：浙江省工商业联合会不予接受（名额已满）' },
    ]);

    // A campaign its starter's Federation names: the Federation above it; the province has none above.
    const activities = createEvaluationActivities({
      orm,
      registry: createRegistryClient(inject('registryUrl'), {
        jwtSecret: inject('jwtSecret'),
        subgraphSecrets: [inject('subgraphSecret')],
      }),
    });
    const proposal = (federationId: string) =>
      activities.proposeCandidacy({
        candidacyId: randomUUID(),
        campaignId: input.campaignId,
        applicationId: hubei.id,
        organizationId: seedOrganizationId('hubei'),
        organizationName: '嘉兴市湖北商会',
        year: 2020,
        rank: 1,
        of: 1,
        total: 978,
        grade: 'A5',
        reasons: [],
        federationId,
      });
    expect(await proposal(seedOrganizationId('federation'))).toEqual({ id: province, name: '浙江省工商业联合会' });
    expect(await proposal(province)).toBeNull();

    const HISTORIES = new URL('./histories/', import.meta.url);
    // four-good-campaign.json is a run from before candidacies (it replays through the patch).
    await maybeSaveHistory(HISTORIES, 'four-good-campaign-v2', campaign);
    await maybeSaveHistory(HISTORIES, 'four-good-candidacy', env.client.workflow.getHandle(upward.workflow_id));
    await maybeSaveHistory(HISTORIES, 'four-good-hubei', env.client.workflow.getHandle(hubei.workflow_id));
    const [unanswered] = await sql<{ workflow_id: string }>(
      "select workflow_id from processes.evaluation_application where campaign_id = ? and status = 'NOT_ANSWERED' limit 1",
      input.campaignId,
    );
    await maybeSaveHistory(HISTORIES, 'four-good-not-answered', env.client.workflow.getHandle(unanswered.workflow_id));
  });
});
