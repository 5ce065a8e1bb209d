import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { codeOf, federationToken, gql, sql, token, type GraphQLResponse } from './support/hub.js';
import { procurementWorld } from './support/procurement-world.js';
import { until } from './support/until.js';

// Notifications outside the console (issue 21): read marks the hub keeps per person, and the
// outbox that carries a notification by email (a real SMTP server started here) and to a
// Federation's DingTalk robot (a local HTTP receiver that checks DingTalk's signature). A failing
// receiver leaves the delivery RETRYING, then FAILED, visible to the Federation's admin; it is
// sent when the receiver recovers (by itself, or on the admin's retry); nothing is lost, and
// the process whose notice it was goes on all along.

const tag = randomUUID().slice(0, 6);
const SECRET = 'SEC-test-robot-secret';
const fieldOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.field;

let world: Awaited<ReturnType<typeof procurementWorld>>;
let officer: string;
let admin: string; // the Jiaxing Federation's, for its channels and outbox
let operator: string; // an admin of no Federation, who reassigns tasks anywhere
let deputy: string; // the person notified
let bystander: string;

const mails: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

const robotPosts: { content: string; signed: boolean }[] = [];
let robotFailing = false;
let robot: Server;
let robotUrl = '';

async function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        mails.push({ to, text: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
}

async function startRobot() {
  robot = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (robotFailing) {
        res.writeHead(500).end('robot down');
        return;
      }
      const url = new URL(req.url!, 'http://robot');
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { msgtype: string; text: { content: string } };
      robotPosts.push({ content: body.text.content, signed: url.searchParams.get('sign') === expected });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/robot/send?access_token=robot-${tag}`;
}

const PUBLISH = 'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id } }';
/** A procurement that failed at once (no bid came): its FAILED_PROCUREMENT task waits. */
async function failedProcurementTask(): Promise<string> {
  const published = await gql(
    PUBLISH,
    {
      need: {
        agencyId: world.agency.id,
        categoryCode: 'POLICY_PUBLICITY',
        title: `通知测试${tag}`,
        description: '政策宣传',
        budgetFen: 1_000_000,
        method: 'COMPETITIVE_CONSULTATION',
        priceWeight: 20,
        technicalWeight: 80,
        closesAt: new Date(Date.now() + 1_500).toISOString(),
        committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
        noticeDays: 1,
      },
    },
    officer,
  );
  expect(published.errors).toBeUndefined();
  const id = published.data.publishProcurement.id as string;
  const [task] = await until(
    () =>
      sql(
        "select id from processes.human_task where process_id = $1 and kind = 'FAILED_PROCUREMENT' and status = 'OPEN'",
        [id],
      ),
    (rows) => rows.length === 1,
    'the failed-procurement task',
    { tries: 150, everyMs: 200 },
  );
  return task.id as string;
}

/** Gives the task to the deputy: a NOTICE to them (and its deliveries); returns the notification's id. */
async function reassignToDeputy(taskId: string, reason: string): Promise<string> {
  const r = await gql(
    'mutation ($t: ID!, $c: [CandidateInput!]!, $r: String!) { reassignTask(taskId: $t, candidates: $c, reason: $r) { status } }',
    { t: taskId, c: [{ subject: `deputy-${tag}` }], r: reason },
    operator,
  );
  expect(r.errors).toBeUndefined();
  const [row] = await sql('select id from processes.task_notification where message like $1', [`%${reason}`]);
  return row.id as string;
}

const DELIVERIES = `query ($status: DeliveryStatus, $first: Int) { notificationDeliveries(status: $status, first: $first) {
  totalCount edges { node { id channel address message status attempts lastError sentAt } } } }`;
type Delivery = {
  id: string;
  channel: string;
  address: string | null;
  message: string;
  status: string;
  attempts: number;
  lastError: string | null;
};
async function deliveriesOf(reason: string, status?: string): Promise<Delivery[]> {
  const r = await gql(DELIVERIES, { status, first: 100 }, admin);
  expect(r.errors).toBeUndefined();
  return (r.data.notificationDeliveries.edges as { node: Delivery }[])
    .map((e) => e.node)
    .filter((d) => d.message.endsWith(reason));
}

beforeAll(async () => {
  await Promise.all([startSmtp(), startRobot()]);
  world = await procurementWorld(`n${tag}`);
  officer = await token(['AGENCY_OFFICER'], [world.agency.id], world.officer.id);
  admin = await federationToken(['ADMIN'], 'federation', `fed-admin-${tag}`);
  operator = await token(['ADMIN'], [], `operator-${tag}`);
  deputy = await federationToken(['FEDERATION_OFFICER'], 'federation', `deputy-${tag}`);
  bystander = await federationToken(['FEDERATION_OFFICER'], 'federation', `bystander-${tag}`);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await new Promise<void>((resolve) => robot?.close(() => resolve()));
});

describe('read marks kept by the hub', () => {
  it('counts unread notifications per person and marks one or all read', { timeout: 90_000 }, async () => {
    const taskId = await failedProcurementTask();
    const COUNT = '{ myUnreadNotificationCount }';
    const othersBefore = (await gql(COUNT, {}, bystander)).data.myUnreadNotificationCount as number;
    // The deputy is a Jiaxing officer: escalations of earlier tests' tasks reach them too.
    const deputyBefore = (await gql(COUNT, {}, deputy)).data.myUnreadNotificationCount as number;
    const first = await reassignToDeputy(taskId, `第一次转交${tag}`);
    await reassignToDeputy(taskId, `第二次转交${tag}`);
    const MINE = '{ myUnreadNotificationCount myNotifications(first: 100) { edges { node { id read message } } } }';
    type Mine = { id: string; read: boolean; message: string };
    const ours = (data: { myNotifications: { edges: { node: Mine }[] } }) =>
      data.myNotifications.edges.map((e) => e.node).filter((n) => n.message.includes(`转交${tag}`));
    const before = (await gql(MINE, {}, deputy)).data;
    expect(before.myUnreadNotificationCount).toBe(deputyBefore + 2);
    expect(ours(before).map((n) => n.read)).toEqual([false, false]);

    const MARK = 'mutation ($id: ID!) { markNotificationRead(id: $id) { id read } }';
    expect(codeOf(await gql(MARK, { id: first }, bystander))).toBe('NOT_FOUND');
    const bad = await gql(MARK, { id: 'not-an-id' }, deputy);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'id']);
    const marked = await gql(MARK, { id: first }, deputy);
    expect(marked.errors).toBeUndefined();
    expect(marked.data.markNotificationRead).toEqual({ id: first, read: true });
    const after = (await gql(MINE, {}, deputy)).data;
    expect(after.myUnreadNotificationCount).toBe(deputyBefore + 1);
    expect(ours(after).map((n) => [n.id === first, n.read])).toEqual([
      [false, false],
      [true, true],
    ]);

    const all = await gql('mutation { markAllNotificationsRead }', {}, deputy);
    expect(all.data.markAllNotificationsRead).toBe(deputyBefore + 1);
    expect((await gql(MINE, {}, deputy)).data.myUnreadNotificationCount).toBe(0);
    // Marks are the person's own: someone else's count is untouched by them.
    expect((await gql(COUNT, {}, bystander)).data.myUnreadNotificationCount).toBe(othersBefore);
  });
});

describe('delivery by email and DingTalk', () => {
  let taskId: string;

  it("sets up the Federation's channels and the person's preferences, refusing bad input in words", async () => {
    const SET =
      'mutation ($input: NotificationChannelsInput!) { setNotificationChannels(input: $input) { smtpHost smtpPort senderAddress dingTalkWebhook dingTalkSigned smtpPasswordSet } }';
    const badHook = await gql(SET, { input: { dingTalkWebhook: 'ftp://robot' } }, admin);
    expect([codeOf(badHook), fieldOf(badHook)]).toEqual(['BAD_USER_INPUT', 'dingTalkWebhook']);
    expect(badHook.errors?.[0]?.message).toContain('钉钉机器人地址');
    const badPort = await gql(SET, { input: { smtpHost: '127.0.0.1', smtpPort: 70000 } }, admin);
    expect([codeOf(badPort), fieldOf(badPort)]).toEqual(['BAD_USER_INPUT', 'smtpPort']);
    expect(codeOf(await gql(SET, { input: { smtpHost: '127.0.0.1' } }, deputy))).toBe('FORBIDDEN');
    const set = await gql(
      SET,
      {
        input: {
          smtpHost: '127.0.0.1',
          smtpPort,
          senderAddress: 'notice@jiaxing-federation.example',
          senderName: '嘉兴市工商联',
          dingTalkWebhook: robotUrl,
          dingTalkSecret: SECRET,
        },
      },
      admin,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data.setNotificationChannels).toEqual({
      smtpHost: '127.0.0.1',
      smtpPort,
      senderAddress: 'notice@jiaxing-federation.example',
      dingTalkWebhook: robotUrl.replace(`robot-${tag}`, '…'),
      dingTalkSigned: true,
      smtpPasswordSet: false,
    });
    // A field sent as null is a field left out: kept (the fuzzer once found it an internal error).
    const kept = await gql(SET, { input: { dingTalkWebhook: null, smtpPort: null, smtpSecure: null } }, admin);
    expect(kept.errors).toBeUndefined();
    expect(kept.data.setNotificationChannels).toEqual(set.data.setNotificationChannels);

    const PREFS =
      'mutation ($email: String, $ding: Boolean!) { setMyNotificationPreferences(email: $email, dingTalk: $ding) { email dingTalk } }';
    const badMail = await gql(PREFS, { email: 'not a mail', ding: true }, deputy);
    expect([codeOf(badMail), fieldOf(badMail)]).toEqual(['BAD_USER_INPUT', 'email']);
    const prefs = await gql(PREFS, { email: `deputy-${tag}@example.org`, ding: true }, deputy);
    expect(prefs.data.setMyNotificationPreferences).toEqual({ email: `deputy-${tag}@example.org`, dingTalk: true });
    expect((await gql('{ myNotificationPreferences { email dingTalk } }', {}, bystander)).data).toEqual({
      myNotificationPreferences: { email: null, dingTalk: false },
    });
  });

  it('retries a failing receiver, shows it to the admin, and sends when it recovers', { timeout: 90_000 }, async () => {
    taskId = await failedProcurementTask();
    robotFailing = true;
    const reason = `机器人故障中转交${tag}`;
    await reassignToDeputy(taskId, reason);
    // The email goes at once; the robot's message waits, RETRYING, with the reason.
    await until(
      async () => mails.filter((m) => m.to === `deputy-${tag}@example.org`),
      (m) => m.length === 1,
      'the email',
    );
    const retrying = await until(
      () => deliveriesOf(reason, 'RETRYING'),
      (d) => d.length === 1,
      'the DingTalk delivery retrying',
    );
    expect(retrying[0]).toMatchObject({ channel: 'DINGTALK', address: null });
    expect(retrying[0].attempts).toBeGreaterThanOrEqual(1);
    expect(retrying[0].lastError).toContain('HTTP 500');
    robotFailing = false;
    const sent = await until(
      () => deliveriesOf(reason),
      (d) => d.length === 2 && d.every((x) => x.status === 'SENT'),
      'both deliveries sent',
      { tries: 100, everyMs: 200 },
    );
    expect(sent.map((d) => d.channel).sort()).toEqual(['DINGTALK', 'EMAIL']);
    const post = robotPosts.find((p) => p.content.endsWith(reason));
    expect(post).toMatchObject({ signed: true });
    expect(mails.find((m) => m.to === `deputy-${tag}@example.org`)!.text).toContain(
      'notice@jiaxing-federation.example',
    );
  });

  it(
    "gives up after the attempts allowed (FAILED), sends on the admin's retry, and the process goes on",
    { timeout: 90_000 },
    async () => {
      robotFailing = true;
      const reason = `机器人停机转交${tag}`;
      await reassignToDeputy(taskId, reason);
      const [failed] = await until(
        () => deliveriesOf(reason, 'FAILED'),
        (d) => d.length === 1,
        'the DingTalk delivery failed',
        { tries: 100, everyMs: 200 },
      );
      expect(failed).toMatchObject({ channel: 'DINGTALK', attempts: 3 });
      // The process did not wait: the deputy decides the task while the robot is still down.
      const decided = await gql(
        'mutation ($t: ID!) { decideTask(id: $t, input: { outcome: CLOSE }) { task { status } } }',
        { t: taskId },
        deputy,
      );
      expect(decided.errors).toBeUndefined();

      const RETRY = 'mutation ($id: ID!) { retryNotificationDelivery(id: $id) { status } }';
      const [email] = (await deliveriesOf(reason)).filter((d) => d.channel === 'EMAIL');
      expect(email.status).toBe('SENT');
      expect(codeOf(await gql(RETRY, { id: email.id }, admin))).toBe('CONFLICT');
      expect(codeOf(await gql(RETRY, { id: failed.id }, deputy))).toBe('FORBIDDEN');
      robotFailing = false;
      expect((await gql(RETRY, { id: failed.id }, admin)).data.retryNotificationDelivery).toEqual({
        status: 'RETRYING',
      });
      await until(
        () => deliveriesOf(reason),
        (d) => d.every((x) => x.status === 'SENT'),
        'the retried delivery sent',
      );
      // Nothing lost: every notice of the deputy's went out both ways, once.
      const notices = (
        await sql('select message from processes.task_notification where $1 = any(audience)', [`subject:deputy-${tag}`])
      ).map((r) => r.message as string);
      for (const message of notices.filter((m) => m.includes('机器人'))) {
        expect(robotPosts.filter((p) => p.content === message)).toHaveLength(1);
      }
      expect(mails.filter((m) => m.to === `deputy-${tag}@example.org`)).toHaveLength(2);
    },
  );
});
