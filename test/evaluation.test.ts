import { describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, temporalClient, token } from './support/hub.js';
import { until as poll } from './support/until.js';

// The annual evaluation's key steps through the gateway, on the shared hub's real Temporal: an
// admin starts the 2020 rating campaign, a chamber's approver applies and assesses itself (a
// score over its maximum refused beside the field), an expert scores and sees only their own,
// the chamber asks a reviewer to step aside; the schedules are admin's to pause and resume.
// (The whole campaign, notice and objections included, runs on the time-skipping server in
// workflows/evaluation/campaign.test.ts.)

const wenzhou = orgId('wenzhou');
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) =>
  poll(read, done, what, { tries: 300, everyMs: 200 });
const DECIDE =
  'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status decision } } }';
const openTask = (as: string, kind: string) =>
  until(
    async () =>
      (
        await gql(
          `{ myTasks(kind: "${kind}", status: OPEN, first: 50) { edges { node { id title organization { id } form { outcomes fields { name max } } } } } }`,
          {},
          as,
        )
      ).data.myTasks.edges
        .map((e: any) => e.node)
        .filter((t: any) => t.organization.id === wenzhou),
    (tasks: any[]) => tasks.length > 0,
    `an open ${kind} task`,
  ).then((tasks: any[]) => tasks[0]);

