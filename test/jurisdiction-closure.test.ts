import { describe, expect, it, inject } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

// The closure table registry.jurisdiction, kept by triggers, must say what a recursive CTE over
// the supervision edges says, on every day, after any sequence of edge and organization changes.
// Each run works on organizations of its own, in a transaction that is rolled back.

const DAYS = ['2019-01-01', '2019-06-30', '2020-01-01', '2020-07-15', '2021-03-01', '2022-12-31'];
const NODES = 7;

/** The reference: who each of the run's Federations reaches through edges in effect on the day. */
const REACHED_BY_CTE = `
  with recursive edge (parent, child) as (
    select from_id, to_id from registry.relationship
      where type in ('SUPERVISES', 'FOUNDED') and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)
    union all
    select to_id, from_id from registry.relationship
      where type = 'MEMBER_OF' and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)),
  reach (federation_id, organization_id) as (
    select id, id from registry.organization where id = any($1::uuid[]) and kind = 'FEDERATION'
    union
    select r.federation_id, e.child from reach r join edge e on e.parent = r.organization_id)
  select federation_id || '>' || organization_id as pair from reach order by 1`;

const REACHED_BY_CLOSURE = `
  select distinct federation_id || '>' || organization_id as pair from registry.jurisdiction
  where federation_id = any($1::uuid[]) and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)
  order by 1`;

const OVERLAPPING_ROWS = `
  select a.federation_id, a.organization_id, a.valid_from, a.valid_to, b.valid_from as next_from
  from registry.jurisdiction a join registry.jurisdiction b
    on b.federation_id = a.federation_id and b.organization_id = a.organization_id and b.valid_from > a.valid_from
  where a.federation_id = any($1::uuid[]) and (a.valid_to is null or a.valid_to + 1 >= b.valid_from)`;

type Change =
  | {
      op: 'add';
      type: 'SUPERVISES' | 'FOUNDED' | 'MEMBER_OF' | 'LIAISON';
      from: number;
      to: number;
      start: number;
      length: number;
    }
  | { op: 'end'; edge: number; day: number }
  | { op: 'move'; edge: number; to: number }
  | { op: 'remove'; edge: number }
  | { op: 'kind'; node: number; federation: boolean };

const change: fc.Arbitrary<Change> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      type: fc.constantFrom('SUPERVISES' as const, 'FOUNDED' as const, 'MEMBER_OF' as const, 'LIAISON' as const),
      from: fc.nat(NODES - 1),
      to: fc.nat(NODES - 1),
      start: fc.nat(DAYS.length - 1),
      length: fc.nat(DAYS.length), // DAYS.length: open-ended
    }),
    weight: 5,
  },
  fc.record({ op: fc.constant('end' as const), edge: fc.nat(50), day: fc.nat(DAYS.length - 1) }),
  fc.record({ op: fc.constant('move' as const), edge: fc.nat(50), to: fc.nat(NODES - 1) }),
  fc.record({ op: fc.constant('remove' as const), edge: fc.nat(50) }),
  fc.record({ op: fc.constant('kind' as const), node: fc.nat(NODES - 1), federation: fc.boolean() }),
);

describe('the jurisdiction closure table', () => {
  it('equals a recursive CTE over the edges on every day, whatever edges are added, ended, moved or removed', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.boolean(), { minLength: NODES, maxLength: NODES }),
          fc.array(change, { minLength: 1, maxLength: 25 }),
          async (federations, changes) => {
            await client.query('begin');
            try {
              const nodes = federations.map(() => randomUUID());
              await client.query(
                `insert into registry.organization (id, name, kind, region_code, created_at)
                 select id, 'jurisdiction-property ' || id, case when f then 'FEDERATION' else 'GRASSROOTS_CHAMBER' end, '330400', now()
                 from unnest($1::uuid[], $2::boolean[]) as n(id, f)`,
                [nodes, federations],
              );
              const edges: string[] = [];
              const check = async () => {
                for (const day of DAYS) {
                  const [expected, actual] = await Promise.all([
                    client.query(REACHED_BY_CTE, [nodes, day]),
                    client.query(REACHED_BY_CLOSURE, [nodes, day]),
                  ]);
                  expect(
                    actual.rows.map((r) => r.pair),
                    `on ${day}`,
                  ).toEqual(expected.rows.map((r) => r.pair));
                }
                // One row per span: no two rows of a pair overlap or touch (valid_to is inclusive).
                const { rows: touching } = await client.query(OVERLAPPING_ROWS, [nodes]);
                expect(touching).toEqual([]);
              };
              for (const c of changes) {
                const edge = edges.length ? edges[('edge' in c ? c.edge : 0) % edges.length] : undefined;
                if (c.op === 'add') {
                  const id = randomUUID();
                  const end = c.start + c.length < DAYS.length ? DAYS[c.start + c.length] : null;
                  await client.query(
                    `insert into registry.relationship (id, type, from_id, to_id, valid_from, valid_to, attributes) values ($1, $2, $3, $4, $5, $6, '{}')`,
                    [id, c.type, nodes[c.from], nodes[c.to], DAYS[c.start], end],
                  );
                  edges.push(id);
                } else if (c.op === 'end' && edge) {
                  await client.query(
                    `update registry.relationship set valid_to = greatest(valid_from, $2::date) where id = $1`,
                    [edge, DAYS[c.day]],
                  );
                } else if (c.op === 'move' && edge) {
                  await client.query(`update registry.relationship set to_id = $2 where id = $1`, [edge, nodes[c.to]]);
                } else if (c.op === 'remove' && edge) {
                  await client.query(`delete from registry.relationship where id = $1`, [edge]);
                  edges.splice(edges.indexOf(edge), 1);
                } else if (c.op === 'kind') {
                  await client.query(`update registry.organization set kind = $2 where id = $1`, [
                    nodes[c.node],
                    c.federation ? 'FEDERATION' : 'GRASSROOTS_CHAMBER',
                  ]);
                }
              }
              await check();
            } finally {
              await client.query('rollback');
            }
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await client.end();
    }
  });

  it("holds the seed's province: the province reaches Jiaxing's chambers, a county only its own", async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ federation: string; reached: number }>(
        `select o.name as federation, count(distinct j.organization_id)::int as reached
         from registry.jurisdiction j join registry.organization o on o.id = j.federation_id
         where j.valid_from <= '2019-12-31' and (j.valid_to is null or j.valid_to >= '2019-12-31')
         group by o.name`,
      );
      const reached = Object.fromEntries(rows.map((r) => [r.federation, r.reached]));
      // The province: itself, Huzhou and Wuxing, and all that Jiaxing reaches.
      expect(reached['浙江省工商业联合会']).toBe(reached['嘉兴市工商业联合会'] + 3);
      expect(reached['湖州市工商业联合会']).toBe(2);
      expect(reached['湖州市吴兴区工商业联合会']).toBe(1);
      expect(reached['海宁市工商业联合会']).toBeGreaterThan(1);
      expect(reached['海宁市工商业联合会']).toBeLessThan(reached['嘉兴市工商业联合会']);
    } finally {
      await client.end();
    }
  });
});
