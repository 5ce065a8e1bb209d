import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, hub, saveScreenshot, signInAs, test } from './support/index.js';

// The admin's integrators page: an integrator client registered through the form (its secret
// shown once, and good at POST /oauth/token), its usage read, its secret rotated (the old one
// refused) and the client disabled. Every state is checked with axe and photographed.

async function checked(page: Page, label: string, screenshot: string) {
  await expectNoSeriousA11yViolations(page, label);
  await saveScreenshot(page, screenshot);
}

async function tokenStatus(clientId: string, secret: string): Promise<number> {
  const response = await fetch(`${hub.gatewayUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  await response.body?.cancel();
  return response.status;
}

/** The secret and client id the modal shows once; the modal closed. */
async function shownOnce(page: Page): Promise<{ clientId: string; secret: string }> {
  const dialog = page.getByRole('dialog', { name: /的客户端密钥$/ });
  await expect(dialog).toContainText('密钥只显示这一次');
  const clientId = (await dialog.locator('code').first().textContent())!.trim();
  const secret = (await dialog.getByTestId('client-secret').textContent())!.trim();
  expect(clientId).toMatch(/^ic_/);
  await checked(page, 'the secret shown once', 'admin-integrator-secret');
  await dialog.getByRole('button', { name: '我已保存' }).click();
  await expect(dialog).toBeHidden();
  return { clientId, secret };
}

test('an admin registers an integrator, reads its usage, rotates its secret and disables it', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `端到端统计局 ${Math.random().toString(36).slice(2, 7)}`;
  await signInAs(page, 'admin');
  await page.goto('/console/integrators');
  await expect(page.getByRole('heading', { level: 1, name: '接入方' })).toBeVisible();

  await page.getByRole('button', { name: '登记接入方' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写名称')).toBeVisible();
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('可调用的操作').fill('chambers\norgById');
  await form.getByLabel('每分钟上限').fill('60');
  await form.getByRole('combobox', { name: '数据范围' }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '海宁市工商业联合会' })
    .click();
  await checked(page, 'the registration form', 'admin-integrator-form');
  await form.getByRole('button', { name: '保存' }).click();
  const first = await shownOnce(page);
  expect(await tokenStatus(first.clientId, first.secret)).toBe(200);

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('启用中');
  await expect(row).toContainText('海宁市工商业联合会');
  await expect(row).toContainText('每分钟 60，每日 不限');
  await checked(page, 'the integrators page', 'admin-integrators');

  await row.getByRole('button', { name: `用量: ${name}` }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `${name} 的用量` });
  await expect(drawer).toContainText('这段时间没有调用');
  await checked(page, 'the usage drawer', 'admin-integrator-usage');
  await drawer.getByRole('button', { name: '关闭' }).click();
  await expect(drawer).toBeHidden();

  await row.getByRole('button', { name: `轮换密钥: ${name}` }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '旧密钥和用它换得的令牌会立即失效' })
    .getByRole('button', { name: '轮换密钥' })
    .click();
  const second = await shownOnce(page);
  expect(second.secret).not.toBe(first.secret);
  expect(await tokenStatus(first.clientId, first.secret)).toBe(401);
  expect(await tokenStatus(second.clientId, second.secret)).toBe(200);

  await row.getByRole('button', { name: `停用: ${name}` }).click();
  await page.getByRole('dialog').filter({ hasText: '它将不能换取令牌' }).getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  expect(await tokenStatus(second.clientId, second.secret)).toBe(401);
});
