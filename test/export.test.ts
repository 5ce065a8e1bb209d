import { beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gql, orgId, token, type GraphQLResponse } from './support/hub.js';
import { parse } from 'csv-parse/sync';

// Exports through the gateway: a filtered organisation list, a record list of several pages and
// the statistics report, as CSV (UTF-8 with a BOM, Chinese headers) and XLSX, each read back
// and compared with the GraphQL answer; bad parameters and missing roles are JSON refusals.

let reader: string;

type Table = string[][];

async function download(path: string, as = reader): Promise<Response> {
  return fetch(new URL(path, inject('gatewayUrl')), { headers: as ? { authorization: `Bearer ${as}` } : {} });
}

/** RFC 4180 (quoted cells may hold commas, quotes and line breaks), read by csv-parse. */
const parseCsv = (text: string): Table => {
  const rows: Table = parse(text, { bom: false, relax_column_count: true });
  return rows;
};

async function csv(path: string): Promise<Table> {
  const response = await download(path);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
  return parseCsv(new TextDecoder().decode(bytes.slice(3)));
}

async function xlsx(path: string): Promise<Table> {
  const response = await download(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="\w+\.xlsx"; filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const rows: Table = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    // row.values is 1-based and sparse: an empty cell is a hole.
    rows.push(
      Array.from((row.values as unknown[]).slice(1), (v) =>
        v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number),
      ),
    );
  });
  return rows.map((r) => [...r, ...Array(rows[0].length - r.length).fill('')]);
}

/** Every node of a connection query, page by page through the gateway. */
async function all(query: string, field: string, variables: Record<string, unknown> = {}): Promise<any[]> {
  const nodes: any[] = [];
  for (let after: string | null = null, more = true; more;) {
    const r: GraphQLResponse = await gql(query, { ...variables, after }, reader);
    expect(r.errors).toBeUndefined();
    nodes.push(...r.data[field].edges.map((e: { node: unknown }) => e.node));
    ({ hasNextPage: more, endCursor: after } = r.data[field].pageInfo);
  }
  return nodes;
}

const column = (table: Table, header: string) => table.slice(1).map((row) => row[table[0].indexOf(header)]);

beforeAll(async () => {
  reader = await token(['INTEGRATOR'], [], 'statistics-bureau');
});

