import type { Page } from '@playwright/test';
import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// An admin's day in the console: two training applications of 嘉兴市温州商会 are made through
// the gateway (a course and two staff members of this spec's own, applied for by the chamber's
// approver); the admin finds the first in the runs list through the filter form, reads its
// timeline, cancels the second through the dialog (which will not go without a reason) and sees
// it cancelled with the reason in its audit; then the schedules, the overview and the
// statistics. Every page is checked with axe and photographed.

const WENZHOU = 'dd9882e2-7e1c-519a-b5ab-e5f108b6eba5'; // 嘉兴市温州商会 (seed)
const REASON = '重复报名（端到端测试）';

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  expect(answer.errors, query).toBeUndefined();
  return answer.data!;
}

/** A staff member of the chamber and their application: a training enrollment run. */
async function application(courseId: string, name: string): Promise<{ id: string; workflowId: string }> {
  const admin = await devToken('admin');
  const { createPerson } = await ok(
    'mutation ($input: NewPerson!) { createPerson(input: $input) { id } }',
    { input: { name } },
    admin,
  );
  await ok(
    'mutation ($input: NewPosition!) { createPosition(input: $input) { id } }',
    { input: { personId: createPerson.id, organizationId: WENZHOU, role: 'FULL_TIME_STAFF', validFrom: '2020-01-01' } },
    admin,
  );
  const { enrollInTraining } = await ok(
    'mutation ($c: ID!, $o: ID!, $p: ID!) { enrollInTraining(courseId: $c, organizationId: $o, personId: $p) { id workflowId } }',
    { c: courseId, o: WENZHOU, p: createPerson.id },
    await devToken('approver-wenzhou'),
  );
  return enrollInTraining;
}

/** Picks an option of an antd Select: its visible list item (the listbox's own options are for screen readers). */
async function choose(page: Page, label: string, option: string, typed?: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  if (typed) await box.fill(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

async function checked(page: Page, label: string, screenshot: string) {
  await expectNoSeriousA11yViolations(page, label);
  await saveScreenshot(page, screenshot);
}

test('an admin finds a run, reads its timeline, cancels another with a reason, and visits the other admin pages', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = Math.random().toString(36).slice(2, 7);
  const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { createTrainingCourse: course } = await ok(
    'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
    { input: { title: `管理员页面测试课程 ${suffix}`, days: 2, capacity: 10, startsOn } },
    await devToken('admin'),
  );
  const first = await application(course.id, `甲${suffix}`);
  const second = await application(course.id, `乙${suffix}`);

  // The runs list, filtered through the form: training enrollments of 嘉兴市温州商会, newest first.
  await signInAs(page, 'admin');
  await page.goto('/console/runs');
  await expect(page.getByRole('heading', { level: 1, name: '流程运行' })).toBeVisible();
  await choose(page, '流程类型', '培训报名');
  await choose(page, '组织', '嘉兴市温州商会', '温州商会');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/processType=TRAINING_ENROLLMENT/);
  await expect(page).toHaveURL(new RegExp(`organizationId=${WENZHOU}`));
  // A run is titled by what it is about; its workflow id is its details line.
  const firstLink = page.locator(`a[href="/console/runs/${first.workflowId}"]`);
  await expect(firstLink).toHaveText(/^培训报名 · 嘉兴市温州商会 · 管理员页面测试课程/);
  await expect(page.getByRole('row').filter({ has: firstLink })).toContainText(first.workflowId);
  await expect(page.locator(`a[href="/console/runs/${second.workflowId}"]`)).toBeVisible();
  await expect(page.getByRole('row').filter({ has: firstLink })).toContainText('运行中');
  await page.getByText('显示各状态的数量').click();
  await expect(page.getByRole('region', { name: '各状态数量' })).toContainText('运行中');
  await checked(page, 'the runs list', 'admin-runs');

  // The filter saved as a view on the server, then deleted again.
  const viewName = `温州商会培训 ${suffix}`;
  await page.getByRole('button', { name: '保存为视图' }).click();
  const saveDialog = page.getByRole('dialog');
  await saveDialog.getByLabel('视图名称').fill(viewName);
  await saveDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存视图「${viewName}」`)).toBeVisible();
  const admin = await devToken('admin');
  const views = async () =>
    (await gql('{ runViews { name filter } }', {}, admin)).data.runViews as {
      name: string;
      filter: Record<string, unknown>;
    }[];
  expect((await views()).find((view) => view.name === viewName)?.filter).toMatchObject({
    processType: 'TRAINING_ENROLLMENT',
    organizationId: WENZHOU,
  });
  await page.getByRole('button', { name: '删除此视图' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除视图')).toBeVisible();
  expect((await views()).map((view) => view.name)).not.toContain(viewName);

  // One run: its timeline in the domain's words.
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`/console/runs/${first.workflowId}$`));
  const timeline = page.getByRole('region', { name: '时间线' });
  await expect(timeline).toContainText('培训报名流程启动');
  await expect(timeline).toContainText('开启待办「商会推荐」');
  await expect(page.getByRole('region', { name: '待办' })).toContainText('商会推荐');
  await expect(page.getByTestId('run-status')).toHaveText('运行中');
  await checked(page, 'a run', 'admin-run');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Training enrollment started');
  await page.getByText('中文', { exact: true }).click();

  // The second run, cancelled: the dialog asks why and does not go without a reason.
  await page.goto(`/console/runs/${second.workflowId}`);
  await page.getByRole('button', { name: '取消运行' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('流程会自行收尾');
  await checked(page, 'the cancel dialog', 'admin-run-cancel-dialog');
  await dialog.getByRole('button', { name: '取消运行' }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await dialog.getByRole('textbox', { name: '原因' }).fill(REASON);
  await dialog.getByRole('button', { name: '取消运行' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('operation-result')).toContainText('「取消运行」已记录');
  await expect(page.getByTestId('operation-result')).toContainText(REASON);
  await expect(page.getByTestId('run-status')).toHaveText('已取消', { timeout: 20_000 });
  const audit = page.getByRole('region', { name: '管理员操作记录' });
  await expect(audit).toContainText(REASON);
  await expect(audit).toContainText('已完成');
  await checked(page, 'a cancelled run', 'admin-run-cancelled');

  // The other pages.
  await page.getByRole('navigation', { name: '主菜单' }).getByText('计划任务').click();
  await expect(page.getByRole('heading', { level: 1, name: '计划任务' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '年度评价计划' })).toBeVisible();
  await checked(page, 'the schedules', 'admin-schedules');

  await page.getByRole('navigation', { name: '主菜单' }).getByText('活动总览').click();
  await expect(page.getByRole('heading', { level: 1, name: '活动总览' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '政府购买服务' })).toBeVisible();
  await expect(page.getByText(/共 \d+ 个采购项目/)).toBeVisible();
  await checked(page, 'the overview', 'admin-overview');

  await page.getByRole('navigation', { name: '主菜单' }).getByText('统计').click();
  await expect(page.getByRole('heading', { level: 1, name: '统计' })).toBeVisible();
  await expect(page.getByText('截至 2019-12-31')).toBeVisible();
  const byLevel = page.getByRole('region', { name: '四好商会按级别' });
  await expect(byLevel.getByRole('img')).toHaveAccessibleName(/全国 2；省级 7；市级 22/);
  await expect(byLevel.getByRole('row', { name: /省级\s*7/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: '主要数字' }).getByRole('row', { name: /四好商会（市级及以上）\s*31/ }),
  ).toBeVisible();
  await checked(page, 'the statistics', 'admin-statistics');
});
