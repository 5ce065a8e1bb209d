import { expect, expectNoSeriousA11yViolations, saveScreenshot, signInAs, test } from './support/index.js';

// Evaluation in the console, one whole job: the Federation officer starts the 2021 Four-Good
// recognition (no other spec starts that one; 嘉兴市温州商会's 5A of 2015 keeps it out of the
// rating of those years, not out of this; on the seed 2021's self-assessment goes on to expert
// review, 2019's ended 未评定等级),
// the browser refusing cut-offs that do not fall; the secretary of 嘉兴市温州商会 finds the
// invitation on the chamber's page, applies, and completes the self-assessment.

const YEAR = 2021;
const CAMPAIGN = `${YEAR} 年四好商会评选`;

test('the officer starts a campaign and a chamber completes its self-assessment', async ({ page }) => {
  test.setTimeout(300_000); // a campaign reads every organisation: minutes on a loaded machine
  await signInAs(page, 'federation-officer');
  await page.getByRole('menuitem', { name: /评价活动$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '年度评价活动' })).toBeVisible();

  // Parameters are checked before anything starts: a 4A cut-off above 5A's is refused beside it.
  await page.getByLabel('年度').fill(String(YEAR));
  await page.getByRole('radio', { name: '四好商会评选' }).check();
  await page.getByLabel('公示天数').fill('10');
  const a4 = page.getByLabel('4A 分数线');
  await a4.fill('950');
  await page.getByRole('button', { name: '启动活动' }).click();
  await expect(page.locator('.ant-form-item').filter({ has: a4 })).toContainText('4A 的分数线应低于 5A 的（900 分）');
  await expect(a4).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'campaigns, a refused cut-off');

  // Starting cannot be undone: it asks first.
  await a4.fill('800');
  await page.getByRole('button', { name: '启动活动' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `启动 ${CAMPAIGN}？` });
  await expect(confirm).toContainText('不能撤销');
  await confirm.getByRole('button', { name: '启动', exact: true }).click();
  await expect(page.getByText(`已启动：${CAMPAIGN}`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: CAMPAIGN });
  // Once the registry's facts are read the campaign takes applications, counted by stage.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('申报评审中', { timeout: 10_000 });
    await expect(row).toContainText(/待申请参评 \d+/, { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await saveScreenshot(page, 'evaluation-campaigns');

  // The chamber: its invitation, then its self-assessment, from its own page.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signInAs(page, 'approver-wenzhou');
  await page.getByRole('menuitem', { name: /本会参评$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本会参评' })).toBeVisible();
  const mine = page.getByRole('region', { name: '参评记录' }).getByRole('row').filter({ hasText: CAMPAIGN });
  await expect(mine).toContainText('待申请参评');
  await expect(mine).toContainText('公示后可见');
  const tasks = page.getByRole('region', { name: '待办' });
  // The stage is recorded a moment before its task opens: the page is read again until it is there.
  const openTask = async (name: RegExp) => {
    const link = tasks.getByRole('link', { name }).first();
    await expect(async () => {
      await page.reload();
      await expect(link).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await link.click();
  };
  await openTask(new RegExp(String(YEAR)));
  await page.getByRole('radio', { name: '申请参评' }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：申请参评/)).toBeVisible();

  await page.getByRole('menuitem', { name: /本会参评$/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(mine).toContainText('自评', { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expectNoSeriousA11yViolations(page, 'a chamber’s evaluations');
  await saveScreenshot(page, 'evaluation-chamber');
  await openTask(new RegExp(`${YEAR}.*自评|自评.*${YEAR}`));
  const score = (label: string) => page.getByLabel(new RegExp(`^${label}（满分 \\d+）$`));
  await score('基础条件').fill('140');
  await score('内部治理').fill('280');
  await score('工作绩效').fill('370');
  await score('社会评价').fill('130');
  await page.getByLabel('佐证材料说明').fill('章程、财务报告、活动记录');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：提交/)).toBeVisible();

  await page.getByRole('menuitem', { name: /本会参评$/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(mine).toContainText('专家评审', { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
});
