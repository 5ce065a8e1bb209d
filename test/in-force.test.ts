import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import {
  activeSql,
  inEffect,
  inEffectSql,
  notRevoked,
  notRevokedSql,
  ratingInForce,
  ratingInForceSql,
  validUntil,
} from '../services/registry/rules/in-force.js';
import { ISO_DATE_SHAPE, isoDateShapeSql } from '../services/common/dates.js';

// The SQL fragments of services/registry/rules/in-force.ts, run by PostgreSQL on the boundary
// days, must answer what the plain predicates answer (the service filters in SQL and resolves
// loaded records in TypeScript; the benchmark's SQL uses the same fragments). No tables: the
// rows are built from arrays, one statement per predicate.

let db: pg.Pool;
beforeAll(() => {
  db = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
});
afterAll(async () => {
  await db.end();
});

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The day itself and its neighbours: where an off-by-one shows. */
const around = (...days: (string | null | undefined)[]) => [
  ...new Set(days.filter((d): d is string => d != null).flatMap((d) => [addDays(d, -1), d, addDays(d, 1)])),
];

describe('the in-force SQL agrees with the plain predicates', () => {
  it('for ratings: awarded, lapsing on the fifth anniversary, not in force from revokedOn', async () => {
    const cases: { awardedOn: string; revokedOn: string | null; day: string }[] = [];
    for (const awardedOn of ['2020-02-29', '2020-06-01', '2023-12-31']) {
      for (const revokedOn of [null, awardedOn, addDays(awardedOn, 400), validUntil(awardedOn)]) {
        for (const day of around(awardedOn, revokedOn, validUntil(awardedOn)))
          cases.push({ awardedOn, revokedOn, day });
      }
    }
    // The day as a column (as the statistics use it) and as a numbered parameter (as the benchmark does).
    const { rows } = await db.query<{ column: boolean }>(
      `select ${ratingInForceSql('r', 'r.day')} as column
       from unnest($1::date[], $2::date[], $3::date[]) with ordinality r(awarded_on, revoked_on, day, n) order by n`,
      [cases.map((c) => c.awardedOn), cases.map((c) => c.revokedOn), cases.map((c) => c.day)],
    );
    expect(rows.map((row) => row.column)).toEqual(cases.map((c) => ratingInForce(c, c.day)));
    for (const c of cases.filter((_, i) => i % 7 === 0)) {
      const {
        rows: [row],
      } = await db.query(
        `select ${ratingInForceSql('r', '$3::date')} as param
        from (select $1::date as awarded_on, $2::date as revoked_on) r`,
        [c.awardedOn, c.revokedOn, c.day],
      );
      expect(row.param, JSON.stringify(c)).toBe(ratingInForce(c, c.day));
    }
    // The boundaries themselves, so a drift in both twins at once still fails.
    const inForce = (c: { awardedOn: string; revokedOn: string | null; day: string }) => rows[cases.indexOf(c)].column;
    const find = (awardedOn: string, revokedOn: string | null, day: string) =>
      cases.find((c) => c.awardedOn === awardedOn && c.revokedOn === revokedOn && c.day === day)!;
    expect(inForce(find('2020-06-01', null, '2025-05-31'))).toBe(true);
    expect(inForce(find('2020-06-01', null, '2025-06-01'))).toBe(false);
    expect(inForce(find('2020-02-29', null, '2025-02-27'))).toBe(true);
    expect(inForce(find('2020-02-29', null, '2025-02-28'))).toBe(false);
    expect(inForce(find('2020-06-01', '2021-07-06', '2021-07-05'))).toBe(true);
    expect(inForce(find('2020-06-01', '2021-07-06', '2021-07-06'))).toBe(false);
  });

  it('for edges and positions: validTo is the last valid day, null is open', async () => {
    const cases: { validFrom: string; validTo: string | null; day: string }[] = [];
    for (const validFrom of ['2019-06-01', '2024-02-29']) {
      for (const validTo of [null, validFrom, addDays(validFrom, 365)]) {
        for (const day of around(validFrom, validTo)) cases.push({ validFrom, validTo, day });
      }
    }
    const { rows } = await db.query<{ valid: boolean }>(
      `select ${inEffectSql('e', 'e.day')} as valid
       from unnest($1::date[], $2::date[], $3::date[]) with ordinality e(valid_from, valid_to, day, n) order by n`,
      [cases.map((c) => c.validFrom), cases.map((c) => c.validTo), cases.map((c) => c.day)],
    );
    expect(rows.map((row) => row.valid)).toEqual(cases.map((c) => inEffect(c.validFrom, c.validTo, c.day)));
    const last = cases.findIndex((c) => c.validTo === '2020-05-31' && c.day === '2020-05-31');
    expect([rows[last].valid, rows[last + 1].valid]).toEqual([true, false]);
  });

  it('for withdrawn honours and ended organizations: not counted from that day', async () => {
    const cases = around('2021-03-01').flatMap((day) => [
      { on: null, day },
      { on: '2021-03-01', day },
    ]);
    const { rows } = await db.query<{ revoked: boolean; active: boolean }>(
      `select ${notRevokedSql('x', 'x.day')} as revoked, ${activeSql('x', 'x.day')} as active
       from unnest($1::date[], $1::date[], $2::date[]) with ordinality x(revoked_on, ended_on, day, n) order by n`,
      [cases.map((c) => c.on), cases.map((c) => c.day)],
    );
    const expected = cases.map((c) => notRevoked(c.on, c.day));
    expect(rows.map((row) => row.revoked)).toEqual(expected);
    expect(rows.map((row) => row.active)).toEqual(expected);
  });

  it('for the ISO date shape of dates kept in JSON', async () => {
    const values = ['2019-03-01', '2019-02-30', '2019-3-1', '2019/03/01', 'soon', '', '2019-03-01x', '12019-03-01'];
    const { rows } = await db.query<{ shaped: boolean }>(
      `select ${isoDateShapeSql('v.text')} as shaped from unnest($1::text[]) with ordinality v(text, n) order by n`,
      [values],
    );
    expect(rows.map((row) => row.shaped)).toEqual(values.map((v) => ISO_DATE_SHAPE.test(v)));
  });
});
