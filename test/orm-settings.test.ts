import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createRegistryOrm } from '../services/registry/orm.js';

// The sessions the hub opens: PostgreSQL's JIT is off on them (services/common/orm.ts), since
// compiling a short statement cost more than running it.

let orm: MikroORM;

beforeAll(async () => {
  orm = await createRegistryOrm(inject('databaseUrl'), { poolMax: 1 });
});

afterAll(async () => {
  await orm.close();
});

describe("the hub's database sessions", () => {
  it('run without JIT, and a costly plan is still not compiled', async () => {
    const connection = orm.em.getConnection();
    expect(await connection.execute('show jit')).toEqual([{ jit: 'off' }]);
    // A plan far above jit_above_cost (an estimated 250,000), planned but not run: with JIT on,
    // PostgreSQL says it would compile it ("JIT: Functions: 9").
    const plan = await connection.execute<{ 'QUERY PLAN': string }[]>(
      'explain select sum(a * b) from generate_series(1, 2000000) a cross join generate_series(1, 5) b',
    );
    const lines = plan.map((row) => row['QUERY PLAN']);
    expect(lines.join('\n')).toContain('Nested Loop');
    expect(lines.filter((line) => line.startsWith('JIT'))).toEqual([]);
  });
});
