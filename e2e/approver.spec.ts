import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// An approver's day in the console: the chamber's self-assessment (scores with maxima) waits in
// the inbox; a score over its maximum is refused beside its field; a valid one decides the task
// and it leaves the inbox. The task is made here through the gateway: the admin starts a
// Four-Good campaign of its own year (no other spec starts that one), and the chamber applies.

const YEAR = 2018; // the seed's inspections of 2017 make 嘉兴市温州商会 eligible
const TRACK = 'FOUR_GOOD';
const DECIDE = 'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }';
const OPEN_TASKS = `query ($kind: String!) { myTasks(kind: $kind, status: OPEN, first: 100) {
  edges { node { id title organization { name } } } } }`;

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The chamber's open task of a kind in this spec's campaign (its title names the year). */
async function openTask(token: string, kind: string): Promise<{ id: string; title: string }> {
  return until(async () => {
    const answer = await gql(OPEN_TASKS, { kind }, token);
    expect(answer.errors).toBeUndefined();
    const edges = answer.data.myTasks.edges as {
      node: { id: string; title: string; organization: { name: string } };
    }[];
    return edges
      .map((edge) => edge.node)
      .find((task) => task.organization.name === '嘉兴市温州商会' && task.title.includes(String(YEAR)));
  }, `an open ${kind} task of 嘉兴市温州商会`);
}

test('an approver decides a self-assessment from the inbox', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await devToken('admin');
  const started = await gql(`mutation { startEvaluationCampaign(year: ${YEAR}, track: ${TRACK}) { id } }`, {}, admin);
  // A rerun against the same hub finds the campaign started: its tasks are used as they are.
  if (started.errors) expect(started.errors[0].extensions?.code).toBe('CONFLICT');

  const approver = await devToken('approver-wenzhou');
  const invite = await openTask(approver, 'INVITE_TO_EVALUATION').catch(() => undefined);
  if (invite)
    expect((await gql(DECIDE, { id: invite.id, input: { outcome: 'APPLY' } }, approver)).errors).toBeUndefined();
  const self = await openTask(approver, 'SELF_ASSESSMENT');

  // The inbox, filtered to self-assessments, lists it with its organisation and process.
  await signInAs(page, 'approver-wenzhou');
  await page.goto('/console/tasks?kind=SELF_ASSESSMENT');
  await expect(page.getByRole('heading', { level: 1, name: '待办' })).toBeVisible();
  const link = page.locator(`a[href="/console/tasks/${self.id}"]`);
  await expect(link).toHaveText(self.title);
  const row = page.getByRole('row').filter({ has: link });
  await expect(row).toContainText('嘉兴市温州商会');
  await expect(row).toContainText('年度评价');
  await expect(row).toContainText('待处理');
  await expect(page.getByRole('combobox', { name: '排序' })).toBeVisible();
  // The reminders open in place (a fresh hub has none yet: nothing is half-way to its due date).
  await page.getByRole('button', { name: '显示全部提醒' }).click();
  await expect(page.getByRole('button', { name: '收起提醒' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoSeriousA11yViolations(page, 'the inbox');
  await saveScreenshot(page, 'approver-inbox');

  // The task page: its process, the form with the maxima in the labels.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/console/tasks/${self.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: self.title })).toBeVisible();
  await expect(page.getByText('所属流程')).toBeVisible();
  const score = (label: string) => page.getByLabel(new RegExp(`^${label}（满分 \\d+）$`));
  await expectNoSeriousA11yViolations(page, 'the task page');
  await saveScreenshot(page, 'approver-task');

  // Claim it (the hub records the approver as assignee), then let it go again.
  const assignee = async () =>
    (await gql('query ($id: ID!) { task(id: $id) { assignee } }', { id: self.id }, approver)).data.task.assignee;
  await page.getByRole('button', { name: '认领', exact: true }).click();
  await expect(page.getByRole('button', { name: '放弃认领' })).toBeVisible();
  expect(await assignee()).toBe('dev-approver');
  // Claimed, it stays in my inbox as it opens (the default shows what waits for me).
  await page.goto('/console/tasks?kind=SELF_ASSESSMENT');
  await expect(page.getByRole('combobox', { name: '状态' })).toBeVisible();
  await expect(page.getByRole('row').filter({ has: link })).toContainText('已认领');
  await link.click();
  await page.getByRole('button', { name: '放弃认领' }).click();
  await expect(page.getByRole('button', { name: '认领', exact: true })).toBeVisible();
  expect(await assignee()).toBeNull();

  // A comment joins the thread.
  await page.getByLabel('添加评论').fill('材料已上传，请审阅');
  await page.getByRole('button', { name: '发表评论' }).click();
  await expect(page.getByText('材料已上传，请审阅')).toBeVisible();
  const thread = await gql(
    'query ($id: ID!) { task(id: $id) { comments { body author } } }',
    { id: self.id },
    approver,
  );
  expect(thread.data.task.comments).toContainEqual({ body: '材料已上传，请审阅', author: 'dev-approver' });

  // Over the maximum: refused beside the field, nothing sent.
  await score('基础条件').fill('140');
  await score('内部治理').fill('301');
  await score('工作绩效').fill('370');
  await score('社会评价').fill('130');
  await page.getByLabel('佐证材料说明').fill('章程、财务报告、活动记录');
  await page.getByRole('button', { name: '提交决定' }).click();
  // The message stands under the field and is the field's description; focus goes there.
  const governance = page.locator('.ant-form-item').filter({ has: score('内部治理') });
  await expect(governance).toContainText('内部治理须在 0 至 300 之间');
  await expect(score('内部治理')).toHaveAccessibleDescription('内部治理须在 0 至 300 之间');
  await expect(score('内部治理')).toHaveAttribute('aria-invalid', 'true');
  await expect(score('内部治理')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the task page with a refused score');
  await saveScreenshot(page, 'approver-task-invalid-score');
  expect((await gql('query ($id: ID!) { task(id: $id) { status } }', { id: self.id }, approver)).data.task.status).toBe(
    'OPEN',
  );

  // What only the hub checks (a control character in the comment) comes back beside its field too.
  await score('内部治理').fill('280');
  const comment = page.getByLabel('意见（可选）');
  await comment.fill('请审阅\u0007');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByTestId('decision-problem')).toContainText('输入有误');
  await expect(comment).toHaveAccessibleDescription(/control characters/);
  await expect(page.locator('.ant-form-item').filter({ has: comment })).toContainText(
    'comment contains control characters',
  );

  // A valid decision: back to the inbox, which no longer lists the task.
  await comment.fill('材料齐全');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page).toHaveURL(/\/console\/tasks(\?.*)?$/);
  await expect(page.getByText(/已决定：提交/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '待办' })).toBeVisible();
  await expect(page.locator(`a[href="/console/tasks/${self.id}"]`)).toHaveCount(0);
  const decided = await gql(
    'query ($id: ID!) { task(id: $id) { status decision decisionValues } }',
    { id: self.id },
    approver,
  );
  expect(decided.data.task).toMatchObject({
    status: 'DONE',
    decision: 'SUBMIT',
    decisionValues: { internalGovernance: 280 },
  });
  expect(
    (await gql('query ($id: ID!) { task(id: $id) { comment } }', { id: self.id }, approver)).data.task.comment,
  ).toBe('材料齐全');
  await saveScreenshot(page, 'approver-inbox-after-decision');

  // The same inbox in English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the inbox in English');
  await saveScreenshot(page, 'approver-inbox-en');
});
