import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execute, parse, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { DefaultLogger, type LogContext } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { registryOrmSpec } from '../services/registry/orm.js';
import { buildRegistrySchema } from '../services/registry/schema.js';
import { createRegistryLoaders } from '../services/registry/loaders.js';
import { honourInForce, honourInForceSql } from '../services/registry/rules/in-force.js';
import type { RegistryContext } from '../services/registry/context.js';
import { organizationsWithRelations } from './support/registry-fixtures.js';

// The evaluation facts cost one statement per field whatever the page's length (as
// test/statement-count.test.ts proves for the older fields), and the honour validity's SQL
// agrees with its TypeScript on the boundary days.

class StatementLog extends DefaultLogger {
  statements: string[] = [];
  override logQuery(context: LogContext): void {
    if ((context.namespace ?? 'query') === 'query' && context.query) this.statements.push(context.query);
  }
}

const prefix = `事实${crypto.randomUUID().slice(0, 8)}`;
let orm: MikroORM;
let log: StatementLog;
let schema: GraphQLSchema;

beforeAll(async () => {
  await organizationsWithRelations(prefix, 100);
  orm = await MikroORM.init({
    clientUrl: inject('databaseUrl'),
    schema: registryOrmSpec.schema,
    entities: registryOrmSpec.entities,
    debug: ['query'],
    loggerFactory: (options) => (log = new StatementLog(options)),
  });
  ({ schema } = await buildRegistrySchema());
});
afterAll(() => orm?.close());

async function statementCount(n: number): Promise<number> {
  const em = orm.em.fork();
  const contextValue: RegistryContext = {
    identity: { subject: 'counter', roles: ['INTEGRATOR'], organizationIds: [] },
    em,
    loaders: createRegistryLoaders(em),
  };
  log.statements = [];
  const result = await execute({
    schema,
    contextValue,
    variableValues: { n, name: prefix },
    document:
      parse(`query ($n: Int!, $name: String!) { organizations(first: $n, filter: { nameContains: $name, kind: GRASSROOTS_CHAMBER }) {
      edges { node { registeredOn annualInspections { year } penalties { decidedOn } listEntries { list } creditRecord { kind }
        rewardGrants { year } honours { validUntil inForce(asOf: "2026-01-01") } } } } }`),
  });
  expect(result.errors).toBeUndefined();
  expect((result.data as any).organizations.edges).toHaveLength(n);
  return log.statements.length;
}

describe('evaluation facts', () => {
  it('load with one statement per field for 1, 10 and 100 organizations', async () => {
    await statementCount(100); // warm the pool
    const counts = [await statementCount(1), await statementCount(10), await statementCount(100)];
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(7); // the page (which counts its matches too) and one per list field
  });

  it('count an honour from its year through validUntil, not from revokedOn, in SQL as in TypeScript', async () => {
    const cases = [];
    for (const validUntil of [null, '2025-12-31']) {
      for (const revokedOn of [null, '2024-06-01']) {
        for (const day of ['2022-12-31', '2023-01-01', '2024-05-31', '2024-06-01', '2025-12-31', '2026-01-01'])
          cases.push({ year: 2023, validUntil, revokedOn, day });
      }
    }
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      const { rows } = await db.query<{ counts: boolean }>(
        `select ${honourInForceSql('h', 'h.day')} as counts
         from unnest($1::int[], $2::date[], $3::date[], $4::date[]) with ordinality h(year, valid_until, revoked_on, day, n) order by n`,
        [
          cases.map((c) => c.year),
          cases.map((c) => c.validUntil),
          cases.map((c) => c.revokedOn),
          cases.map((c) => c.day),
        ],
      );
      expect(rows.map((r) => r.counts)).toEqual(cases.map((c) => honourInForce(c, c.day)));
      expect(honourInForce({ year: 2023, validUntil: '2025-12-31' }, '2026-01-01')).toBe(false);
    } finally {
      await db.end();
    }
  });
});
