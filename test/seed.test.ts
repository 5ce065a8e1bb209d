import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { sql } from './support/hub.js';
import { migrate } from '../infra/db/migrate.js';
import { seed, seedOrganizationId, seedToday } from '../infra/seed/run.js';
import { SEED_ORGANIZATIONS } from '../infra/seed/registry-data.js';
import { seedTables } from '../infra/seed/tables.js';
import { organizationViolations } from '../services/registry/rules/organization.js';
import { creditCodeProblem } from '../services/registry/credit-code.js';

// The seed: valid by the registry's own rules, idempotent, fast, and naming what the report names.

/**
 * Every table the seed writes (the registry's, and the training courses) with its row count and
 * a digest of its rows. (Other process tables are workflow projections that change on their own.)
 */
async function tableDigests(query: (text: string) => Promise<any[]>): Promise<Record<string, string>> {
  const tables = await query(`select table_schema || '.' || table_name as name from information_schema.tables
    where (table_schema = 'registry' or (table_schema, table_name) = ('processes', 'training_course')) and table_type = 'BASE TABLE' order by 1`);
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query(
      `select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${name} t`,
    );
    digests[name] = row.digest;
  }
  return digests;
}

describe('the seed', () => {
  it('gives every organization a valid credit code and breaks no registry rule', async () => {
    for (const org of SEED_ORGANIZATIONS) expect(organizationViolations(org), org.key).toEqual([]);
    const rows = await sql<{ id: string; credit_code: string | null; kind: string }>(
      'select id, credit_code, kind from registry.organization where id = any($1)',
      [SEED_ORGANIZATIONS.map((o) => seedOrganizationId(o.key))],
    );
    expect(rows).toHaveLength(SEED_ORGANIZATIONS.length);
    for (const row of rows) {
      // Only mediation committees, which are not legal entities, have no code.
      if (row.kind === 'MEDIATION_COMMITTEE') expect(row.credit_code).toBeNull();
      else expect(creditCodeProblem(row.credit_code ?? ''), row.id).toBeUndefined();
    }
  });

  it('changes nothing when it runs a second time', async () => {
    const before = await tableDigests((text) => sql(text));
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(await seed(inject('databaseUrl'))).toEqual({ inserted: 0 });
    expect(await tableDigests((text) => sql(text))).toEqual(before);
  });

  it('fills an empty database, and a second run there inserts nothing', async () => {
    const main = new URL(inject('databaseUrl'));
    const name = `${main.pathname.slice(1)}_seed`;
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(main), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    const url = Object.assign(new URL(main), { pathname: `/${name}` }).toString();
    try {
      await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
      await migrate(url);
      const { inserted } = await seed(url);
      // Every row of every table batch, and the training course.
      expect(inserted).toBe(seedTables(seedToday()).reduce((sum, table) => sum + table.rows.length, 0) + 1);
      expect(await seed(url)).toEqual({ inserted: 0 });
    } finally {
      // Left for the next run to drop: dropping with force here can kill pool connections
      // that are still closing.
      await admin.end();
    }
  });

  it("holds the report's people and edges", async () => {
    const edges = (type: string, from: string) =>
      sql<{ to: string }>(
        `select t.name as to from registry.relationship e join registry.organization t on t.id = e.to_id where e.type = $1 and e.from_id = $2 order by t.name`,
        [type, seedOrganizationId(from)],
      );
    // 张建生, 市工商联党委书记, a Federation leader who guides chambers.
    const [zhang] = await sql(
      `select p.id from registry.person p join registry.position r on r.person_id = p.id
      where p.name = '张建生' and r.role = 'FEDERATION_LEADER' and r.organization_id = $1`,
      [seedOrganizationId('federation')],
    );
    expect(zhang).toBeDefined();
    const liaison = await sql(
      `select attributes from registry.relationship where type = 'LIAISON' and attributes ->> 'leaderId' = $1`,
      [zhang.id],
    );
    expect(liaison.length).toBeGreaterThan(0);
    expect(liaison[0].attributes.leaderTitle).toContain('市工商联党委书记');
    // Out-of-town chambers point at their home regions' federations.
    expect(await edges('HOME_REGION', 'wenzhou')).toEqual([{ to: '温州市工商业联合会' }]);
    expect(await edges('HOME_REGION', 'hubei')).toEqual([{ to: '湖北省工商业联合会' }]);
    expect(await edges('HOME_REGION', 'henan')).toEqual([{ to: '河南省工商业联合会' }]);
    expect(await edges('FOUNDED', 'wenzhou')).toContainEqual({ to: '嘉兴市温商慈善基金会' });
    // Eight branches of 嘉兴银行, each paired with an association.
    const branches = await sql(
      `select count(*)::int as n from registry.relationship e join registry.relationship p on p.to_id = e.from_id and p.type = 'BANK_PAIRING'
      where e.type = 'BRANCH_OF' and e.to_id = $1`,
      [seedOrganizationId('bank')],
    );
    expect(branches[0].n).toBe(8);
    // The six colleges, each in a partnership with an association.
    const colleges = await sql(
      `select distinct c.name from registry.relationship e join registry.organization c on c.id = e.to_id
      where e.type = 'COLLEGE_PARTNERSHIP' and e.from_id = any($1) order by 1`,
      [SEED_ORGANIZATIONS.map((o) => seedOrganizationId(o.key))],
    );
    expect(colleges.map((c) => c.name)).toEqual(
      [
        '嘉兴南洋职业技术学院',
        '嘉兴学院',
        '嘉兴技师学院',
        '嘉兴职业技术学院',
        '平湖高级技工学校',
        '海宁技师学院',
      ].sort(),
    );
    // Every chamber has legal counsel; the 71 villages are in Lishui.
    const withoutCounsel = await sql(
      `select o.name from registry.organization o where o.id = any($1)
      and o.kind in ('INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER')
      and not exists (select 1 from registry.position p where p.organization_id = o.id and p.role = 'LEGAL_COUNSEL')`,
      [SEED_ORGANIZATIONS.map((o) => seedOrganizationId(o.key))],
    );
    expect(withoutCounsel).toEqual([]);
    expect(SEED_ORGANIZATIONS.filter((o) => o.kind === 'VILLAGE' && o.regionCode === '331100')).toHaveLength(71);
  });
});