describe('exports through the gateway', () => {
  it("give an organisations filter's answer as CSV and XLSX, as GraphQL gives it", async () => {
    const filter = { kinds: ['OUT_OF_TOWN_CHAMBER', 'FOUNDATION'], region: '330400' };
    const expected = await all(
      `query($filter: OrganizationFilter, $after: String) { organizations(filter: $filter, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id name creditCode registeredOn currentRating(asOf: "2019-12-31") { grade } } } } }`,
      'organizations',
      { filter: { ...filter, asOf: '2019-12-31' } },
    );
    expect(expected.length).toBeGreaterThan(5);
    const path = (format: string) =>
      `/export/organizations.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}&asOf=2019-12-31`;
    for (const table of [await csv(path('csv')), await xlsx(path('xlsx'))]) {
      expect(table[0]).toEqual([
        '名称',
        '简称',
        '英文名称',
        '类型',
        '统一社会信用代码',
        '地区代码',
        '地区',
        '籍贯地区代码',
        '登记日期',
        '注销日期',
        '现有等级',
        '编号',
      ]);
      expect(column(table, '编号')).toEqual(expected.map((o) => o.id));
      expect(column(table, '名称')).toEqual(expected.map((o) => o.name));
      expect(column(table, '统一社会信用代码')).toEqual(expected.map((o) => o.creditCode ?? ''));
      expect(column(table, '登记日期')).toEqual(expected.map((o) => o.registeredOn ?? ''));
      expect(column(table, '现有等级')).toEqual(
        expected.map((o) => (o.currentRating ? `${o.currentRating.grade.slice(1)}A` : '')),
      );
      expect(new Set(column(table, '类型'))).toEqual(new Set(['异地商会', '基金会']));
      expect(table[1 + expected.findIndex((o) => o.id === orgId('wenzhou'))]).toContain('嘉兴市温州商会');
    }
  });

  it('give a record list of several pages, with its filter, in the order of the query', async () => {
    const expected = await all(
      `query($after: String) { annualInspections(result: PASS, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id year organization { name creditCode } } } } }`,
      'annualInspections',
    );
    expect(expected.length).toBeGreaterThan(250); // three pages and more
    const path = (format: string) =>
      `/export/annualInspections.${format}?filter=${encodeURIComponent('{"result":"PASS"}')}`;
    for (const table of [await csv(path('csv')), await xlsx(path('xlsx'))]) {
      expect(table[0]).toEqual(['组织名称', '统一社会信用代码', '年度', '年检结论', '编号']);
      expect(column(table, '编号')).toEqual(expected.map((i) => i.id));
      expect(column(table, '年度')).toEqual(expected.map((i) => String(i.year)));
      expect(column(table, '组织名称')).toEqual(expected.map((i) => i.organization.name));
      expect(new Set(column(table, '年检结论'))).toEqual(new Set(['合格']));
    }
  });

  it('give the statistics report as of a day, as the statistics query gives it', async () => {
    const r = await gql(
      `{ statistics(asOf: "2019-12-31") { year fourGoodChambers { total } ratings { atLeast3A }
        redLaunchLoans { count total { fen formatted } } liaisonVisits mediation { legalCounselCoverage } } }`,
      {},
      reader,
    );
    const s = r.data.statistics;
    for (const table of [
      await csv('/export/statistics.csv?asOf=2019-12-31'),
      await xlsx('/export/statistics.xlsx?asOf=2019-12-31'),
    ]) {
      expect(table[0]).toEqual(['分类', '项目', '数值', '说明']);
      const value = (section: string, item: string) => table.find((row) => row[0] === section && row[1] === item);
      expect(value('报表', '截至日期')?.[2]).toBe('2019-12-31');
      expect(value('四好商会', '合计')?.[2]).toBe(String(s.fourGoodChambers.total));
      expect(value('社会组织评估等级（市级）', '3A 及以上')?.[2]).toBe(String(s.ratings.atLeast3A));
      expect(value('金融服务', '红色启航贷笔数')?.[2]).toBe(String(s.redLaunchLoans.count));
      expect(value('金融服务', '红色启航贷金额（分）')?.slice(2)).toEqual([
        String(s.redLaunchLoans.total.fen),
        s.redLaunchLoans.total.formatted,
      ]);
      expect(value('联挂指导', '走访次数')?.[2]).toBe(String(s.liaisonVisits));
      expect(Number(value('法律服务', '法律顾问覆盖率')?.[2])).toBeCloseTo(s.mediation.legalCounselCoverage);
    }
  });

  it('refuse bad parameters and callers without the query’s role with a JSON error, never a file', async () => {
    const refused = async (path: string, status: number, code: string, field?: string, as = reader) => {
      const response = await download(path, as);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    };
    await refused('/export/organizations.csv?filter=%7Bnot-json', 400, 'BAD_USER_INPUT', 'filter');
    await refused('/export/organizations.csv?filter=%5B1%5D', 400, 'BAD_USER_INPUT', 'filter');
    await refused(
      `/export/organizations.xlsx?filter=${encodeURIComponent('{"kind":"CLUB"}')}`,
      400,
      'BAD_USER_INPUT',
      'filter.kind',
    );
    await refused(
      `/export/organizations.csv?filter=${encodeURIComponent('{"region":"999999"}')}`,
      400,
      'BAD_USER_INPUT',
      'filter.region',
    );
    await refused('/export/organizations.csv?asOf=2019-02-30', 400, 'BAD_USER_INPUT', 'filter.asOf');
    await refused(
      `/export/loans.csv?filter=${encodeURIComponent('{"colour":"red"}')}`,
      400,
      'BAD_USER_INPUT',
      'filter.colour',
    );
    await refused(
      `/export/loans.csv?filter=${encodeURIComponent('{"from":"soon"}')}`,
      400,
      'BAD_USER_INPUT',
      'filter.from',
    );
    await refused('/export/loans.csv?asOf=2019-12-31', 400, 'BAD_USER_INPUT', 'asOf');
    await refused('/export/statistics.csv?asOf=yesterday', 400, 'BAD_USER_INPUT', 'asOf');
    await refused('/export/organizations.csv?sort=name', 400, 'BAD_USER_INPUT', 'sort');
    await refused('/export/secrets.csv', 404, 'NOT_FOUND');
    await refused('/export/organizations.csv', 401, 'UNAUTHENTICATED', undefined, '');
    await refused('/export/organizations.csv', 401, 'UNAUTHENTICATED', undefined, 'not-a-token');
    // The same roles as the queries: statistics for integrators, approvers and admins; the audit trail for admins and officers.
    await refused('/export/statistics.csv', 403, 'FORBIDDEN', undefined, await token(['FEDERATION_OFFICER']));
    await refused('/export/auditTrail.csv', 403, 'FORBIDDEN');
    expect((await download('/export/auditTrail.csv', await token(['FEDERATION_OFFICER']))).status).toBe(200);
  });
});