describe('annual evaluation through the gateway', () => {
  it('takes a chamber from the campaign to expert review', { timeout: 180_000 }, async () => {
    const admin = await token(['ADMIN']);
    const started = await gql(
      'mutation { startEvaluationCampaign(year: 2020, track: RATING) { id stage } }',
      {},
      admin,
    );
    expect(started.errors).toBeUndefined();
    const id = started.data.startEvaluationCampaign.id;
    expect(id).toBe('evaluation-rating-2020');
    expect(codeOf(await gql('mutation { startEvaluationCampaign(year: 2020, track: RATING) { id } }', {}, admin))).toBe(
      'CONFLICT',
    );
    expect(
      codeOf(
        await gql(
          'mutation { startEvaluationCampaign(year: 2020, track: RATING) { id } }',
          {},
          await token(['APPROVER'], [wenzhou]),
        ),
      ),
    ).toBe('FORBIDDEN');

    const CAMPAIGN =
      'query ($id: ID!) { evaluationCampaign(id: $id) { stage eligibleCount ineligibleCount ineligible { organizationName reasons } stageCounts { stage count } } }';
    const campaign = (
      await until(
        () => gql(CAMPAIGN, { id }, admin),
        (r) => r.data?.evaluationCampaign.stage === 'APPLICATIONS',
        'eligibility',
      )
    ).data.evaluationCampaign;
    expect(campaign.ineligible).toContainEqual({
      organizationName: '嘉兴市纺织行业协会',
      reasons: ['2019 年度未参加年检'],
    });
    expect(campaign.eligibleCount).toBeGreaterThan(0);

    const approver = await token(['APPROVER'], [wenzhou], 'secretary-wenzhou');
    const invite = await openTask(approver, 'INVITE_TO_EVALUATION');
    expect(invite.title).toBe('2020 年度社会组织评估：是否申请参评');
    expect(invite.form.outcomes).toEqual(['APPLY', 'DECLINE']);
    expect((await gql(DECIDE, { id: invite.id, input: { outcome: 'APPLY' } }, approver)).errors).toBeUndefined();

    const self = await openTask(approver, 'SELF_ASSESSMENT');
    expect(self.form.fields.find((f: any) => f.name === 'internalGovernance').max).toBe(300);
    const values = {
      basicConditions: 140,
      internalGovernance: 301,
      workPerformance: 370,
      socialEvaluation: 130,
      evidence: '章程、财务报告',
    };
    const tooMuch = await gql(DECIDE, { id: self.id, input: { outcome: 'SUBMIT', values } }, approver);
    expect(codeOf(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].extensions!.field).toBe('internalGovernance');
    expect(
      (
        await gql(
          DECIDE,
          { id: self.id, input: { outcome: 'SUBMIT', values: { ...values, internalGovernance: 280 } } },
          approver,
        )
      ).errors,
    ).toBeUndefined();

    // Reviewers act with tokens whose subject is their registry person id.
    const [application] = await until(
      () =>
        sql(
          'select id, reviewers from processes.evaluation_application where campaign_id = $1 and organization_id = $2',
          [id, wenzhou],
        ),
      (rows) => rows[0]?.reviewers?.length === 3,
      'three reviewers',
    );
    const [first, second] = application.reviewers as { personId: string; name: string }[];
    expect(application.reviewers.map((r: any) => r.name)).not.toContain('吴建国'); // left the chamber in 2018: recused
    const expert = await token(['INTEGRATOR'], [], first.personId);
    const review = await until(
      async () =>
        (await gql('{ myTasks(kind: "EXPERT_REVIEW", status: OPEN) { edges { node { id } } } }', {}, expert)).data
          .myTasks.edges,
      (edges: any[]) => edges.length > 0,
      "the expert's task",
    );
    const scores = { basicConditions: 140, internalGovernance: 280, workPerformance: 360, socialEvaluation: 130 };
    expect(
      (await gql(DECIDE, { id: review[0].node.id, input: { outcome: 'SUBMIT', values: scores } }, expert)).errors,
    ).toBeUndefined();
    const SCORES = 'query ($id: ID!) { evaluationApplication(id: $id) { stage reviewerScores recusals } }';
    const seen = await until(
      () => gql(SCORES, { id: application.id }, expert),
      (r) => r.data.evaluationApplication.reviewerScores.length === 1,
      'the score',
    );
    expect(seen.data.evaluationApplication.reviewerScores).toEqual([
      { reviewerId: first.personId, total: 910, ...scores },
    ]);
    expect(
      (await gql(SCORES, { id: application.id }, await token(['INTEGRATOR']))).data.evaluationApplication
        .reviewerScores,
    ).toEqual([]);

    // The chamber asks the second reviewer to step aside; others may not ask.
    const RECUSE =
      'mutation ($a: ID!, $r: ID!) { requestReviewerRecusal(applicationId: $a, reviewerId: $r, reason: "曾为本会提供咨询") { id } }';
    expect(codeOf(await gql(RECUSE, { a: application.id, r: second.personId }, await token(['INTEGRATOR'])))).toBe(
      'FORBIDDEN',
    );
    expect((await gql(RECUSE, { a: application.id, r: second.personId }, approver)).errors).toBeUndefined();
    // The workflow takes the reviewer off and draws a replacement right after answering.
    const after = await until(
      () =>
        gql(
          'query ($id: ID!) { evaluationApplication(id: $id) { recusals reviewerCount } }',
          { id: application.id },
          approver,
        ),
      (r) =>
        r.data.evaluationApplication.recusals.some((x: any) => x.personId === second.personId) &&
        r.data.evaluationApplication.reviewerCount === 3,
      'the replacement',
    );
    expect(after.data.evaluationApplication.recusals).toContainEqual({
      personId: second.personId,
      reason: '申请回避：曾为本会提供咨询',
    });
    // Objections wait for the public notice.
    expect(
      codeOf(
        await gql(
          'mutation ($a: ID!) { lodgeObjection(applicationId: $a, reason: "评分偏高") { id } }',
          { a: application.id },
          approver,
        ),
      ),
    ).toBe('CONFLICT');

    const mine = await gql(
      'query ($o: ID!) { organization(id: $o) { evaluations { id stage } } }',
      { o: wenzhou },
      approver,
    );
    expect(mine.data.organization.evaluations).toContainEqual({ id: application.id, stage: 'EXPERT_REVIEW' });
  });

  it('refuses campaign parameters that make no sense, naming the field, and starts nothing', async () => {
    const admin = await token(['ADMIN']);
    const START =
      'mutation ($p: JSONObject) { startEvaluationCampaign(year: 2031, track: FOUR_GOOD, params: $p) { id } }';
    const refused = async (p: unknown) => {
      const r = await gql(START, { p }, admin);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      return r.errors![0] as any;
    };
    expect((await refused({ noticeDays: -3 })).extensions.field).toBe('params.noticeDays');
    expect((await refused({ noticeDays: -3 })).message).toBe('公示天数应为 1 到 60 的整数');
    const cutoffs = await refused({ cutoffs: { A4: 950 } });
    expect(cutoffs.extensions.field).toBe('params.cutoffs.A4');
    expect(cutoffs.message).toMatch(/A4 的分数线应低于 A5/);
    expect((await refused({ deadlinesMs: { vote: 'soon' } })).extensions.field).toBe('params.deadlinesMs.vote');
    const several = await refused({ reviewersPerApplication: 0, noticDays: 5 });
    expect(several.extensions.problems.map((p: any) => p.field)).toEqual([
      'params.noticDays',
      'params.reviewersPerApplication',
    ]);
    expect(await sql("select id from processes.evaluation_campaign where id = 'evaluation-four_good-2031'")).toEqual(
      [],
    );
  });

  it('lets admins see, pause and resume the yearly schedules', async () => {
    const admin = await token(['ADMIN']);
    const list = await gql('{ evaluationSchedules { id track paused nextRuns } }', {}, admin);
    expect(list.data.evaluationSchedules.map((s: any) => s.id).sort()).toEqual([
      'evaluation-four_good-yearly',
      'evaluation-rating-yearly',
    ]);
    // 15 January, 09:00 in Asia/Shanghai is 01:00 UTC.
    expect(list.data.evaluationSchedules[0].nextRuns[0]).toMatch(/-01-15T01:00:00/);
    // The campaigns they start say what they are in the runs list, as campaigns started by hand do.
    for (const [id, summary] of [
      ['evaluation-rating-yearly', '年度社会组织评估（计划任务启动）'],
      ['evaluation-four_good-yearly', '年度“四好”商会认定（计划任务启动）'],
    ]) {
      const { action } = await (await temporalClient()).schedule.getHandle(id).describe();
      expect(action.type === 'startWorkflow' && action.staticSummary).toBe(summary);
    }
    const paused = await gql(
      'mutation { pauseEvaluationSchedule(track: RATING, note: "评估办法修订中") { paused note } }',
      {},
      admin,
    );
    expect(paused.data.pauseEvaluationSchedule.paused).toBe(true);
    expect(paused.data.pauseEvaluationSchedule.note).toContain('评估办法修订中');
    expect(
      (await gql('mutation { resumeEvaluationSchedule(track: RATING) { paused } }', {}, admin)).data
        .resumeEvaluationSchedule.paused,
    ).toBe(false);
    expect(codeOf(await gql('{ evaluationSchedules { id } }', {}, await token(['APPROVER'], [wenzhou])))).toBe(
      'FORBIDDEN',
    );
  });
});
