import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { codeOf, federationToken, gql, orgId, sql, temporalClient } from './support/hub.js';
import { until } from './support/until.js';
import { decide } from './support/training.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { defaultParams } from '../services/processes/evaluation/params.js';
import { EvaluationCampaign } from '../services/processes/evaluation/campaign.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../workflows/human-task/search-attributes.js';
import {
  CANDIDACY_WORKFLOW_TYPE,
  candidacyWorkflowId,
  EVALUATION_PROCESS_TYPE,
  type CandidacyInput,
} from '../workflows/evaluation/types.js';

// The upward Four-Good candidacy through the gateway (docs/jurisdiction.md): a chamber the city's
// campaign recommends is started as the campaign starts it (workflows/evaluation/campaign.ts;
// the campaign's own test takes a whole campaign there on the time-skipping server). The task is
// the province officers' alone: the city's officer may not decide it and the county's does not
// see it; the province's decision is written back to the city's campaign and to the registry.

const tag = randomUUID().slice(0, 8);
const CAMPAIGN = `four-good-candidacy-test-${tag}`;
const chamber = orgId('grassroots-nanhu-qixing'); // 南湖区: the county's, the city's and the province's
const province = orgId('federation-zhejiang');

const TASK = `query ($id: ID!) { task(id: $id) { id kind title summary candidates { role organizationId }
  process { id stage ... on EvaluationCandidacy { rank of total grade reasons upperFederationName organizationName } } } }`;
const INBOX = `query ($o: ID!) { myTasks(first: 100, organizationId: $o, status: OPEN) { edges { node { id kind } } } }`;
const CLAIM = 'mutation ($id: ID!) { claimTask(id: $id) { id } }';
const CANDIDACIES = `query ($id: ID!) { evaluationCampaign(id: $id) { candidacies {
  organization { id } rank of status upperFederationName decidedBy reason decidedAt } } }`;

const inbox = async (bearer: string) => {
  const r = await gql(INBOX, { o: chamber }, bearer);
  expect(r.errors).toBeUndefined();
  return (r.data.myTasks.edges as { node: { id: string } }[]).map((e) => e.node.id);
};

let orm: MikroORM;
let taskId: string;
const input: CandidacyInput = {
  candidacyId: randomUUID(),
  campaignId: CAMPAIGN,
  applicationId: randomUUID(),
  organizationId: chamber,
  organizationName: '嘉兴市南湖区七星街道商会',
  year: 2025,
  rank: 2,
  of: 3,
  total: 951,
  grade: 'A5',
  reasons: ['市级评审总分 951 分，在本市推荐的 3 家商会中列第 2 位', '公示期间无异议'],
  federationId: orgId('federation'),
};

beforeAll(async () => {
  // The city's campaign record, as the campaign workflow opens it.
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 2 });
  const em = orm.em.fork();
  em.create(EvaluationCampaign, {
    id: CAMPAIGN,
    year: 2025,
    track: 'FOUR_GOOD',
    stage: 'CLOSED',
    workflowId: CAMPAIGN,
    params: defaultParams(2025, 'FOUR_GOOD'),
    startedBy: 'admin-jiaxing',
  });
  await em.flush();
  const client = await temporalClient();
  await client.workflow.start(CANDIDACY_WORKFLOW_TYPE, {
    workflowId: candidacyWorkflowId(CAMPAIGN, chamber),
    taskQueue: 'hub-test',
    args: [input],
    typedSearchAttributes: [
      { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
      { key: ORGANIZATION_ID, value: chamber },
      { key: STAGE, value: 'PROPOSED' },
      { key: YEAR, value: 2025 },
    ],
  });
  const [task] = await until(
    () => sql<{ id: string }>('select id from processes.human_task where process_id = $1', [input.candidacyId]),
    (rows) => rows.length === 1,
    "the province's task",
  );
  taskId = task.id;
});
afterAll(() => orm?.close());

