import { DEV_JWT_SECRET } from '../services/common/config.js';
import { signToken } from '../services/common/identity.js';
import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// An objection in the console, one whole job: 嘉兴市温州商会 takes part in the 2020 social-organisation
// rating (no other spec starts that one); its application, self-assessment, the three experts'
// scores and the evaluation committee's votes go through the API, as the people concerned would
// decide them on their task pages (those pages are tested elsewhere). Once the proposed grade is
// in its public notice (公示, at least a day: the walk never races its end), the chamber's
// secretary objects on 本会参评: the browser refuses an empty reason beside the field, the dialog
// says that an objection cannot be withdrawn, and the objection shows on the chamber's row as
// under review.

const YEAR = 2020;
const CAMPAIGN = `${YEAR} 年社会组织评估`;
const CAMPAIGN_ID = `evaluation-rating-${YEAR}`;
const REASON = '工作绩效的佐证材料已补充，专家评分未计入';

const DECIDE = 'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }';
const MY_TASKS = `query ($kind: String!) { myTasks(kind: $kind, status: OPEN, first: 100) {
  edges { node { id title organization { name } } } } }`;
const EVALUATIONS = 'query ($id: ID!) { organization(id: $id) { evaluations { id campaignId stage } } }';
// What the admin sees of the chamber's open tasks: who may decide each (the experts and the
// committee's members are named people).
const OPEN_TASKS = `query ($id: ID!) { organization(id: $id) { openTasks(first: 100) {
  edges { node { id kind processId candidates { subject } } } } } }`;
const SCORES = { basicConditions: 140, internalGovernance: 280, workPerformance: 360, socialEvaluation: 130 };

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('a chamber objects to its proposed grade during the public notice', async ({ page }) => {
  test.setTimeout(420_000); // a campaign reads every organisation: minutes on a loaded machine
  const admin = await devToken('admin');
  const approver = await devToken('approver-wenzhou');
  const started = await gql(`mutation { startEvaluationCampaign(year: ${YEAR}, track: RATING) { id } }`, {}, admin);
  // A rerun against the same hub finds the campaign started and goes on from where it is.
  if (started.errors) expect(started.errors[0].extensions?.code).toBe('CONFLICT');
  const wenzhou = JSON.parse(Buffer.from(approver.split('.')[1], 'base64url').toString()).orgs[0] as string;

  const chamberTask = (kind: string) =>
    until(async () => {
      const edges = (await gql(MY_TASKS, { kind }, approver)).data?.myTasks.edges as
        { node: { id: string; title: string; organization: { name: string } } }[] | undefined;
      return edges
        ?.map((edge) => edge.node)
        .find((task) => task.organization.name === '嘉兴市温州商会' && task.title.includes(String(YEAR)));
    }, `the chamber's ${kind} task`);
  const application = () =>
    until(async () => {
      const evaluations = (await gql(EVALUATIONS, { id: wenzhou }, approver)).data?.organization.evaluations as
        { id: string; campaignId: string; stage: string }[] | undefined;
      return evaluations?.find((evaluation) => evaluation.campaignId === CAMPAIGN_ID);
    }, `the chamber's ${CAMPAIGN}`);

  // The chamber applies and assesses itself.
  if ((await application()).stage === 'INVITED') {
    const invite = await chamberTask('INVITE_TO_EVALUATION');
    expect((await gql(DECIDE, { id: invite.id, input: { outcome: 'APPLY' } }, approver)).errors).toBeUndefined();
  }
  await until(async () => ((await application()).stage !== 'INVITED' ? true : undefined), 'the application');
  if ((await application()).stage === 'SELF_ASSESSMENT') {
    const self = await chamberTask('SELF_ASSESSMENT');
    const values = { ...SCORES, evidence: '章程、财务报告、活动记录' };
    expect((await gql(DECIDE, { id: self.id, input: { outcome: 'SUBMIT', values } }, approver)).errors).toBeUndefined();
  }

  // The experts score alike (no fourth reviewer), the committee approves the proposed 5A; each
  // decides as the named person the task asks.
  const { id } = await application();
  const decided = new Set<string>();
  await until(
    async () => {
      const { stage } = await application();
      if (stage === 'NOTICE') return true;
      expect(['SELF_ASSESSMENT', 'EXPERT_REVIEW', 'COMMITTEE']).toContain(stage);
      const edges = (await gql(OPEN_TASKS, { id: wenzhou }, admin)).data.organization.openTasks.edges as {
        node: { id: string; kind: string; processId: string; candidates: { subject: string | null }[] };
      }[];
      for (const { node: task } of edges) {
        if (task.processId !== id || decided.has(task.id)) continue;
        const subject = task.candidates.find((candidate) => candidate.subject)?.subject;
        if (!subject || !['EXPERT_REVIEW', 'COMMITTEE_VOTE'].includes(task.kind)) continue;
        const token = await signToken({ subject, roles: ['INTEGRATOR'], organizationIds: [] }, DEV_JWT_SECRET, '1h');
        const input = task.kind === 'EXPERT_REVIEW' ? { outcome: 'SUBMIT', values: SCORES } : { outcome: 'APPROVE' };
        const answer = await gql(DECIDE, { id: task.id, input }, token);
        // Once the votes settle the proposal, the members who have not voted see their tasks cancelled.
        const settled = task.kind === 'COMMITTEE_VOTE' && answer.errors?.[0].extensions?.code === 'CONFLICT';
        if (!settled) expect(answer.errors, `${task.kind} decided by ${subject}`).toBeUndefined();
        decided.add(task.id);
      }
      return undefined;
    },
    'the public notice',
    240_000,
  );

  // The secretary objects on the chamber's page.
  await signInAs(page, 'approver-wenzhou');
  await page.getByRole('menuitem', { name: /本会参评$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本会参评' })).toBeVisible();
  const row = page.getByRole('region', { name: '参评记录' }).getByRole('row').filter({ hasText: CAMPAIGN });
  await expect(row).toContainText('公示');
  await expect(row).toContainText('910 分');
  await expect(row).toContainText('专家 3：910 分');
  await row.getByRole('button', { name: `对${CAMPAIGN}提出异议` }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `对${CAMPAIGN}的结果提出异议` });
  await expect(dialog).toContainText('异议提交后不能撤回');
  // An empty reason is refused by the browser beside its field, and nothing is sent.
  await dialog.getByRole('button', { name: '提交异议' }).click();
  const reason = dialog.getByLabel('异议理由');
  await expect(dialog.locator('.ant-form-item').filter({ has: page.getByLabel('异议理由') })).toContainText(
    '请写明异议理由',
  );
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the objection dialog with a missing reason');
  await saveScreenshot(page, 'evaluation-objection-dialog');
  await reason.fill(REASON);
  await dialog.getByRole('button', { name: '提交异议' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(`${REASON}（复核中）`);
  await expectNoSeriousA11yViolations(page, 'a chamber’s evaluations with an objection');
  await saveScreenshot(page, 'evaluation-objection');
  // The hub holds it: the application still in its notice, the objection on record.
  const OBJECTIONS = 'query ($id: ID!) { evaluationApplication(id: $id) { stage objections } }';
  const held = (await gql(OBJECTIONS, { id }, approver)).data.evaluationApplication;
  expect(held.stage).toBe('NOTICE');
  expect(held.objections).toContainEqual(expect.objectContaining({ reason: REASON }));
});
