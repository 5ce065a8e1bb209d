import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execute, parse, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { DefaultLogger, type LogContext } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { registryOrmSpec } from '../services/registry/orm.js';
import { buildRegistrySchema } from '../services/registry/schema.js';
import { createRegistryLoaders } from '../services/registry/loaders.js';
import type { RegistryContext } from '../services/registry/context.js';
import { organizationsWithRelations } from './support/registry-fixtures.js';
import { DEV_FEDERATION_ID, type Identity } from '../services/common/identity.js';
import { seedOrganizationId } from '../infra/seed/run.js';

// Per-request batching, proven by counting the SQL statements the registry really sends to
// PostgreSQL: a list of 1, 10 or 100 rows with nested relation fields costs the same number.

/** MikroORM's logger, keeping the statements instead of printing them. */
class StatementLog extends DefaultLogger {
  statements: string[] = [];
  override logQuery(context: LogContext): void {
    if ((context.namespace ?? 'query') === 'query' && context.query) this.statements.push(context.query);
  }
}

const prefix = `计数${crypto.randomUUID().slice(0, 8)}`;
let orm: MikroORM;
let log: StatementLog;
let schema: GraphQLSchema;

beforeAll(async () => {
  await organizationsWithRelations(prefix, 110);
  // The registry's entities and schema, with a logger that counts; debug 'query-params' makes
  // the logged statements the exact text sent (MikroORM inlines the parameters).
  orm = await MikroORM.init({
    clientUrl: inject('databaseUrl'),
    schema: registryOrmSpec.schema,
    entities: registryOrmSpec.entities,
    debug: ['query', 'query-params'],
    loggerFactory: (options) => (log = new StatementLog(options)),
  });
  ({ schema } = await buildRegistrySchema());
});
afterAll(() => orm?.close());

/** The statements one request runs, with a context made as registryContext makes it. */
async function statementsFor(
  query: string,
  variables: Record<string, unknown>,
  identity: Identity = { subject: 'counter', roles: ['INTEGRATOR'], organizationIds: [] },
): Promise<{ data: any; statements: string[] }> {
  const em = orm.em.fork();
  const contextValue: RegistryContext = {
    identity,
    em,
    loaders: createRegistryLoaders(em),
  };
  log.statements = [];
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
  expect(result.errors).toBeUndefined();
  return { data: result.data, statements: [...log.statements] };
}

/** Statement counts for pages of 1, 10 and 100 rows; each page must really hold that many. */
async function countsFor(query: string, list: string, extra: Record<string, unknown> = {}) {
  // Warm up first: opening pool connections runs statements of its own, once per connection.
  await statementsFor(query, { n: 100, ...extra });
  const counts: number[] = [];
  const seen: string[][] = [];
  for (const n of [1, 10, 100]) {
    const { data, statements } = await statementsFor(query, { n, ...extra });
    expect(data[list].edges).toHaveLength(n);
    counts.push(statements.length);
    seen.push(statements.map((s) => s.slice(0, 90)));
  }
  // On a mismatch, show which statement appeared or vanished.
  if (new Set(counts).size > 1) console.log(JSON.stringify(seen, null, 1));
  console.log(`[statement-count] ${list}: ${counts.join(', ')} statements for 1, 10, 100 rows`);
  return counts;
}

const ORGANIZATIONS = `query ($n: Int!, $name: String!) {
  organizations(first: $n, filter: { nameContains: $name, kind: GRASSROOTS_CHAMBER }) { totalCount edges { node {
    name
    relationships { type from { name } to { name } }
    relationshipsConnection(first: 1) { totalCount edges { node { to { name } } } }
    positions { role person { name certifications { name } } }
    ratings { grade organization { name } }
    currentRating(asOf: "2026-06-01") { grade validUntil }
    honours { level organization { name } }
  } } } }`;