describe('the upward Four-Good candidacy', () => {
  it("is in the province officer's inbox with the city's ranking and reasons", async () => {
    const officer = await federationToken(['FEDERATION_OFFICER'], 'federation-zhejiang', 'officer-zhejiang');
    expect(await inbox(officer)).toContain(taskId);
    const shown = await gql(TASK, { id: taskId }, officer);
    expect(shown.errors).toBeUndefined();
    expect(shown.data.task).toMatchObject({
      kind: 'DECIDE_FOUR_GOOD_CANDIDACY',
      title: '推荐参评省级“四好”商会：嘉兴市南湖区七星街道商会',
      summary: '2025 年度 · 本市推荐第 2/3 位 · 总分 951',
      candidates: [{ role: 'FEDERATION_OFFICER', organizationId: province }],
      process: {
        stage: 'PROPOSED',
        rank: 2,
        of: 3,
        total: 951,
        grade: 'A5',
        reasons: input.reasons,
        upperFederationName: '浙江省工商业联合会',
      },
    });
  });

  it("is not the city's to decide, nor the county's or another city's to see", async () => {
    const city = await federationToken(['FEDERATION_OFFICER'], 'federation', 'officer-jiaxing');
    expect(await inbox(city)).not.toContain(taskId);
    expect(codeOf(await gql(TASK, { id: taskId }, city))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CLAIM, { id: taskId }, city))).toBe('FORBIDDEN');
    expect(codeOf(await decide(taskId, 'ACCEPT_RECOMMENDATION', city, '本市自行决定'))).toBe('FORBIDDEN');
    for (const [key, subject] of [
      ['federation-nanhu', 'officer-nanhu'],
      ['federation-huzhou', 'officer-huzhou'],
    ]) {
      const other = await federationToken(['FEDERATION_OFFICER'], key, subject);
      expect(await inbox(other)).not.toContain(taskId);
      expect(codeOf(await gql(TASK, { id: taskId }, other))).toBe('FORBIDDEN');
    }
    const [row] = await sql('select status, assignee from processes.human_task where id = $1', [taskId]);
    expect(row).toEqual({ status: 'OPEN', assignee: null });
  });

  it("takes the province's decision, with a reason to decline, and writes it back where the city reads it", async () => {
    const officer = await federationToken(['FEDERATION_OFFICER'], 'federation-zhejiang', 'officer-zhejiang');
    const bare = await decide(taskId, 'DECLINE_RECOMMENDATION', officer);
    expect(codeOf(bare)).toBe('BAD_USER_INPUT');
    const declined = await decide(taskId, 'DECLINE_RECOMMENDATION', officer, undefined, { reason: '本年度名额已满' });
    expect(declined.errors).toBeUndefined();
    expect(declined.data.decideTask.task).toMatchObject({ status: 'DONE', decidedBy: 'officer-zhejiang' });
    expect(declined.data.decideTask.process.stage).toBe('NOT_ACCEPTED');

    const city = await federationToken(['FEDERATION_OFFICER'], 'federation', 'officer-jiaxing');
    const read = await gql(CANDIDACIES, { id: CAMPAIGN }, city);
    expect(read.errors).toBeUndefined();
    expect(read.data.evaluationCampaign.candidacies).toEqual([
      {
        organization: { id: chamber },
        rank: 2,
        of: 3,
        status: 'NOT_ACCEPTED',
        upperFederationName: '浙江省工商业联合会',
        decidedBy: 'officer-zhejiang',
        reason: '本年度名额已满',
        decidedAt: expect.any(String),
      },
    ]);
    // Another city's officer does not see Jiaxing's candidacies.
    const huzhou = await federationToken(['FEDERATION_OFFICER'], 'federation-huzhou', 'officer-huzhou');
    expect((await gql(CANDIDACIES, { id: CAMPAIGN }, huzhou)).data.evaluationCampaign.candidacies).toEqual([]);

    // In the chamber's credit record, written by the worker and audited by the registry.
    const credit = await until(
      () =>
        sql<{ id: string; summary: string }>(
          'select id, summary from registry.credit_entry where organization_id = $1 and source = $2',
          [chamber, CAMPAIGN],
        ),
      (rows) => rows.length === 1,
      'the credit entry',
    );
    expect(credit[0].summary).toBe('2025 年度推荐参评省级“四好”商会：浙江省工商业联合会不予接受（本年度名额已满）');
    const audit = await sql('select action from registry.audit_entry where entity_id = $1', [credit[0].id]);
    expect(audit).toEqual([{ action: 'CREATE' }]);
  });
});
