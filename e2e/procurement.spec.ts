import type { Page } from '@playwright/test';
import { DEV_JWT_SECRET } from '../services/common/config.js';
import { signToken, type Identity } from '../services/common/identity.js';
import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// Government service procurement in the console, one whole job: the civil-affairs agency's
// officer publishes a need on its form (one weight refused by the browser, one by the hub, each
// beside its field); 嘉兴市温州商会 bids (and revises) on the procurement's page while 湖北商会
// and 服装行业协会 bid through the API; bidding closes a minute or so after publishing (the hub
// lets a need close that soon, so the walk goes on at once); 周文斌 scores a bid from his task
// page while the other scores go through the API; the head approves the award on the task page;
// during the notice the Wenzhou chamber, not awarded, sees every bid ranked and objects.

const tag = Date.now().toString(36).slice(-5);
const TITLE = `商会人民调解服务 ${tag}`;
// Long enough for the Wenzhou chamber to bid on the page on a busy machine; the rest is waiting.
const WINDOW_MS = 75_000;

const DECIDE = 'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }';
const STAGE = 'query ($id: ID!) { procurement(id: $id) { stage } }';
const TASKS = `query ($kind: String!) { myTasks(kind: $kind, status: OPEN, first: 100) {
  edges { node { id processId organization { name } } } } }`;

/** The hub of the browser tests signs with the dev secret: tokens for people with no dev identity. */
const tokenFor = (identity: Identity) => signToken(identity, DEV_JWT_SECRET, '1h');

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function idOf(kind: 'organizations' | 'people', name: string, token: string): Promise<string> {
  const filter = kind === 'organizations' ? `filter: { nameContains: "${name}" }` : `nameContains: "${name}"`;
  const answer = await gql(`{ ${kind}(first: 5, ${filter}) { edges { node { id name } } } }`, {}, token);
  const node = (answer.data[kind].edges as { node: { id: string; name: string } }[]).find((e) => e.node.name === name);
  if (!node) throw new Error(`the seed has no ${name}`);
  return node.node.id;
}

