import { beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { codeOf, gql, orgId, sql, token } from './support/hub.js';
import { fieldName } from '../services/registry/changes/feed.js';

// The change feed through the gateway: every committed change, in commit order, with a cursor
// that never skips one, also when a transaction that began earlier commits later; parallel
// writers (through the API and straight into PostgreSQL, holding their transactions open for a
// while) and a consumer reading meanwhile must end with the registry's own state.

const run = crypto.randomUUID().slice(0, 6);
const FEED = `query($after: String, $first: Int!, $types: [String!]) { registryChanges(after: $after, first: $first, types: $types) {
  pageInfo { hasNextPage endCursor }
  edges { cursor node { entityType entityId operation version changedFields values asOf actor committedAt } } } }`;
let reader: string;
let officer: string;
let admin: string;

interface Change {
  entityType: string;
  entityId: string;
  operation: string;
  version: number | null;
  changedFields: string[];
  values: Record<string, unknown> | null;
  asOf: Record<string, unknown> | null;
  actor: string;
}

/** Every change after `after` until the end of the feed, and the cursor to go on from. */
async function drain(after: string | null, types?: string[]): Promise<{ changes: Change[]; cursor: string | null }> {
  const changes: Change[] = [];
  for (;;) {
    const r = await gql(FEED, { after, first: 1000, types }, reader);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const page = r.data.registryChanges;
    changes.push(...page.edges.map((e: { node: Change }) => e.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { changes, cursor: after };
  }
}

/** A consumer's copy: each record's fields as the feed last gave them. */
function apply(copy: Map<string, Record<string, unknown>>, changes: Change[]) {
  for (const c of changes) {
    const key = `${c.entityType}:${c.entityId}`;
    if (c.operation === 'DELETE') copy.delete(key);
    else copy.set(key, { ...(c.operation === 'CREATE' ? {} : copy.get(key)), ...c.values });
  }
}

const TABLES: Record<string, string> = {
  Organization: 'organization',
  AnnualInspection: 'annual_inspection',
  AdministrativePenalty: 'administrative_penalty',
};

/** The registry's own rows, in the feed's shape (field names, no idempotency key). */
async function registryRow(type: string, id: string) {
  const [row] = await sql(`select to_jsonb(t) - 'idempotency_key' as r from registry.${TABLES[type]} t where id = $1`, [
    id,
  ]);
  return Object.fromEntries(Object.entries(row.r as object).map(([k, v]) => [fieldName(k), v]));
}

async function mutate(query: string, variables: Record<string, unknown>, as = officer) {
  const r = await gql(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data as Record<string, { id: string; version: number }>)[0];
}

const newAssociation = (name: string) =>
  mutate(
    'mutation($input: NewOrganization!) { createOrganization(input: $input) { id version } }',
    { input: { name, kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400', registeredOn: '2010-01-01' } },
    admin,
  );

beforeAll(async () => {
  reader = await token(['INTEGRATOR'], [], 'bank-sync');
  officer = await token(['FEDERATION_OFFICER'], [], 'officer-li');
  admin = await token(['ADMIN'], [], 'admin-clerk');
});

describe('the change feed', () => {
  it('starts with the seed, by whom, and tells each later change with its fields, version and dates', async () => {
    const seeded = await drain(null, ['ListEntry']);
    expect(seeded.changes.filter((c) => c.actor === 'seed').length).toBeGreaterThanOrEqual(3);
    const { cursor } = await drain(null);
    const org = await newAssociation(`测试${run}同步协会`);
    const inspection = await mutate(
      'mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input) { id version } }',
      { input: { organizationId: org.id, year: 2024, result: 'BASIC_PASS' } },
    );
    await mutate(
      'mutation($id: ID!) { correctAnnualInspection(id: $id, version: 1, result: PASS, reason: "复核更正") { id version } }',
      { id: inspection.id },
    );
    const { changes } = await drain(cursor);
    const mine = changes.filter((c) => [org.id, inspection.id].includes(c.entityId));
    expect(mine.map((c) => [c.entityType, c.operation, c.actor])).toEqual([
      ['Organization', 'CREATE', 'admin-clerk'],
      ['AnnualInspection', 'CREATE', 'officer-li'],
      ['AnnualInspection', 'UPDATE', 'officer-li'],
    ]);
    expect(mine[0].asOf).toEqual({ registeredOn: '2010-01-01', endedOn: null });
    expect(mine[1]).toMatchObject({
      version: 1,
      asOf: { year: 2024 },
      values: { organizationId: org.id, year: 2024, result: 'BASIC_PASS', version: 1 },
    });
    expect(mine[1].changedFields).toEqual(expect.arrayContaining(['organizationId', 'year', 'result', 'version']));
    expect(mine[2]).toMatchObject({ version: 2, changedFields: ['result', 'version'] });
    // Only the types asked for.
    const typed = await drain(cursor, ['AnnualInspection']);
    expect(new Set(typed.changes.map((c) => c.entityType))).toEqual(new Set(['AnnualInspection']));
  });

  it('tells each row a statement of many rows changed, in its order, and nothing of a row it left as it was', async () => {
    const a = await newAssociation(`测试${run}多行甲`);
    const b = await newAssociation(`测试${run}多行乙`);
    const { cursor } = await drain(null);
    // One statement over both rows: only a's changes (the triggers run once a statement).
    await sql(
      `update registry.organization set short_name = case when id = $1 then '多行' else short_name end where id = any($2)`,
      [a.id, [a.id, b.id]],
    );
    await sql('delete from registry.organization where id = $1', [b.id]);
    const mine = (await drain(cursor)).changes.filter((c) => [a.id, b.id].includes(c.entityId));
    expect(mine).toEqual([
      expect.objectContaining({ entityId: a.id, operation: 'UPDATE', version: 1, changedFields: ['shortName'] }),
      expect.objectContaining({
        entityId: b.id,
        operation: 'DELETE',
        version: 1,
        changedFields: [],
        values: null,
        asOf: { registeredOn: '2010-01-01', endedOn: null },
      }),
    ]);
    expect(mine[0].values).toEqual(await registryRow('Organization', a.id));
  });

  it('never skips a change of a transaction that began earlier and committed later', async () => {
    const org = await newAssociation(`测试${run}慢事务协会`);
    const { cursor: start } = await drain(null);
    const slow = new pg.Client({ connectionString: inject('databaseUrl') });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(`select set_config('hub.actor', 'slow-writer', true)`);
      // Its change row is written now, with a smaller id than anything committed below.
      await slow.query(`update registry.organization set short_name = '慢' where id = $1`, [org.id]);
      const quick = await mutate(
        'mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input) { id version } }',
        { input: { organizationId: (await newAssociation(`测试${run}快事务协会`)).id, year: 2020, result: 'PASS' } },
      );
      const ours = (changes: Change[]) =>
        changes.filter((c) => [org.id, quick.id].includes(c.entityId)).map((c) => [c.entityId, c.actor]);
      const first = await drain(start);
      expect(ours(first.changes)).toEqual([[quick.id, 'officer-li']]);
      await slow.query('commit');
      const second = await drain(first.cursor);
      expect(ours(second.changes)).toEqual([[org.id, 'slow-writer']]);
      expect(second.changes.find((c) => c.entityId === org.id)!.changedFields).toEqual(['shortName']);
    } finally {
      await slow.end();
    }
  });

  it('brings a consumer reading during parallel writes to the same state as the registry', async () => {
    const { cursor: start } = await drain(null);
    const orgs = await Promise.all([0, 1, 2, 3].map((n) => newAssociation(`测试${run}并发协会${n}`)));
    const copy = new Map<string, Record<string, unknown>>();
    let writing = true;
    const consumer = (async () => {
      let cursor = start;
      while (writing) {
        const r = await gql(FEED, { after: cursor, first: 7 }, reader);
        apply(
          copy,
          r.data.registryChanges.edges.map((e: { node: Change }) => e.node),
        );
        cursor = r.data.registryChanges.pageInfo.endCursor;
      }
      return cursor;
    })();
    // Through the API: each officer records and corrects inspections of one organisation.
    const apiWriters = orgs.map(async (org, n) => {
      for (let year = 2015; year < 2024; year++) {
        const made = await mutate(
          'mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input) { id version } }',
          { input: { organizationId: org.id, year, result: 'BASIC_PASS' } },
          await token(['FEDERATION_OFFICER'], [], `officer-${n}`),
        );
        await mutate(
          'mutation($id: ID!, $v: Int!) { correctAnnualInspection(id: $id, version: $v, result: PASS, reason: "更正") { id version } }',
          { id: made.id, v: made.version },
        );
      }
    });
    // Straight into PostgreSQL: transactions that stay open a while, so commits overtake each other.
    const sqlWriters = orgs.map(async (org, n) => {
      const client = new pg.Client({ connectionString: inject('databaseUrl') });
      await client.connect();
      try {
        for (let i = 0; i < 12; i++) {
          await client.query('begin');
          await client.query(`update registry.organization set short_name = $2, version = version + 1 where id = $1`, [
            org.id,
            `并发${n}-${i}`,
          ]);
          await new Promise((done) => setTimeout(done, Math.random() * 40));
          await client.query('commit');
        }
      } finally {
        await client.end();
      }
    });
    await Promise.all([...apiWriters, ...sqlWriters]);
    writing = false;
    apply(copy, (await drain(await consumer)).changes);

    const touched = [...copy.keys()].filter((key) => Object.keys(TABLES).includes(key.split(':')[0]));
    expect(touched.filter((key) => key.startsWith('AnnualInspection:'))).toHaveLength(4 * 9);
    for (const key of touched) {
      const [type, id] = key.split(':') as [string, string];
      expect(copy.get(key), key).toEqual(await registryRow(type, id));
    }
    for (const org of orgs) expect(copy.get(`Organization:${org.id}`)!.shortName).toMatch(/^并发\d-11$/);
  });

  it('refuses a cursor it did not give, unknown types, page sizes out of range, and callers without the role', async () => {
    const field = async (variables: Record<string, unknown>) => {
      const r = await gql(FEED, { first: 10, ...variables }, reader);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      return r.errors![0].extensions!.field;
    };
    expect(await field({ after: 'bm90LWEtY3Vyc29y' })).toBe('after');
    expect(await field({ types: ['Organisation'] })).toBe('types');
    expect(codeOf(await gql(FEED, { first: 1001 }, reader))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(FEED, { first: 10 }, await token(['APPROVER'], [orgId('wenzhou')])))).toBe('FORBIDDEN');
  });

  it('is written by every registry table (a new table without its trigger fails here)', async () => {
    const untracked = await sql(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'registry' and c.relkind = 'r'
        and c.relname not in ('audit_entry', 'change', 'change_commit', 'jurisdiction', 'import_batch', 'integrator_client', 'integrator_secret', 'integrator_usage', 'mikro_orm_migrations')
        -- a record table: its three statement triggers; a many-to-many table: its row trigger
        and (select count(*) from pg_trigger t where t.tgrelid = c.oid
          and t.tgname in (c.relname || '_change_insert', c.relname || '_change_update', c.relname || '_change_delete')) <> 3
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_change')`);
    expect(untracked).toEqual([]);
  });
});
