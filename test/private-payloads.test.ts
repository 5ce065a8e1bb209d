import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { gql, orgId, token } from './support/hub.js';
import { createCourse, decide, enroll, openTaskOf, staffOf } from './support/training.js';
import { decodeHistory, isPayload } from './support/histories.js';
import { historyDataConverter } from './support/time-skipping.js';

// What someone with access to the Temporal frontend (or its UI, or its database) sees of a
// training application: its history read with a plain client that has no key. Applicants'
// names, organisations and approvers' comments must not be in it; the hub's own client must
// still read them (else the negative check would prove nothing).

type History = temporal.api.history.v1.IHistory;
const wenzhou = orgId('wenzhou');
const marker = Math.random().toString(36).slice(2, 8);
const personName = `隐私${marker}`;
const comment = `评语${marker}：同意推荐`;
let organizationName: string;
let workflowId: string;
let enrollmentId: string;
let rawClient: Client;

/** Every payload of a history with the path to it (a.b.c), and the text anyone could read. */
function inspect(history: History) {
  const payloads: { path: string; encoding: string; payload: temporal.api.common.v1.IPayload }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
    if (isPayload(value)) {
      const encoding = new TextDecoder().decode(value.metadata?.encoding ?? new Uint8Array());
      return void payloads.push({ path, encoding, payload: value });
    }
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
  };
  walk(history, 'history');
  // The JSON shows bytes as base64; a plain payload's data must be read as UTF-8 to be searched.
  const readable = [
    JSON.stringify(history),
    ...payloads.map((p) => Buffer.from(p.payload.data ?? []).toString('utf8')),
  ].join('\n');
  return { payloads, readable };
}

async function rawHistory() {
  return rawClient.workflow.getHandle(workflowId).fetchHistory();
}

function expectNothingPersonal(history: History, secrets: string[]) {
  const { payloads, readable } = inspect(history);
  for (const secret of secrets) expect(readable, `"${secret}" in the raw history`).not.toContain(secret);
  const encrypted = payloads.filter((p) => p.encoding === 'binary/encrypted');
  expect(encrypted.length).toBeGreaterThan(3);
  // Search attributes are the one thing the server must read (to filter runs): ids and stages only.
  // Markers' own fields are written by the SDK's core, not through the codec: a patch's id and a
  // local activity's type, id and time (its result is a payload of the codec's, in `.result.`).
  const sdkOwn = /\.searchAttributes\.|\.markerRecordedEventAttributes\.details\.(patch-data|data)\./;
  const plain = payloads.filter((p) => p.encoding !== 'binary/encrypted');
  expect(plain.map((p) => p.path).filter((path) => !sdkOwn.test(path))).toEqual([]);
  // Failure messages (if any) travel in the encrypted encodedAttributes, not in the plain field.
  const failures = readable.match(/"message":"[^"]*"/g) ?? [];
  expect(failures.filter((m) => m !== '"message":"Encoded failure"')).toEqual([]);
}

async function expectReadableWithTheKey(secrets: string[]) {
  const decoded = await decodeHistory(await rawHistory(), historyDataConverter().payloadCodecs![0]);
  const { readable } = inspect(decoded);
  for (const secret of secrets) expect(readable).toContain(secret);
}

beforeAll(async () => {
  rawClient = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  const org = await gql('query ($id: ID!) { organization(id: $id) { name } }', { id: wenzhou }, await token(['ADMIN']));
  organizationName = org.data.organization.name;
  const courseId = await createCourse(5);
  const applied = await enroll(courseId, wenzhou, await staffOf(wenzhou, personName));
  expect(applied.errors).toBeUndefined();
  workflowId = applied.data.enrollInTraining.workflowId;
  enrollmentId = applied.data.enrollInTraining.id;
});

describe('workflow histories as the Temporal server stores them', () => {
  it('hold an application without the applicant or the organisation in clear', async () => {
    expectNothingPersonal(await rawHistory(), [personName, organizationName]);
    await expectReadableWithTheKey([personName, organizationName]);
  });

  it('hold a decision without its comment in clear', async () => {
    const approver = await token(['APPROVER'], [wenzhou], 'approver-privacy');
    const task = await openTaskOf(enrollmentId, approver);
    const decided = await decide(task.id, 'APPROVE', approver, comment);
    expect(decided.errors).toBeUndefined();
    expectNothingPersonal(await rawHistory(), [personName, organizationName, comment, 'approver-privacy']);
    await expectReadableWithTheKey([comment, 'approver-privacy']);
  });
});

describe('the codec endpoint for the Temporal UI', () => {
  const Payload = () => temporal.api.common.v1.Payload;
  const call = (operation: 'decode' | 'encode', payloads: unknown[], headers: Record<string, string> = {}) =>
    fetch(`${inject('codecUrl')}/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
      body: JSON.stringify({ payloads }),
    });
  /** The application as the server stores it: the start event's input, in the UI's proto JSON. */
  const startInput = async () => {
    const started = (await rawHistory()).events![0].workflowExecutionStartedEventAttributes!;
    return started.input!.payloads!.map((p) => Payload().toObject(Payload().create(p), { bytes: String }));
  };
  const json = (payload: { data: string }) => JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8'));

  it('decodes a stored payload back to the application for an ADMIN', async () => {
    const sealed = await startInput();
    expect(Buffer.from(sealed[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const response = await call('decode', sealed, { authorization: `Bearer ${await token(['ADMIN'])}` });
    expect(response.status).toBe(200);
    const { payloads } = (await response.json()) as { payloads: { metadata: { encoding: string }; data: string }[] };
    expect(Buffer.from(payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.stringify(json(payloads[0]))).toContain(personName);
  });

  it('encodes and decodes round trip for an ADMIN', async () => {
    const admin = { authorization: `Bearer ${await token(['ADMIN'])}` };
    const original = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from(JSON.stringify({ comment })).toString('base64'),
    };
    const encoded = (await (await call('encode', [original], admin)).json()) as { payloads: { data: string }[] };
    expect(Buffer.from(encoded.payloads[0].data, 'base64').toString('utf8')).not.toContain(comment);
    const decoded = (await (await call('decode', encoded.payloads, admin)).json()) as { payloads: { data: string }[] };
    expect(json(decoded.payloads[0])).toEqual({ comment });
  });

  it('refuses everyone else: 401 without a valid token, 403 for other roles', async () => {
    const sealed = await startInput();
    const none = await call('decode', sealed);
    expect(none.status).toBe(401);
    expect(await none.json()).toHaveProperty('error');
    expect((await call('decode', sealed, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    for (const roles of [['APPROVER'], ['INTEGRATOR'], ['FEDERATION_OFFICER'], ['SYSTEM']] as const) {
      const response = await call('decode', sealed, { authorization: `Bearer ${await token([...roles], [wenzhou])}` });
      expect(response.status, roles[0]).toBe(403);
      expect(JSON.stringify(await response.json())).not.toContain(personName);
    }
  });

  it("answers the UI origin's preflight (CORS) without a token", async () => {
    const response = await fetch(`${inject('codecUrl')}/decode`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8233',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-namespace',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const elsewhere = await fetch(`${inject('codecUrl')}/decode`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