/** Beijing wall-clock time `ms` from now, as the publish form takes it. */
function beijingIn(ms: number): string {
  const shifted = new Date(Date.now() + ms + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

async function switchTo(page: Page, identity: string) {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/console/signin');
  await signInAs(page, identity);
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(option);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('an agency publishes a need, chambers bid, the committee scores, the head awards, a bidder objects', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const admin = await devToken('admin');
  const [hubei, garment, shen, jin] = await Promise.all([
    idOf('organizations', '嘉兴市湖北商会', admin),
    idOf('organizations', '嘉兴市服装行业协会', admin),
    idOf('people', '沈丽华', admin),
    idOf('people', '金伟强', admin),
  ]);

  // The officer publishes on the form; a weight the browser refuses stays beside its field.
  await signInAs(page, 'agency-officer');
  await page.goto('/console/procurements');
  await expect(page.getByRole('heading', { level: 1, name: '政府购买服务' })).toBeVisible();
  await page.getByRole('button', { name: '发布采购需求' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '发布采购需求' })).toBeVisible();
  await page.getByLabel('项目名称').fill(TITLE);
  await page.getByLabel('需求说明').fill('为全市异地商会会员企业提供纠纷调解服务');
  await choose(page, '服务类别（指导性目录）', '法律咨询与纠纷调解');
  await page.getByLabel('预算（元）').fill('500000');
  await page.getByLabel('技术权重（%）').fill('70');
  for (const name of ['周文斌', '沈丽华', '金伟强']) await choose(page, '评审委员会（评估专家）', name);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const technical = page.locator('.ant-form-item').filter({ has: page.getByLabel('技术权重（%）') });
  await expect(technical).toContainText('价格权重与技术权重之和须为 100');
  await expectNoSeriousA11yViolations(page, 'the publish form with a refused weight');
  await saveScreenshot(page, 'procurement-publish-invalid');
  // What only the hub checks (a service's price weight is 10 to 30 %) comes back beside its field too.
  await page.getByLabel('价格权重（%）').fill('40');
  await page.getByLabel('技术权重（%）').fill('60');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByTestId('publish-problem')).toContainText('输入有误');
  await expect(page.locator('.ant-form-item').filter({ has: page.getByLabel('价格权重（%）') })).toContainText(
    'the price weight of a service procurement is 10 to 30 percent, not 40',
  );
  await page.getByLabel('价格权重（%）').fill('20');
  await page.getByLabel('技术权重（%）').fill('80');
  const closesAt = page.getByLabel('投标截止时间（北京时间）');
  await closesAt.click();
  await closesAt.fill(beijingIn(WINDOW_MS));
  await closesAt.press('Tab');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page).toHaveURL(/\/console\/procurements\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('procurement-stage')).toHaveText('投标');
  await expect(page.getByText('法律咨询与纠纷调解')).toBeVisible();
  await expect(page.getByText('竞争性磋商')).toBeVisible();

  // Two chambers bid through the API ...
  const bid = async (organizationId: string, priceFen: number, proposal: string) => {
    const as = await tokenFor({
      subject: `approver-${organizationId}`,
      roles: ['APPROVER'],
      organizationIds: [organizationId],
    });
    const answer = await gql(
      'mutation ($id: ID!, $bid: BidInput!) { submitBid(procurementId: $id, bid: $bid) { status } }',
      { id, bid: { organizationId, priceFen, proposal } },
      as,
    );
    expect(answer.errors).toBeUndefined();
  };
  await bid(hubei, 45_000_000, '调解员五名，按月巡回');
  await bid(garment, 39_000_000, '行业调解委员会承办');

  // ... and the Wenzhou chamber on the page: over the budget refused beside the price, then a bid and a revision.
  await switchTo(page, 'approver-wenzhou');
  await page.goto(`/console/procurements/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: /我的投标：嘉兴市温州商会/ })).toBeVisible();
  await page.getByLabel('报价（元）').fill('600000');
  await page.getByLabel('方案摘要').fill('专职调解员三名，全年驻点');
  await page.getByRole('button', { name: '提交投标' }).click();
  await expect(page.locator('.ant-form-item').filter({ has: page.getByLabel('报价（元）') })).toContainText(
    '报价不能超过预算 ¥500,000.00',
  );
  await page.getByLabel('报价（元）').fill('430000');
  await page.getByRole('button', { name: '提交投标' }).click();
  await expect(page.getByText('当前投标：¥430,000.00，第 1 版')).toBeVisible();
  await page.getByLabel('报价（元）').fill('420000');
  await page.getByRole('button', { name: '修改投标' }).click();
  await expect(page.getByText('当前投标：¥420,000.00，第 2 版')).toBeVisible();
  // Sealed: the chamber sees its own bid only.
  const bids = page.getByTestId('procurement-bids');
  await expect(bids.getByRole('row')).toHaveCount(2);
  await expect(bids).toContainText('嘉兴市温州商会');
  await expectNoSeriousA11yViolations(page, 'a procurement with the bid form');
  await saveScreenshot(page, 'procurement-bidding');

  // Bidding closes; screening passes all three and the committee's scoring tasks open.
  const officer = await devToken('agency-officer');
  const stageIs = (stage: string) =>
    until(
      async () => ((await gql(STAGE, { id }, officer)).data?.procurement.stage === stage ? true : undefined),
      `stage ${stage}`,
      90_000,
    );
  await stageIs('SCORING');
  const scoringTasks = async (token: string) =>
    until(async () => {
      const edges = (await gql(TASKS, { kind: 'SCORE_BID' }, token)).data.myTasks.edges as {
        node: { id: string; processId: string; organization: { name: string } };
      }[];
      const mine = edges.map((e) => e.node).filter((task) => task.processId === id);
      return mine.length ? mine : undefined;
    }, 'scoring tasks');
  const scores = { 嘉兴市湖北商会: 92, 嘉兴市温州商会: 80, 嘉兴市服装行业协会: 70 } as Record<string, number>;
  for (const person of [shen, jin]) {
    const as = await tokenFor({ subject: person, roles: ['APPROVER'], organizationIds: [] });
    for (const task of await scoringTasks(as)) {
      const decided = await gql(
        DECIDE,
        { id: task.id, input: { outcome: 'SUBMIT', values: { technical: scores[task.organization.name] } } },
        as,
      );
      expect(decided.errors).toBeUndefined();
    }
  }

  // 周文斌 scores the Wenzhou chamber's bid from his inbox, the other two through the API.
  const expert = await devToken('expert-reviewer');
  const zhouTasks = await scoringTasks(expert);
  expect(zhouTasks).toHaveLength(3);
  const wenzhouTask = zhouTasks.find((task) => task.organization.name === '嘉兴市温州商会')!;
  for (const task of zhouTasks.filter((other) => other !== wenzhouTask)) {
    const decided = await gql(
      DECIDE,
      { id: task.id, input: { outcome: 'SUBMIT', values: { technical: scores[task.organization.name] } } },
      expert,
    );
    expect(decided.errors).toBeUndefined();
  }
  await switchTo(page, 'expert-reviewer');
  await page.goto(`/console/tasks/${wenzhouTask.id}`);
  await page.getByLabel(/^技术分（满分 100）/).fill('80');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：提交/)).toBeVisible();

  // The head approves the award on the task page.
  await stageIs('AWARD_APPROVAL');
  const head = await devToken('agency-head');
  const award = await until(async () => {
    const edges = (await gql(TASKS, { kind: 'APPROVE_AWARD' }, head)).data.myTasks.edges as {
      node: { id: string; processId: string };
    }[];
    return edges.map((e) => e.node).find((task) => task.processId === id);
  }, 'the award task');
  await switchTo(page, 'agency-head');
  await page.goto(`/console/tasks/${award.id}`);
  await page.getByRole('radio', { name: '同意', exact: true }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：同意/)).toBeVisible();
  await stageIs('NOTICE');

  // During the notice every bid is public with its ranking; the Wenzhou chamber objects.
  await switchTo(page, 'approver-wenzhou');
  await page.goto(`/console/procurements/${id}`);
  await expect(page.getByTestId('procurement-stage')).toHaveText('公示');
  await expect(page.getByTestId('procurement-award')).toHaveText('拟中标单位：嘉兴市湖北商会');
  await expect(bids.getByRole('row')).toHaveCount(4);
  const first = bids.getByRole('row').nth(1);
  await expect(first).toContainText('嘉兴市湖北商会');
  await expect(first).toContainText('中标');
  await page.getByLabel('质疑理由').fill('湖北商会的调解员资质证明不全');
  await page.getByRole('button', { name: '提出质疑' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  const objections = page.getByTestId('procurement-objections');
  await expect(objections).toContainText('嘉兴市温州商会');
  await expect(objections).toContainText('湖北商会的调解员资质证明不全');
  await expect(objections).toContainText('复核中');
  await expectNoSeriousA11yViolations(page, 'a procurement in its notice with an objection');
  await saveScreenshot(page, 'procurement-objection');
});
