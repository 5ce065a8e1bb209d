import type { Page } from '@playwright/test';
import { makeCreditCode } from '../services/registry/credit-code.js';
import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// The registry's pages as Federation officers use them: a bulk import with an error row is
// reviewed by a second officer in the inbox, who applies the valid rows only; and two officers
// correct the same inspection result, the second losing the version race. What is not the point
// (the organisation and its first result, the other officer's correction) is made through the API.

const run = crypto.randomUUID().slice(0, 6);
const THIS_YEAR = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Signs the tab out and in again as another dev identity (the session lives in sessionStorage). */
async function switchTo(page: Page, identity: string) {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/console/signin');
  await signInAs(page, identity);
}

test('an import with an error row: a second officer applies its valid rows, the registry shows the new organisation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const serial = String(Date.now()).slice(-9);
  const good = makeCreditCode('5', '1', '330402', serial);
  const bad = makeCreditCode('5', '1', '330402', `${serial.slice(0, 8)}${(Number(serial[8]) + 1) % 10}`);
  const wrongCheck = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
  const name = `嘉兴市南湖区浏览器测试商会${run}`;
  const csv = `统一社会信用代码,名称,组织类型,行政区划代码,登记日期\r\n${good},${name},基层商会,330402,2020-06-01\r\n${wrongCheck},嘉兴市南湖区错误示例商会${run},基层商会,330402,\r\n`;

  // The officer uploads the file and starts the check; the preview names the bad row's error.
  await signInAs(page, 'federation-officer');
  await page.goto('/console/registry-imports');
  await expect(page.getByRole('heading', { level: 1, name: '批量导入' })).toBeVisible();
  await page.getByRole('radio', { name: '组织名录' }).check();
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  expect((await template).suggestedFilename()).toBe('组织名录模板.csv');
  await page.getByLabel('文件').setInputFiles({ name: '组织名录.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expectNoSeriousA11yViolations(page, 'the import page');
  await page.getByRole('button', { name: '上传并开始校验' }).click();
  await expect(page).toHaveURL(/\/console\/registry-imports\/[0-9a-f-]{36}$/);
  const importId = page.url().split('/').pop()!;
  await expect(page.getByTestId('import-stage')).toHaveText('待复核', { timeout: 20_000 });
  const errorRow = page.getByTestId('import-preview').getByRole('row').filter({ hasText: wrongCheck });
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('统一社会信用代码');
  await expect(errorRow).toContainText('校验位错误');
  await expectNoSeriousA11yViolations(page, 'the import preview');
  await saveScreenshot(page, 'registry-import-preview');
  // The import page lists it among the officer's recent imports, to come back to.
  await page.getByRole('link', { name: '新的导入' }).click();
  await expect(page.locator(`a[href="/console/registry-imports/${importId}"]`)).toHaveText('组织名录.csv');

  // The uploader has no review task; the second officer decides it in the inbox's task page.
  const reviewer = await devToken('federation-officer-2');
  const task = await until(async () => {
    const answer = await gql(
      '{ myTasks(processType: REGISTRY_IMPORT, status: OPEN, first: 100) { edges { node { id processId title } } } }',
      {},
      reviewer,
    );
    expect(answer.errors).toBeUndefined();
    return (answer.data.myTasks.edges as { node: { id: string; processId: string; title: string } }[])
      .map((edge) => edge.node)
      .find((node) => node.processId === importId);
  }, 'the review task');
  await switchTo(page, 'federation-officer-2');
  await page.goto('/console/tasks');
  await page.locator(`a[href="/console/tasks/${task.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: task.title })).toBeVisible();
  await expect(page.getByRole('radio', { name: '同意', exact: true })).toHaveCount(0);
  await page.getByRole('radio', { name: '仅导入无误的行' }).check();
  await expectNoSeriousA11yViolations(page, 'the import review task');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page).toHaveURL(/\/console\/tasks$/);

  // The report: one row created, the error row left; the new organisation is in the registry.
  await page.goto(`/console/registry-imports/${importId}`);
  await expect(page.getByTestId('import-stage')).toHaveText('已导入', { timeout: 20_000 });
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('row').filter({ hasText: '新增' })).toContainText('2');
  await expect(page.getByText('仅导入无误的行')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the import report');
  await saveScreenshot(page, 'registry-import-report');
  await report.getByRole('link', { name: '查看组织' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(good)).toBeVisible();
  await expect(page.getByText('基层商会')).toBeVisible();

  // The list finds it by name, and says nothing of the row with the error.
  await page.goto('/console/registry');
  await page.getByLabel('名称').fill(run);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('共 1 个组织')).toBeVisible();
  const csvFile = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  expect((await csvFile).suggestedFilename()).toMatch(/^组织名录-\d+\.csv$/);
  await expectNoSeriousA11yViolations(page, 'the organisations list');
});

test('two officers correct the same inspection: the second loses the race, sees why, and writes nothing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await devToken('admin');
  const other = await devToken('federation-officer-2');
  const created = await gql(
    'mutation($input: NewOrganization!) { createOrganization(input: $input) { id name } }',
    {
      input: {
        name: `嘉兴市浏览器测试协会${run}`,
        kind: 'INDUSTRY_ASSOCIATION',
        regionCode: '330400',
        registeredOn: '2012-05-01',
      },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const org = created.data.createOrganization as { id: string; name: string };
  const year = THIS_YEAR - 2;
  const recorded = await gql(
    'mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input, reason: "年检结论公告") { id version } }',
    { input: { organizationId: org.id, year, result: 'PASS' } },
    other,
  );
  expect(recorded.errors).toBeUndefined();
  const inspection = recorded.data.recordAnnualInspection as { id: string; version: number };

  await signInAs(page, 'federation-officer');
  await page.goto(`/console/registry/${org.id}`);
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
  await page.getByRole('tab', { name: '年检' }).click();

  // The hub's refusal of a field stands beside that field: this year cannot be inspected yet.
  await page.getByRole('button', { name: '记录年检结论' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('年度').fill(String(THIS_YEAR));
  await dialog.getByLabel('年检结论').click();
  await page.getByTitle('合格', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('#keeping_year_help')).toContainText('年检年度应在');
  await dialog.getByRole('button', { name: '取消' }).click();

  // The officer opens the correction; meanwhile the other officer corrects the same result.
  const row = page.getByRole('row').filter({ hasText: String(year) });
  await expect(row).toContainText('合格');
  await row.getByRole('button', { name: '更正' }).click();
  const correcting = page.getByRole('dialog');
  await correcting.getByLabel('年检结论').click();
  await page.getByTitle('不合格', { exact: true }).click();
  await correcting.getByLabel('理由').fill('民政局复核：未按期报送年度报告');
  const raced = await gql(
    'mutation($id: ID!, $version: Int!) { correctAnnualInspection(id: $id, version: $version, result: BASIC_PASS, reason: "复核更正") { version } }',
    { id: inspection.id, version: inspection.version },
    other,
  );
  expect(raced.errors).toBeUndefined();
  await correcting.getByRole('button', { name: '保存' }).click();
  const problem = correcting.getByTestId('keeping-problem');
  await expect(problem).toContainText('已被他人修改');
  await expect(problem).toContainText('你的修改没有写入');
  await expectNoSeriousA11yViolations(page, 'the conflict message');
  await saveScreenshot(page, 'registry-conflict');

  // Nothing of theirs was written: the other officer's result stands, with one correction audited.
  const now = await gql(
    'query($id: ID!) { organization(id: $id) { annualInspections { result version } } auditTrail(organizationId: $id) { edges { node { actor action reason } } } }',
    { id: org.id },
    other,
  );
  expect(now.data.organization.annualInspections).toEqual([{ result: 'BASIC_PASS', version: 2 }]);
  expect(now.data.auditTrail.edges.map((edge: { node: unknown }) => edge.node)).not.toContainEqual(
    expect.objectContaining({ reason: '民政局复核：未按期报送年度报告' }),
  );

  // Reloading shows the other's result; the history says who changed what, in words.
  await problem.getByRole('button', { name: '重新加载' }).click();
  await expect(row).toContainText('基本合格');
  await page.getByRole('tab', { name: '变更历史' }).click();
  const change = page.getByRole('row').filter({ hasText: '复核更正' });
  await expect(change).toContainText('dev-officer-2');
  await expect(change).toContainText('年检 · 修改');
  await expect(change).toContainText('年检结论：合格 → 基本合格');
  await expectNoSeriousA11yViolations(page, 'an organisation and its history');
  await saveScreenshot(page, 'registry-organization-history');
});