describe('statements per request', () => {
  it('does not grow with the organization list', async () => {
    const counts = await countsFor(ORGANIZATIONS, 'organizations', { name: prefix });
    expect(new Set(counts).size).toBe(1);
    // page + count, then one per relation: edges, their ends, positions, people, certifications,
    // ratings, honours; the ends, the ratings' and the honours' organizations share one loader
    // batch or come in a few more. Far below one per row either way.
    expect(counts[0]).toBeLessThanOrEqual(12);
  });

  it('does not grow with the activity list (many-to-many organizers and participants)', async () => {
    const query = `query ($n: Int!, $kind: String!) { platformActivities(first: $n, kind: $kind) { edges { node {
      title organizers { name } participants { name regionName }
    } } } }`;
    expect(new Set(await countsFor(query, 'platformActivities', { kind: prefix })).size).toBe(1);
  });

  it('does not grow with the loan or people lists', async () => {
    const loans = `query ($n: Int!, $product: String!) { loans(first: $n, product: $product) { edges { node {
      amountFormatted enterprise { name currentRating { grade } } bank { name }
    } } } }`;
    expect(new Set(await countsFor(loans, 'loans', { product: prefix })).size).toBe(1);
    const people = `query ($n: Int!, $name: String!) { people(first: $n, nameContains: $name) { edges { node {
      name positions { role organization { name honours { year } } } certifications { name }
    } } } }`;
    expect(new Set(await countsFor(people, 'people', { name: `${prefix}会长` })).size).toBe(1);
  });

  it('costs a Federation officer at most one statement more than an integrator (jurisdiction)', async () => {
    const officerOf = (federationId: string): Identity => ({
      subject: 'counter',
      roles: ['FEDERATION_OFFICER'],
      organizationIds: [],
      federationId,
    });
    // The fixture's chambers are its own Federation's; wenzhou is Jiaxing's.
    const [{ id: hub }] = await orm.em
      .fork()
      .execute<{ id: string }[]>('select id from registry.organization where name = ?', [`${prefix}-枢纽工商联`]);
    const one = `query ($id: ID!) { organization(id: $id) { name relationships { type to { name } } honours { year } } }`;
    const cases: [string, Record<string, unknown>, Identity, number][] = [
      [ORGANIZATIONS, { n: 10, name: prefix }, officerOf(hub), 0], // a list: one more condition in its own statement
      [one, { id: seedOrganizationId('wenzhou') }, officerOf(DEV_FEDERATION_ID), 1], // one record: one batched check
    ];
    for (const [query, variables, officer, more] of cases) {
      await statementsFor(query, variables, officer); // warm up
      const unscoped = await statementsFor(query, variables);
      const scoped = await statementsFor(query, variables, officer);
      expect(scoped.data).toEqual(unscoped.data);
      expect(scoped.statements.length - unscoped.statements.length).toBe(more);
    }
  });

  it('costs a Federation officer at most one statement more on traversal, people, the audit trail and the change feed', async () => {
    const em = orm.em.fork();
    const [{ id: hub }] = await em.execute<{ id: string }[]>('select id from registry.organization where name = ?', [
      `${prefix}-枢纽工商联`,
    ]);
    const [a, b] = await em.execute<{ id: string }[]>(
      'select id from registry.organization where name in (?, ?) order by name',
      [`${prefix}-001商会`, `${prefix}-002商会`],
    );
    const [president] = await em.execute<{ id: string }[]>('select id from registry.person where name = ?', [
      `${prefix}会长001`,
    ]);
    const as = (roles: Identity['roles'], federationId?: string): Identity => ({
      subject: 'counter',
      roles,
      organizationIds: [],
      ...(federationId ? { federationId } : {}),
    });
    // An ADMIN without a Federation is unscoped (as the worker's reads are): the same resolvers, no jurisdiction.
    const unscopedAdmin = as(['ADMIN']);
    const officer = as(['FEDERATION_OFFICER'], hub);
    const cases: [string, Record<string, unknown>, Identity, number, boolean][] = [
      // traversal: one more condition in the walk's own statement; a path checks its two ends in one statement
      [
        `query ($id: ID!) { organization(id: $id) { neighbors(depth: 2, first: 100) { totalCount edges { node { organization { name } } } } } }`,
        { id: hub },
        officer,
        1, // the organization itself (organization(id)'s check), nothing for the walk
        true,
      ],
      [
        `query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length organizations { name } } }`,
        { a: a.id, b: b.id },
        officer,
        1,
        true,
      ],
      [
        `query ($name: String!) { people(first: 20, nameContains: $name) { totalCount edges { node { name } } } }`,
        { name: `${prefix}会长` },
        officer,
        0,
        true,
      ],
      [`query ($id: ID!) { person(id: $id) { name } }`, { id: president.id }, officer, 1, true],
      [`{ auditTrail(first: 20) { totalCount edges { node { id } } } }`, {}, officer, 0, false],
      [`{ registryChanges(first: 50) { edges { node { entityId } } } }`, {}, officer, 0, false],
    ];
    for (const [query, variables, scopedAs, more, sameData] of cases) {
      await statementsFor(query, variables, scopedAs); // warm up
      const unscoped = await statementsFor(query, variables, unscopedAdmin);
      const scoped = await statementsFor(query, variables, scopedAs);
      if (sameData) expect(scoped.data, query).toEqual(unscoped.data);
      expect(scoped.statements.length - unscoped.statements.length, query).toBe(more);
    }
  });

  it('pages organizations with one statement (and one count after a cursor), whatever the filter', async () => {
    const filter = `{ nameContains: $name, kinds: [GRASSROOTS_CHAMBER], region: "330400", active: true, ratingAtLeast: A3,
      honourLevel: MUNICIPAL, honourYear: 2025, hasRelationship: SUPERVISES, asOf: "2026-06-01" }`;
    const page = `query ($name: String!, $after: String) { organizations(first: 5, after: $after, filter: ${filter}) {
      totalCount edges { node { id } } pageInfo { endCursor } } }`;
    // A first page counts every match in its own statement (count(*) over ()).
    const first = await statementsFor(page, { name: `${prefix}-01` });
    expect(first.data.organizations.totalCount).toBe(10); // 010 ... 019
    expect(first.statements).toHaveLength(1);
    // After a cursor the page holds fewer rows than match: the total is a count of its own.
    const next = await statementsFor(page, {
      name: `${prefix}-01`,
      after: first.data.organizations.pageInfo.endCursor,
    });
    expect(next.data.organizations.totalCount).toBe(10);
    expect(next.data.organizations.edges).toHaveLength(5);
    expect(next.statements).toHaveLength(2);
  });

  it('searches names with ILIKE on name, which the trigram index serves', async () => {
    const { statements } = await statementsFor(
      'query ($name: String!) { organizations(first: 5, filter: { nameContains: $name }) { edges { node { id } } } }',
      { name: `${prefix}-01` },
    );
    const page = statements.find((s) => s.startsWith('select "o0".*'))!;
    expect(page).toMatch(/"o0"\."name" ilike '%计数[0-9a-f]{8}-01%'/);
    // With sequential and plain index scans off, the planner can only use a bitmap scan of an
    // index that answers ILIKE '%…%' (or fall back to a disabled seq scan): the trigram index.
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      await client.query('begin; set local enable_seqscan = off; set local enable_indexscan = off');
      const plan = (await client.query(`explain ${page}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('Bitmap Index Scan on organization_name_trgm_idx');
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('pages organizations in pinyin order with one statement, on the pinyin index', async () => {
    const page = `query ($name: String!) { organizations(first: 5, filter: { nameContains: $name },
      orderBy: [{ field: NAME }]) { totalCount edges { node { id } } } }`;
    const { statements } = await statementsFor(page, { name: `${prefix}-01` });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('collate "registry"."pinyin"');
    // The order itself, without the filter, is read from organization_name_pinyin_idx (a
    // first page of the whole list: no sort of every row).
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      await client.query('begin; set local enable_seqscan = off');
      const unfiltered = statements[0].replace(/ where .* order by /, ' order by ');
      const plan = (await client.query(`explain ${unfiltered}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('Index Scan using organization_name_pinyin_idx');
      expect(plan).not.toMatch(/^\s*->\s*Sort/m);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('answers an aggregate with one statement, whatever the groups and the filter', async () => {
    const organizations = `query ($name: String!) { organizationAggregates(
      filter: { nameContains: $name, or: [{ ratingAtLeast: A3 }, { not: { kinds: [GRASSROOTS_CHAMBER] } }] },
      groupBy: [KIND, REGION, GRADE, HONOUR_LEVEL, YEAR_REGISTERED], asOf: "2026-06-01") { total groups { count } } }`;
    const grouped = await statementsFor(organizations, { name: prefix });
    expect(grouped.data.organizationAggregates.total).toBeGreaterThanOrEqual(100);
    expect(grouped.statements).toHaveLength(1);
    const records = `query ($name: String!) { recordAggregates(record: LOAN, groupBy: [YEAR, KIND, REGION],
      organization: { nameContains: $name }) { total amount { fen } groups { count organization { name } } } }`;
    expect((await statementsFor(records, { name: prefix })).statements).toHaveLength(1);
  });
});
