import type { Page, Request } from '@playwright/test';
import { codeFinder, type CodeFinder, type CodeOnPage } from './support/codes.js';
import { devToken, expect, gql, signInAs, test } from './support/index.js';

// Words, not codes: every role opens every page of its side menu (read from the page, so pages
// added later are covered with no change here) and the first detail page each list links to,
// and no page may show an enum code or a UUID outside an admin details line (`data-details`).
// The data first: training applications of 嘉兴市温州商会 (one open, one endorsed by the
// approver, one cancelled by the admin), so the inbox, the runs, a run's timeline with its
// actors and an audit line all have something to show.

const WENZHOU = 'dd9882e2-7e1c-519a-b5ab-e5f108b6eba5'; // 嘉兴市温州商会 (seed)

// The admin last: the admin's pages are then read again in English.
const ROLES = [
  { identity: 'approver-wenzhou', role: 'APPROVER' },
  { identity: 'federation-officer', role: 'FEDERATION_OFFICER' },
  { identity: 'agency-officer', role: 'AGENCY_OFFICER' },
  { identity: 'integrator', role: 'INTEGRATOR' },
  { identity: 'admin', role: 'ADMIN' },
];

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  expect(answer.errors, query).toBeUndefined();
  return answer.data!;
}

async function application(courseId: string, name: string): Promise<{ workflowId: string }> {
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
    'mutation ($c: ID!, $o: ID!, $p: ID!) { enrollInTraining(courseId: $c, organizationId: $o, personId: $p) { workflowId } }',
    { c: courseId, o: WENZHOU, p: createPerson.id },
    await devToken('approver-wenzhou'),
  );
  return enrollInTraining;
}

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited 30 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The approver's open endorsement of that run, once the workflow has opened it. */
async function endorsement(workflowId: string, token: string): Promise<string> {
  return until(async () => {
    const { myTasks } = await ok(
      '{ myTasks(kind: "ENDORSE_ENROLLMENT", status: OPEN, first: 100) { edges { node { id workflowId } } } }',
      {},
      token,
    );
    return (myTasks.edges as { node: { id: string; workflowId: string } }[]).find(
      (edge) => edge.node.workflowId === workflowId,
    )?.node.id;
  }, `the endorsement of ${workflowId}`);
}

async function prepare() {
  const admin = await devToken('admin');
  const approver = await devToken('approver-wenzhou');
  const suffix = Math.random().toString(36).slice(2, 7);
  const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { createTrainingCourse: course } = await ok(
    'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
    { input: { title: `用词测试课程 ${suffix}`, days: 2, capacity: 10, startsOn } },
    admin,
  );
  // Oldest first: the runs list links to the newest run first, the one with most to show.
  const cancelled = await application(course.id, `戊${suffix}`);
  await ok(
    'mutation ($id: ID!) { cancelRun(id: $id, reason: "用词测试：重复报名") { status } }',
    { id: cancelled.workflowId },
    admin,
  );
  await application(course.id, `丙${suffix}`);
  const endorsed = await application(course.id, `丁${suffix}`);
  await ok(
    'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }',
    { id: await endorsement(endorsed.workflowId, approver), input: { outcome: 'APPROVE', comment: '同意推荐' } },
    approver,
  );
  // The Federation's confirmation it opened, given more time by the admin: an audit line.
  const confirmation = await until(async () => {
    const { processRun } = await ok(
      'query ($id: ID!) { processRun(id: $id) { openTasks { id kind dueAt } } }',
      { id: endorsed.workflowId },
      admin,
    );
    return (processRun.openTasks as { id: string; kind: string; dueAt: string }[]).find(
      (task) => task.kind === 'CONFIRM_ENROLLMENT',
    );
  }, `the confirmation of ${endorsed.workflowId}`);
  await ok(
    'mutation ($id: ID!, $dueAt: DateTimeISO!) { extendTaskDue(taskId: $id, dueAt: $dueAt, reason: "用词测试：延期") { id } }',
    { id: confirmation.id, dueAt: new Date(Date.parse(confirmation.dueAt) + 7 * 86_400_000).toISOString() },
    admin,
  );
}

