import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// Notifications in the console: the hub keeps who has read what, so a reminder marked read stays
// read after a reload; a person gives their email; the Federation's admin sets its mail server
// and sees the outbox (sending is off on this hub: the delivery waits, 待发送). The notices are
// made through the gateway: a procurement of the seed's agency closes without bids, and the admin
// gives its FAILED_PROCUREMENT task to the Federation officer (a notice to them each time).

const AGENCY = '4aa98d78-18c1-50f6-bb62-d26f1b2df9c1'; // the seed's civil affairs bureau
const COMMITTEE = [
  '85b541ec-cecf-51b0-bc46-381edfb808bc',
  '1aab42bf-2c8b-5d33-8ab4-70fe1e9342c6',
  '9d16b140-068c-52f6-bcad-ca5470f42dcb',
];
const tag = Date.now().toString(36);

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  expect(answer.errors, query).toBeUndefined();
  return answer.data!;
}

/** The open FAILED_PROCUREMENT task of a procurement that closed with no bid. */
async function failedTask(): Promise<string> {
  const officer = await devToken('agency-officer');
  const { publishProcurement } = await ok(
    'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id } }',
    {
      need: {
        agencyId: AGENCY,
        categoryCode: 'LEGAL_MEDIATION',
        title: `提醒测试${tag}`,
        description: '为会员企业提供纠纷调解',
        budgetFen: 1_000_000,
        method: 'COMPETITIVE_CONSULTATION',
        priceWeight: 20,
        technicalWeight: 80,
        closesAt: new Date(Date.now() + 1_500).toISOString(),
        committee: COMMITTEE,
        noticeDays: 1,
      },
    },
    officer,
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { procurement } = await ok(
      'query ($id: ID!) { procurement(id: $id) { tasks { id kind status } } }',
      { id: publishProcurement.id },
      officer,
    );
    const task = (procurement?.tasks ?? []).find(
      (t: { kind: string; status: string }) => t.kind === 'FAILED_PROCUREMENT' && t.status === 'OPEN',
    );
    if (task) return task.id as string;
    if (Date.now() > deadline) throw new Error('no FAILED_PROCUREMENT task within a minute');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function noticeToOfficer(taskId: string, reason: string) {
  await ok(
    'mutation ($t: ID!, $r: String!) { reassignTask(taskId: $t, candidates: [{ subject: "dev-officer" }], reason: $r) { status } }',
    { t: taskId, r: reason },
    await devToken('admin'),
  );
}

test('read marks kept by the hub, a person’s email, and the admin’s outbox', async ({ page }) => {
  test.setTimeout(300_000);
  const taskId = await failedTask();
  await noticeToOfficer(taskId, `值班调整甲${tag}`);
  await noticeToOfficer(taskId, `值班调整乙${tag}`);
  const officer = await devToken('federation-officer');
  // Whatever else this hub told the officer, read now: the two new ones are what is unread.
  const unreadBefore = (await ok('{ myUnreadNotificationCount }', {}, officer)).myUnreadNotificationCount as number;
  expect(unreadBefore).toBeGreaterThanOrEqual(2);

  await signInAs(page, 'federation-officer');
  await page.goto('/console/tasks');
  const count = page.getByTestId('unread-count');
  await expect(count).toHaveText(`${unreadBefore} 条未读`);
  await page.getByRole('button', { name: '显示全部提醒' }).click();
  const first = page.getByRole('listitem').filter({ hasText: `值班调整乙${tag}` });
  await expect(first.getByText('未读', { exact: true })).toBeVisible();
  await first.getByRole('button', { name: '标为已读' }).click();
  await expect(count).toHaveText(`${unreadBefore - 1} 条未读`);
  await expect(first.getByText('未读', { exact: true })).toHaveCount(0);
  // Kept by the hub, not the browser: a reload (or another browser) shows the same.
  await page.reload();
  await expect(count).toHaveText(`${unreadBefore - 1} 条未读`);
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(count).toHaveText('没有未读提醒');
  expect((await ok('{ myUnreadNotificationCount }', {}, officer)).myUnreadNotificationCount).toBe(0);

  // The officer's own choice: email on, DingTalk off.
  await page.getByRole('button', { name: '显示全部提醒' }).click();
  const email = page.getByLabel('邮箱', { exact: true });
  await email.fill('not-an-address');
  await email.press('Enter');
  await expect(page.getByRole('status')).toContainText('不是有效的邮箱地址');
  await email.fill(`officer-${tag}@example.org`);
  await email.press('Enter');
  await expect(page.getByRole('status')).toHaveText('已保存');
  await expectNoSeriousA11yViolations(page, 'the reminders with delivery preferences');
  await saveScreenshot(page, 'approver-notifications');

  // The admin sets the Federation's mail server; the next notice waits in the outbox.
  await signInAs(page, 'admin');
  await page.goto('/console/deliveries');
  await expect(page.getByRole('heading', { level: 1, name: '通知发送' })).toBeVisible();
  await page.getByLabel('邮件服务器（SMTP）', { exact: true }).fill('smtp.example.org');
  await page.getByLabel('端口', { exact: true }).fill('587');
  await page.getByLabel('发件邮箱', { exact: true }).fill('notice@example.org');
  await page.getByLabel('发件人名称', { exact: true }).fill('嘉兴市工商联');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('发送渠道已保存')).toBeVisible();
  await noticeToOfficer(taskId, `值班调整丙${tag}`);
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: `值班调整丙${tag}` });
  await expect(row).toContainText(`officer-${tag}@example.org`);
  await expect(row).toContainText('待发送');
  await expect(row).toContainText('邮件');
  await page.locator('.ant-segmented').getByText('发送失败', { exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: `值班调整丙${tag}` })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the deliveries page');
  await saveScreenshot(page, 'admin-deliveries');
});
