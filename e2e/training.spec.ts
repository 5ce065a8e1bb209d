import pg from 'pg';
import {
  devToken,
  expect,
  expectNoSeriousA11yViolations,
  gql,
  saveScreenshot,
  signInAs,
  test,
} from './support/index.js';

// Training in the console, one whole job: the secretary of 嘉兴市温州商会 applies two of its
// people to a course, withdraws one and endorses the other; the Federation officer confirms the
// seat and keeps the attendance sheet until the certificate shows on the application. The
// course and the two people are made through the gateway; applications close when a course
// starts and attendance opens on its first day, so once the seat is confirmed the course is
// moved to begin today, as the calendar would have moved it.

const WENZHOU = 'dd9882e2-7e1c-519a-b5ab-e5f108b6eba5';

function beijingDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  expect(answer.errors, query).toBeUndefined();
  return answer.data!;
}

async function staffOfWenzhou(name: string, admin: string): Promise<void> {
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
}

async function switchTo(page: import('@playwright/test').Page, identity: string) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/console\/signin$/);
  await signInAs(page, identity);
}

test('a secretary applies two people and withdraws one; the officer confirms and records attendance until the certificate shows', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const admin = await devToken('admin');
  const suffix = Date.now().toString(36).slice(-4);
  const title = `直播电商实务班 ${suffix}`;
  const [kept, withdrawn] = [`周敏${suffix}`, `吴磊${suffix}`];
  await staffOfWenzhou(kept, admin);
  await staffOfWenzhou(withdrawn, admin);
  const { createTrainingCourse: course } = await ok(
    'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
    { input: { title, days: 1, capacity: 5, startsOn: beijingDay(1) } },
    await devToken('federation-officer'),
  );

  // The secretary finds the course and applies for both.
  await signInAs(page, 'approver-wenzhou');
  await page.getByRole('menuitem', { name: /培训$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '培训课程' })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('嘉兴市温州商会', { exact: true })).toBeVisible();
  for (const name of [kept, withdrawn]) {
    // The chamber has many staff and the list is virtual: typing the name narrows it.
    await page.getByRole('combobox', { name: '报名人员' }).fill(name);
    await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('待商会推荐');
  }
  await expectNoSeriousA11yViolations(page, 'a course, as the chamber’s secretary');
  await saveScreenshot(page, 'training-course-secretary');

  // Withdrawing says it cannot be undone, then does it.
  await page.getByRole('button', { name: `撤回${withdrawn}的报名` }).click();
  const dialog = page.getByRole('dialog', { name: `撤回${withdrawn}的报名？` });
  await expect(dialog).toContainText('不能恢复');
  await dialog.getByLabel('撤回原因（可选）').fill('工作安排冲突');
  await dialog.getByRole('button', { name: '撤回报名' }).click();
  await expect(page.getByRole('row').filter({ hasText: withdrawn })).toContainText('已撤回');

  // The endorsement is the chamber's task: from the application's row to the decision form.
  await page.getByRole('row').filter({ hasText: kept }).getByRole('link', { name: '处理商会推荐' }).click();
  await page.getByRole('radio', { name: '同意', exact: true }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：同意/)).toBeVisible();

  // The officer confirms the seat from the course's page.
  await switchTo(page, 'federation-officer');
  await page.goto(`/console/training/${course.id}`);
  const applications = page.getByRole('region', { name: '报名' });
  const keptRow = applications.getByRole('row').filter({ hasText: kept });
  await expect(keptRow).toContainText('待工商联确认');
  await keptRow.getByRole('link', { name: '处理工商联确认' }).click();
  await page.getByRole('radio', { name: '同意', exact: true }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText(/已决定：同意/)).toBeVisible();

  // The course begins today; the sheet takes today's attendance, and the last day asks first.
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `update processes.training_course set starts_on = (now() at time zone 'Asia/Shanghai')::date where id = $1`,
      [course.id],
    );
  } finally {
    await db.end();
  }
  await page.goto(`/console/training/${course.id}`);
  await expect(keptRow).toContainText('已录取');
  await expect(applications.getByRole('row').filter({ hasText: withdrawn })).toContainText('已撤回');
  const sheet = page.getByRole('region', { name: '出勤登记' });
  await expect(sheet.getByRole('row').filter({ hasText: withdrawn })).toHaveCount(0);
  await sheet.getByRole('button', { name: `登记${kept}第 1 天出勤` }).click();
  await expect(page.getByText(/登记后即结算是否结业，不能更改/)).toBeVisible();
  await page.getByRole('button', { name: '确定登记' }).click();
  await expect(sheet.getByRole('row').filter({ hasText: kept })).toContainText('出勤');
  await expect(keptRow).toContainText('已结业');
  await expect(keptRow).toContainText(`（${beijingDay(0)} 颁发）`);
  await expectNoSeriousA11yViolations(page, 'a course with its attendance sheet, as the officer');
  await saveScreenshot(page, 'training-course-certificate');
});
