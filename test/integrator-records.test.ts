import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, token } from './support/hub.js';
import { organizationWorld, recordsWorld } from './support/registry-fixtures.js';

// The platforms' and mechanisms' records and the people, as an integrator reads them through
// the gateway: connections newest first, kind and date-range filters, relations resolved.

const run = crypto.randomUUID().slice(0, 8);
const prefix = `记录${run}`;
const kind = `TEST_${run.toUpperCase()}`;
let records: Awaited<ReturnType<typeof recordsWorld>>;
let people: Awaited<ReturnType<typeof organizationWorld>>;
let reader: string;

async function read(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(query, { kind, ...variables }, reader);
  expect(r.errors).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  records = await recordsWorld(prefix, kind);
  people = await organizationWorld(`${prefix}人`, `Pp${run}`);
  reader = await token(['INTEGRATOR']);
});

describe('platform and mechanism records', () => {
  it('lists platform activities newest first, by platform, kind and dates, with organizers and participants', async () => {
    const titles = async (args: string) =>
      (
        await read(
          `query ($kind: String!) { platformActivities(kind: $kind ${args}) { totalCount edges { node { title heldOn } } } }`,
        )
      ).platformActivities.edges.map((e: any) => e.node.title.slice(prefix.length));
    expect(await titles('')).toEqual(['法官进商会三', '法官进商会二', '人才峰会', '法官进商会一']);
    expect(await titles(', platform: LEGAL_SERVICES')).toEqual(['法官进商会三', '法官进商会二', '法官进商会一']);
    expect(await titles(', from: "2026-04-01", to: "2026-05-01"')).toEqual(['法官进商会二', '人才峰会']);
    expect(await titles(', to: "2026-03-01"')).toEqual(['法官进商会一']);
    const data = await read(`query ($kind: String!) { platformActivities(kind: $kind, first: 1) {
      edges { node { participantCount organizers { name } participants { name } } } } }`);
    const [activity] = data.platformActivities.edges;
    expect(activity.node.organizers).toEqual([{ name: `${prefix}中级法院` }]);
    expect(activity.node.participants.map((o: any) => o.name).sort()).toEqual(
      [`${prefix}另一商会`, `${prefix}记录商会`].sort(),
    );
  });

  it('pages records forward and backward alike', async () => {
    const page = async (args: string) =>
      (
        await read(`query ($kind: String!) { platformActivities(kind: $kind, ${args}) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }`)
      ).platformActivities;
    const one = await page('first: 2');
    const two = await page(`first: 2, after: "${one.pageInfo.endCursor}"`);
    expect(two.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await page(`last: 2, before: "${two.pageInfo.startCursor}"`);
    expect(back.edges).toEqual(one.edges);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('lists liaison visits to a chamber, with the leader', async () => {
    const data = await read(
      `query ($org: ID!) { liaisonVisits(organizationId: $org, from: "2026-02-01") {
      totalCount edges { node { visitedOn leader { name } organization { name } } } } }`,
      { org: records.o.chamber.id },
    );
    expect(data.liaisonVisits.totalCount).toBe(2);
    expect(data.liaisonVisits.edges.map((e: any) => e.node.visitedOn)).toEqual(['2026-03-10', '2026-02-10']);
    expect(data.liaisonVisits.edges[0].node).toMatchObject({
      leader: { name: `${prefix}联挂领导` },
      organization: { name: `${prefix}记录商会` },
    });
  });

  it('lists deliberation sessions with their issues, and joint meetings with participants', async () => {
    const data = await read(`query ($kind: String!) {
      deliberationSessions(kind: $kind) { edges { node { title organization { name } issues { description resolvedOn } } } }
      jointMeetings(kind: $kind) { totalCount edges { node { title participants { name } } } } }`);
    const [rotating, special] = data.deliberationSessions.edges.map((e: any) => e.node);
    expect(rotating).toEqual({ title: `${prefix}轮值活动`, organization: null, issues: [] });
    expect(special.organization).toEqual({ name: `${prefix}另一商会` });
    expect(special.issues.map((i: any) => i.description).sort()).toEqual(['并网审批慢', '用地指标']);
    expect(special.issues.filter((i: any) => i.resolvedOn)).toEqual([
      { description: '并网审批慢', resolvedOn: '2026-05-01' },
    ]);
    expect(data.jointMeetings.totalCount).toBe(1);
    expect(data.jointMeetings.edges[0].node.participants).toHaveLength(2);
  });

  it('lists loans, mediation cases, charity and investment with their organizations and amounts', async () => {
    const data = await read(
      `query ($kind: String!, $committee: ID!, $chamber: ID!) {
      loans(product: $kind) { totalCount edges { node { amountFen amountFormatted signedOn enterprise { name } bank { name } } } }
      early: loans(product: $kind, to: "2026-06-30") { edges { node { amountFormatted } } }
      mediationCases(committeeId: $committee) { edges { node { subject outcome committee { name } } } }
      charityRecords(organizationId: $chamber) { edges { node { year kind amountFormatted beneficiaries organization { name } } } }
      y2019: charityRecords(organizationId: $chamber, year: 2019) { totalCount }
      investmentProjects(introducedById: $chamber) { edges { node { amountFormatted introducedBy { name } } } } }`,
      { committee: records.o.committee.id, chamber: records.o.chamber.id },
    );
    expect(data.loans.edges.map((e: any) => e.node)).toEqual([
      {
        amountFen: 1_234_500,
        amountFormatted: '1.23万元',
        signedOn: '2026-08-15',
        enterprise: { name: `${prefix}纺织公司` },
        bank: { name: `${prefix}南湖支行` },
      },
      {
        amountFen: 3_240_000_000,
        amountFormatted: '3240万元',
        signedOn: '2026-03-15',
        enterprise: { name: `${prefix}纺织公司` },
        bank: { name: `${prefix}南湖支行` },
      },
    ]);
    expect(data.early.edges).toEqual([{ node: { amountFormatted: '3240万元' } }]);
    expect(data.mediationCases.edges.map((e: any) => e.node)).toEqual([
      { subject: '劳务纠纷', outcome: null, committee: { name: `${prefix}调解委员会` } },
      { subject: '货款纠纷', outcome: 'SETTLED', committee: { name: `${prefix}调解委员会` } },
    ]);
    expect(
      data.charityRecords.edges.map((e: any) => [e.node.year, e.node.amountFormatted, e.node.beneficiaries]),
    ).toEqual([
      [2020, '0.00元', 550],
      [2019, '400万元', 0],
    ]);
    expect(data.y2019.totalCount).toBe(1);
    expect(data.investmentProjects.edges).toEqual([
      { node: { amountFormatted: '60亿元', introducedBy: { name: `${prefix}记录商会` } } },
    ]);
  });

  it('refuses malformed dates, reversed ranges and malformed ids', async () => {
    const refused = async (query: string) => {
      const r = await gql(query, {}, reader);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      return r.errors![0].extensions!.field;
    };
    expect(await refused('{ platformActivities(from: "2026-1-1") { totalCount } }')).toBe('from');
    expect(await refused('{ loans(from: "2026-06-01", to: "2026-01-01") { totalCount } }')).toBe('from');
    expect(await refused('{ liaisonVisits(organizationId: "42") { totalCount } }')).toBe('organizationId');
    expect(await refused('{ jointMeetings(first: 1, last: 1) { totalCount } }')).toBe('last');
  });
});

describe('people', () => {
  it('finds people by name, pages them, and shows their positions and certifications', async () => {
    const list = await read(
      `query ($name: String!) { people(nameContains: $name, first: 1) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`,
      { name: `${prefix}人` },
    );
    expect(list.people.totalCount).toBe(2);
    expect(list.people.pageInfo.hasNextPage).toBe(true);
    const latin = await read('query ($name: String!) { people(nameContains: $name) { edges { node { name } } } }', {
      name: `pp${run} zhang`,
    });
    expect(latin.people.edges).toEqual([{ node: { name: `${prefix}人张会长` } }]);

    const secretary = await read(
      `query ($id: ID!) { person(id: $id) { name
      positions { role validTo organization { name } } certifications { kind name issuedOn } } }`,
      { id: people.people.secretary.id },
    );
    expect(secretary.person).toEqual({
      name: `${prefix}人李秘书长`,
      positions: [{ role: 'SECRETARY_GENERAL', validTo: null, organization: { name: `${prefix}人甲协会` } }],
      certifications: [
        { kind: 'TRAINING_COMPLETION', name: '素质提升培训班结业', issuedOn: '2026-12-10' },
        { kind: 'PROFESSIONAL_QUALIFICATION', name: '社会工作师', issuedOn: '2021-05-01' },
      ],
    });
    expect(codeOf(await gql('{ person(id: "00000000-0000-4000-8000-000000000000") { name } }', {}, reader))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql('{ person(id: "nobody") { name } }', {}, reader))).toBe('BAD_USER_INPUT');
  });
});