/** Every code the catalog knows (stages, task kinds, outcomes, fields, roles): strings in the schema, not enums. */
async function catalogCodes(): Promise<string[]> {
  const { processCatalog } = await ok(
    `{ processCatalog { processes { processType stages { code } taskKinds { code } outcomes { code } fields { code } }
       roles { code } } }`,
    {},
    await devToken('admin'),
  );
  const codes: string[] = processCatalog.roles.map((role: { code: string }) => role.code);
  for (const process of processCatalog.processes)
    codes.push(
      process.processType,
      ...[...process.stages, ...process.taskKinds, ...process.outcomes, ...process.fields].map(
        (entry: { code: string }) => entry.code,
      ),
    );
  return codes.filter((code) => /^[A-Z][A-Z0-9_]+$/.test(code));
}

/**
 * The page's data requests in flight (a click in the console navigates without a load event).
 * Only fetches count: the IDE's Monaco workers load scripts that a sign-out may leave unfinished.
 */
function inFlight(page: Page): () => number {
  const pending = new Set<Request>();
  const data = (request: Request) => ['fetch', 'xhr'].includes(request.resourceType());
  page.on('request', (request) => data(request) && pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return () => pending.size;
}

const MENU = /^(主菜单|Main menu)$/;
// The GraphQL IDE (GraphiQL and Monaco, the slowest page to load) is the same page for every
// role: it is read once, by the first role whose menu has it.
const SAME_FOR_EVERYONE = ['/console/ide'];

/** Walks pages as one signed-in person after another and collects the codes they show. */
class Walk {
  readonly found: string[] = [];
  readonly visited: string[] = [];
  private readonly pending: () => number;
  private readonly seen = new Set<string>();

  constructor(
    private readonly page: Page,
    private readonly find: CodeFinder,
  ) {
    this.pending = inFlight(page);
  }

  /** Until the page has its data: nothing in flight for a while, no spinner or skeleton left. */
  private async settled() {
    let quietSince = Date.now();
    await expect
      .poll(
        () => {
          if (this.pending() > 0) quietSince = Date.now();
          return Date.now() - quietSince;
        },
        { timeout: 15_000, intervals: [50] },
      )
      .toBeGreaterThan(300);
    await expect(this.page.locator('.ant-spin-spinning:visible, .ant-skeleton:visible')).toHaveCount(0, {
      timeout: 15_000,
    });
    await expect(this.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  private async read(where: string) {
    await this.settled();
    const codes: CodeOnPage[] = await this.find(this.page);
    for (const { code, text } of codes) this.found.push(`${where}: ${code} in “${text}”`);
    this.visited.push(where);
  }

  /** The person's menu pages and, for each, the first page it links to below itself (a task, a run). */
  async menu(who: string) {
    const page = this.page;
    const items = page.getByRole('navigation', { name: MENU }).getByRole('menuitem');
    await expect(items.first()).toBeVisible();
    const labels = (await items.allInnerTexts()).map((label) => label.trim());
    for (const [index, label] of labels.entries()) {
      await items.nth(index).click();
      const list = new URL(page.url()).pathname;
      if (SAME_FOR_EVERYONE.includes(list) && this.seen.has(list)) continue;
      this.seen.add(list);
      await this.read(`${who} ${label} (${list})`);
      const detail = page.locator(`main a[href^="${list}/"]`).first();
      if ((await detail.count()) === 0) continue;
      await detail.click();
      await expect(page).not.toHaveURL(new RegExp(`${list}$`));
      await this.read(`${who} ${label} → ${new URL(page.url()).pathname}`);
    }
  }
}

test('every page of every role shows words and names, not codes or ids', async ({ page }) => {
  // About a minute on a quiet machine (five sign-ins, some twenty pages); room for a busy one.
  test.setTimeout(240_000);
  await prepare();
  const walk = new Walk(page, codeFinder(await catalogCodes()));
  await page.goto('/console/signin');
  for (const [index, { identity, role }] of ROLES.entries()) {
    if (index > 0) {
      await page.getByRole('button', { name: '退出登录' }).click();
      await expect(page).toHaveURL(/\/console\/signin/);
    }
    await signInAs(page, identity);
    await walk.menu(role);
  }
  // English too: the admin's pages (the most of any role; the admin is the last) again in English.
  await page.getByText('English', { exact: true }).click();
  await walk.menu('ADMIN (English)');

  // Every role's menu read, with at least one detail page (a task, a run).
  expect(walk.visited.length, walk.visited.join('\n')).toBeGreaterThan(2 * ROLES.length);
  expect(walk.visited.filter((where) => where.includes('→')).length, walk.visited.join('\n')).toBeGreaterThan(1);
  expect(walk.found, `codes or ids shown to people:\n${walk.found.join('\n')}`).toEqual([]);
});
