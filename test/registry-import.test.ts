import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gql, sql, token } from './support/hub.js';
import { until } from './support/until.js';
import { makeCreditCode } from '../services/registry/credit-code.js';
import { todayInChina } from '../services/common/dates.js';

// The bulk registry import (批量导入), the fourth process, through the gateway: an officer
// uploads a file, the workflow checks every row into a preview with Chinese errors, a second
// officer (never the uploader) approves its valid rows, and the registry changes exactly so,
// once: a batch applied again writes nothing. Files that cannot be imported as a whole (a
// formula cell, too large, too many rows) are refused at upload with BAD_USER_INPUT.

const run = crypto.randomUUID().slice(0, 6);
const lastYear = Number(todayInChina().slice(0, 4)) - 1;
let uploader: string;
let reviewer: string;
let admin: string;
let system: string;
let serial = 0;

/** A valid credit code of a social organisation (51…) registered in 南湖区, unique to this run. */
const newCode = () =>
  makeCreditCode(
    '5',
    '1',
    '330402',
    `${run
      .replace(/[^0-9]/g, '7')
      .padEnd(6, '7')
      .slice(0, 6)}${String(serial++).padStart(3, '0')}`.toUpperCase(),
  );

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function createOrganization(creditCode: string, name: string) {
  const r = await gql(
    'mutation($input: NewOrganization!) { createOrganization(input: $input) { id } }',
    { input: { name, kind: 'INDUSTRY_ASSOCIATION', regionCode: '330402', creditCode, registeredOn: '2012-05-01' } },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data.createOrganization.id as string;
}

async function upload(kind: string, fileName: string, content: string | Buffer, as = uploader) {
  return gql(
    'mutation($kind: RegistryImportKind!, $name: String!, $content: String!) { uploadRegistryImportFile(kind: $kind, fileName: $name, contentBase64: $content) { id sha256 size rows format } }',
    { kind, name: fileName, content: base64(content) },
    as,
  );
}

const IMPORT = `query($id: ID!) { registryImport(id: $id) { id workflowId stage decision reviewedBy errorCount
  preview { rows valid invalid created changed unchanged }
  errors(first: 100) { row column value message }
  report { created changed unchanged refused } changes(first: 100) { row outcome entityId changedFields } } }`;

async function startAndPreview(fileId: string) {
  const started = await gql(
    'mutation($id: ID!) { startRegistryImport(fileId: $id) { id workflowId stage } }',
    { id: fileId },
    uploader,
  );
  expect(started.errors).toBeUndefined();
  const id = started.data.startRegistryImport.id as string;
  const previewed = await until(
    () => gql(IMPORT, { id }, reviewer),
    (r) => r.data?.registryImport.stage === 'AWAITING_REVIEW',
    'the preview',
  );
  return previewed.data.registryImport;
}

async function reviewTask(importId: string, as: string) {
  const r = await gql(
    '{ myTasks(processType: REGISTRY_IMPORT, first: 100) { edges { node { id processId kind title form { outcomes } organization { name } } } } }',
    {},
    as,
  );
  expect(r.errors).toBeUndefined();
  return r.data.myTasks.edges
    .map((e: { node: { processId: string } }) => e.node)
    .find((t: { processId: string }) => t.processId === importId);
}

/** The review task, once the workflow has opened it (the stage is recorded a moment before). */
const openReviewTask = (importId: string) =>
  until(
    () => reviewTask(importId, reviewer),
    (t) => t !== undefined,
    'the review task',
  );

beforeAll(async () => {
  uploader = await token(['FEDERATION_OFFICER'], [], `officer-upload-${run}`);
  reviewer = await token(['FEDERATION_OFFICER'], [], `officer-review-${run}`);
  admin = await token(['ADMIN'], [], 'admin-import');
  system = await token(['SYSTEM'], [], 'system:import-test');
});

describe('a bulk import of organisations', () => {
  it('previews errors in Chinese, is reviewed by a second officer only, and applies its valid rows exactly once', async () => {
    const [fresh, renamed, same, badCheck] = [newCode(), newCode(), newCode(), newCode()];
    const renamedId = await createOrganization(renamed, `导入测试${run}旧名`);
    const sameId = await createOrganization(same, `导入测试${run}不变`);
    const wrongCheck = badCheck.slice(0, 17) + (badCheck[17] === '0' ? '1' : '0');
    const csv = [
      '统一社会信用代码,名称,组织类型,行政区划代码,登记日期',
      `${fresh},导入测试${run}新协会,行业协会商会,330402,2015-03-01`,
      `${wrongCheck},导入测试${run}校验位,行业协会商会,330402,`,
      `${newCode()},导入测试${run}区划,行业协会商会,999999,`,
      `${fresh},导入测试${run}重复,行业协会商会,330402,`,
      `${newCode()},"导入测试${run}\u0007控制",行业协会商会,330402,`,
      `${newCode()},导入测试${run}类型,协会,330402,`,
      `${newCode()},导入测试${run}日期,基层商会,330402,2999-01-01`,
      `${renamed},导入测试${run}新名,行业协会商会,330402,2012-05-01`,
      `${same},导入测试${run}不变,行业协会商会,330402,2012-05-01`,
    ].join('\r\n');
    // With a BOM, as Excel in China saves CSV.
    const uploaded = await upload('ORGANIZATIONS', `组织名录-${run}.csv`, `\uFEFF${csv}\r\n`);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data.uploadRegistryImportFile).toMatchObject({ rows: 9, format: 'CSV' });
    expect(uploaded.data.uploadRegistryImportFile.sha256).toMatch(/^[0-9a-f]{64}$/);

    const preview = await startAndPreview(uploaded.data.uploadRegistryImportFile.id);
    expect(preview.preview).toEqual({ rows: 9, valid: 3, invalid: 6, created: 1, changed: 1, unchanged: 1 });
    const byRow = (row: number) => preview.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(3)).toEqual([
      expect.objectContaining({
        column: '统一社会信用代码',
        value: wrongCheck,
        message: expect.stringContaining('校验位错误'),
      }),
    ]);
    expect(byRow(4)).toEqual([
      expect.objectContaining({
        column: '行政区划代码',
        value: '999999',
        message: expect.stringContaining('不是登记库已知的行政区划代码'),
      }),
    ]);
    expect(byRow(5)).toEqual([
      expect.objectContaining({ column: '统一社会信用代码', message: '与第 2 行重复：同一统一社会信用代码只能有一行' }),
    ]);
    expect(byRow(6)).toEqual([
      expect.objectContaining({ column: '名称', message: '“名称”含有控制字符（如换行），请删除' }),
    ]);
    expect(byRow(7)).toEqual([
      expect.objectContaining({ column: '组织类型', value: '协会', message: expect.stringContaining('组织类型应为') }),
    ]);
    expect(byRow(8)).toEqual([
      expect.objectContaining({
        column: '登记日期',
        value: '2999-01-01',
        message: expect.stringContaining('不能晚于今天'),
      }),
    ]);
    expect(preview.errorCount).toBe(6);
    // Nothing is written before the review.
    expect(await sql('select 1 from registry.organization where credit_code = $1', [fresh])).toHaveLength(0);

    // The uploader does not see the review task, and may not decide it.
    const task = await openReviewTask(preview.id);
    expect(await reviewTask(preview.id, uploader)).toBeUndefined();
    // The review concerns the officers' Federation: the inbox shows its name (a task naming no
    // organisation the registry has would fail every inbox that lists it).
    expect(task.organization).toEqual({ name: '嘉兴市工商业联合会' });
    expect(task).toMatchObject({ kind: 'REVIEW_IMPORT', form: { outcomes: ['APPROVE_VALID_ROWS', 'REJECT'] } });
    const decide = (outcome: string, as: string) =>
      gql(
        'mutation($id: ID!, $outcome: Decision!) { decideTask(id: $id, input: { outcome: $outcome }) { task { status decidedBy } process { stage } } }',
        { id: task.id, outcome },
        as,
      );
    const byUploader = await decide('APPROVE_VALID_ROWS', uploader);
    expect(byUploader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A file with errors is applied only for its valid rows, and only when the reviewer says so.
    const wholeFile = await decide('APPROVE', reviewer);
    expect(wholeFile.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const approved = await decide('APPROVE_VALID_ROWS', reviewer);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.decideTask.task).toEqual({ status: 'DONE', decidedBy: `officer-review-${run}` });
    const applied = await until(
      () => gql(IMPORT, { id: preview.id }, uploader),
      (r) => r.data?.registryImport.stage === 'APPLIED',
      'the import applied',
    );
    const done = applied.data.registryImport;
    expect(done).toMatchObject({ decision: 'APPROVE_VALID_ROWS', reviewedBy: `officer-review-${run}` });
    expect(done.report).toEqual({ created: 1, changed: 1, unchanged: 1, refused: 0 });
    expect(done.changes).toEqual([
      { row: 2, outcome: 'CREATED', entityId: expect.any(String), changedFields: [] },
      { row: 9, outcome: 'CHANGED', entityId: renamedId, changedFields: ['name'] },
      { row: 10, outcome: 'UNCHANGED', entityId: sameId, changedFields: [] },
    ]);

    // The registry changed exactly so: one organisation created, one renamed, none of the bad rows.
    const created = await sql(
      'select id, name, kind, region_code, registered_on::text as registered_on, version from registry.organization where credit_code = $1',
      [fresh],
    );
    expect(created).toEqual([
      {
        id: done.changes[0].entityId,
        name: `导入测试${run}新协会`,
        kind: 'INDUSTRY_ASSOCIATION',
        region_code: '330402',
        registered_on: '2015-03-01',
        version: 1,
      },
    ]);
    const named = await sql('select name, version from registry.organization where id = $1', [renamedId]);
    expect(named).toEqual([{ name: `导入测试${run}新名`, version: 2 }]);
    expect(await sql(`select 1 from registry.organization where name like $1`, [`导入测试${run}%控制%`])).toHaveLength(
      0,
    );
    const audits = await sql(
      'select entity_id, action, actor, reason from registry.audit_entry where entity_id = any($1::uuid[]) order by id',
      [[created[0].id, renamedId, sameId]],
    );
    const reason = `批量导入 组织名录-${run}.csv（${preview.id}）`;
    const ours = audits.filter((a) => a.reason === reason);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(
      expect.arrayContaining([
        { entity_id: created[0].id, action: 'CREATE', actor: 'system:processes-worker', reason },
        { entity_id: renamedId, action: 'UPDATE', actor: 'system:processes-worker', reason },
      ]),
    );

    // Applying the first batch again (a retried activity, a second approval) writes nothing. Its
    // key names the batch's rows: the first valid row's index and their count.
    const keys = await sql('select key from registry.import_batch where key like $1', [`${preview.id}:%`]);
    expect(keys).toEqual([{ key: `${preview.id}:0+${preview.preview.valid}` }]);
    const again = await gql(
      `mutation($key: String!, $rows: String!) { importRegistryRows(key: $key, dryRun: false, kind: ORGANIZATIONS, rows: $rows) { replayed outcomes { row outcome } } }`,
      {
        key: keys[0].key,
        rows: JSON.stringify([
          { row: 2, creditCode: fresh, name: '另一个名字', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330402' },
        ]),
      },
      system,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data.importRegistryRows.replayed).toBe(true);
    expect(await sql('select name, version from registry.organization where credit_code = $1', [fresh])).toEqual([
      { name: `导入测试${run}新协会`, version: 1 },
    ]);
    const auditsAfter = await sql(
      'select count(*)::int as n from registry.audit_entry where entity_id = any($1::uuid[])',
      [[created[0].id, renamedId, sameId]],
    );
    expect(auditsAfter[0].n).toBe(audits.length);

    // The same file imported again: by natural key every row is already as it says.
    const second = await upload('ORGANIZATIONS', `组织名录-${run}-again.csv`, csv, uploader);
    const secondPreview = await startAndPreview(second.data.uploadRegistryImportFile.id);
    expect(secondPreview.preview).toMatchObject({ valid: 3, created: 0, changed: 0, unchanged: 3 });
  });

  it('is kept by Federation officers and admins only', async () => {
    const r = await upload('ORGANIZATIONS', 'x.csv', '统一社会信用代码,名称\r\n', await token(['INTEGRATOR']));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const system = await gql(
      'mutation { importRegistryRows(key: "k", dryRun: true, kind: ORGANIZATIONS, rows: "[]") { replayed } }',
      {},
      await token(['FEDERATION_OFFICER']),
    );
    expect(system.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes a batch as one JSON text and refuses one GraphQL would not have coerced, writing nothing', async () => {
    const code = newCode();
    const send = (rows: unknown, kind = 'ORGANIZATIONS') =>
      gql(
        `mutation($rows: String!) { importRegistryRows(key: "${run}-refused", dryRun: false, kind: ${kind}, rows: $rows, reason: "测试") { replayed } }`,
        { rows: typeof rows === 'string' ? rows : JSON.stringify(rows) },
        system,
      );
    const row = {
      row: 2,
      creditCode: code,
      name: `导入测试${run}形状`,
      kind: 'INDUSTRY_ASSOCIATION',
      regionCode: '330402',
    };
    for (const [rows, kind, message] of [
      ['{"row": 2', 'ORGANIZATIONS', 'rows 应为 JSON 数组'],
      [row, 'ORGANIZATIONS', 'rows 应为 JSON 数组'],
      [[{ ...row, kind: 'CHAMBER' }], 'ORGANIZATIONS', 'rows 的第 1 项的 kind 应为FEDERATION、'],
      [[{ ...row, row: 2.5 }], 'ORGANIZATIONS', 'rows 的第 1 项的 row 应为整数'],
      [[row, { ...row, registeredOn: 20150301 }], 'ORGANIZATIONS', 'rows 的第 2 项的 registeredOn 应为字符串或 null'],
      [[{ ...row, year: 2020 }], 'ORGANIZATIONS', '没有的字段 year'],
      [[row], 'INSPECTIONS', 'rows 的第 1 项的 year 应为整数'],
      [Array.from({ length: 2001 }, () => row), 'ORGANIZATIONS', '一批最多 2000 行，此批有 2001 行'],
    ] as const) {
      const r = await send(rows, kind);
      expect(r.errors?.[0].extensions, JSON.stringify(rows).slice(0, 80)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'rows',
      });
      expect(r.errors?.[0].message).toContain(message);
    }
    expect(await sql('select 1 from registry.organization where credit_code = $1', [code])).toHaveLength(0);
    expect(await sql('select 1 from registry.import_batch where key = $1', [`${run}-refused`])).toHaveLength(0);
  });
});

describe('a bulk import of inspection results from XLSX', () => {
  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('年检');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reads the cells as stored, and a rejected import writes nothing', async () => {
    const code = newCode();
    const organizationId = await createOrganization(code, `导入测试${run}年检`);
    const file = await workbook([
      ['统一社会信用代码', '名称', '年度', '年检结果'],
      [code, `导入测试${run}年检`, lastYear, '合格'],
      [code, `导入测试${run}年检`, lastYear - 1, '基本合格'],
      [code, '', lastYear, '不合格'],
      [newCode(), '', lastYear, '合格'],
      [code, '', lastYear - 2, '优秀'],
    ]);
    const uploaded = await upload('INSPECTIONS', `年检-${run}.xlsx`, file);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data.uploadRegistryImportFile).toMatchObject({ rows: 5, format: 'XLSX' });
    const preview = await startAndPreview(uploaded.data.uploadRegistryImportFile.id);
    expect(preview.preview).toEqual({ rows: 5, valid: 2, invalid: 3, created: 2, changed: 0, unchanged: 0 });
    expect(preview.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '统一社会信用代码'],
      [5, '统一社会信用代码'],
      [6, '年检结果'],
    ]);
    expect(preview.errors[0].message).toBe(`与第 2 行重复：同一组织同一年度（${lastYear}）只能有一行`);
    expect(preview.errors[1].message).toContain('登记库中没有统一社会信用代码为');

    const task = await openReviewTask(preview.id);
    const rejected = await gql(
      'mutation($id: ID!) { decideTask(id: $id, input: { outcome: REJECT, values: { reason: "年度有误，请核对" } }) { task { status } } }',
      { id: task.id },
      reviewer,
    );
    expect(rejected.errors).toBeUndefined();
    const ended = await until(
      () =>
        gql('query($id: ID!) { registryImport(id: $id) { stage report { created } } }', { id: preview.id }, reviewer),
      (r) => r.data?.registryImport.stage === 'REJECTED',
      'the import rejected',
    );
    expect(ended.data.registryImport.report).toBeNull();
    expect(
      await sql('select 1 from registry.annual_inspection where organization_id = $1', [organizationId]),
    ).toHaveLength(0);
  });

  it('refuses a formula cell: never evaluated, its cached result not taken', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('年检');
    sheet.addRow(['统一社会信用代码', '名称', '年度', '年检结果']);
    sheet.addRow([newCode(), '', lastYear, '合格']);
    sheet.getCell('D2').value = { formula: 'IF(1,"合格","不合格")', result: '合格' };
    const r = await upload('INSPECTIONS', `公式-${run}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()));
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe(
      '第 2 行 D 列是公式；导入不执行公式，也不采用其缓存结果，请把它改为数值后再上传',
    );
    expect(
      await sql('select 1 from processes.registry_import_file where file_name = $1', [`公式-${run}.xlsx`]),
    ).toHaveLength(0);
  });
});

describe('a bulk import of administrative penalties', () => {
  it('keys a penalty by its authority and document number, checks the order of its days, and applies it', async () => {
    const code = newCode();
    const organizationId = await createOrganization(code, `导入测试${run}处罚`);
    const number = `嘉民罚字〔2024〕${run}号`;
    const csv = [
      '统一社会信用代码,处罚决定日期,处罚机关,处罚决定书文号,处罚种类,处罚内容,执行期限',
      `${code},2024-03-05,嘉兴市民政局,${number},限期停止活动,未按规定开展活动,2024-06-30`,
      `${code},2024-03-05,嘉兴市民政局,${number}-2,警告,未按规定开展活动,2024-01-01`,
      `${code},2024-03-06,嘉兴市民政局,${number},警告,重复,`,
      `${code},2024-03-05,嘉兴市民政局,${number}-3,记过,未按规定开展活动,`,
    ].join('\n');
    const uploaded = await upload('PENALTIES', `处罚-${run}.csv`, csv);
    expect(uploaded.errors).toBeUndefined();
    const preview = await startAndPreview(uploaded.data.uploadRegistryImportFile.id);
    expect(preview.preview).toEqual({ rows: 4, valid: 1, invalid: 3, created: 1, changed: 0, unchanged: 0 });
    expect(
      preview.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [3, '执行期限', '执行期限不能早于处罚决定日期 2024-03-05'],
      [4, '处罚决定书文号', '与第 2 行重复：同一处罚机关的同一文号只能有一行'],
      [5, '处罚种类', expect.stringContaining('处罚种类应为：警告、罚款')],
    ]);
    const task = await openReviewTask(preview.id);
    const approved = await gql(
      'mutation($id: ID!) { decideTask(id: $id, input: { outcome: APPROVE_VALID_ROWS }) { task { status } } }',
      { id: task.id },
      reviewer,
    );
    expect(approved.errors).toBeUndefined();
    await until(
      () => gql('query($id: ID!) { registryImport(id: $id) { stage } }', { id: preview.id }, reviewer),
      (r) => r.data?.registryImport.stage === 'APPLIED',
      'the penalties applied',
    );
    expect(
      await sql(
        'select authority, document_number, kind, decided_on::text as decided_on, served_until::text as served_until from registry.administrative_penalty where organization_id = $1',
        [organizationId],
      ),
    ).toEqual([
      {
        authority: '嘉兴市民政局',
        document_number: number,
        kind: 'SUSPENSION',
        decided_on: '2024-03-05',
        served_until: '2024-06-30',
      },
    ]);
  });
});

describe('a bulk import of list entries (列入 / 移出)', () => {
  it('keys a stay by organisation, list and day listed, removes with a reason, refuses overlaps, and applies once', async () => {
    const code = newCode();
    const organizationId = await createOrganization(code, `导入测试${run}名录`);
    const listed = await gql(
      'mutation($input: NewListEntry!) { recordListEntry(input: $input) { id } }',
      {
        input: {
          organizationId,
          list: 'ABNORMAL_ACTIVITY',
          listedOn: '2023-04-01',
          reason: '未按规定报送年度工作报告',
        },
      },
      admin,
    );
    expect(listed.errors).toBeUndefined();
    const entryId = listed.data.recordListEntry.id as string;
    const csv = [
      '统一社会信用代码,名称,名录,列入日期,列入事由,移出日期,移出事由',
      `${code},,经营异常名录,2023-04-01,未按规定报送年度工作报告,2024-05-01,已补报年度工作报告`,
      `${code},,严重违法失信名单,2024-02-01,弄虚作假骗取登记,,`,
      `${code},,严重违法失信名单,2024-06-01,再次列入,,`,
      `${code},,活动异常名录,2023/4/1,重复,,`,
      `${newCode()},,严重违法失信名单,2024-02-01,无此组织,,`,
      `${code},,严重违法失信名单,2022-03-01,期间颠倒,2022-02-01,移出`,
      `${code},,黑名单,2022-03-01,名录不对,,`,
    ].join('\r\n');
    const uploaded = await upload('LIST_ENTRIES', `名录-${run}.csv`, `\uFEFF${csv}\r\n`);
    expect(uploaded.errors).toBeUndefined();
    const preview = await startAndPreview(uploaded.data.uploadRegistryImportFile.id);
    expect(preview.preview).toEqual({ rows: 7, valid: 2, invalid: 5, created: 1, changed: 1, unchanged: 0 });
    expect(
      preview.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [
        4,
        '列入日期',
        `导入测试${run}名录已于 2024-02-01 列入严重违法失信名单，尚未移出，与这一行的期间重叠；同一名录同时只能有一次列入`,
      ],
      [5, '列入日期', '与第 2 行重复：同一组织同一名录同一列入日期只能有一行'],
      [6, '统一社会信用代码', expect.stringContaining('登记库中没有统一社会信用代码为')],
      [7, '移出日期', '移出日期应晚于列入日期 2022-03-01'],
      [8, '名录', '名录应为：活动异常名录、经营异常名录、严重违法失信名单'],
    ]);
    const task = await openReviewTask(preview.id);
    expect(task.form.outcomes).toEqual(['APPROVE_VALID_ROWS', 'REJECT']);
    const approved = await gql(
      'mutation($id: ID!) { decideTask(id: $id, input: { outcome: APPROVE_VALID_ROWS }) { task { status } } }',
      { id: task.id },
      reviewer,
    );
    expect(approved.errors).toBeUndefined();
    const done = await until(
      () => gql(IMPORT, { id: preview.id }, reviewer),
      (r) => r.data?.registryImport.stage === 'APPLIED',
      'the list entries applied',
    );
    expect(done.data.registryImport.report).toEqual({ created: 1, changed: 1, unchanged: 0, refused: 0 });
    expect(done.data.registryImport.changes).toEqual([
      { row: 2, outcome: 'CHANGED', entityId: entryId, changedFields: ['removedOn', 'removalReason'] },
      { row: 3, outcome: 'CREATED', entityId: expect.any(String), changedFields: [] },
    ]);
    expect(
      await sql(
        `select list, listed_on::text as listed_on, reason, removed_on::text as removed_on, removal_reason, version
         from registry.list_entry where organization_id = $1 order by listed_on`,
        [organizationId],
      ),
    ).toEqual([
      {
        list: 'ABNORMAL_ACTIVITY',
        listed_on: '2023-04-01',
        reason: '未按规定报送年度工作报告',
        removed_on: '2024-05-01',
        removal_reason: '已补报年度工作报告',
        version: 2,
      },
      {
        list: 'SERIOUS_VIOLATION',
        listed_on: '2024-02-01',
        reason: '弄虚作假骗取登记',
        removed_on: null,
        removal_reason: null,
        version: 1,
      },
    ]);
    const reason = `批量导入 名录-${run}.csv（${preview.id}）`;
    const created = done.data.registryImport.changes[1].entityId as string;
    expect(
      await sql('select entity_id, action from registry.audit_entry where reason = $1 order by entity_id', [reason]),
    ).toEqual(
      [
        { entity_id: entryId, action: 'UPDATE' },
        { entity_id: created, action: 'CREATE' },
      ].sort((a, b) => (a.entity_id < b.entity_id ? -1 : 1)),
    );

    // The same rows again: nothing to change, and a row without a removal day keeps the registry's removal.
    const again = await upload(
      'LIST_ENTRIES',
      `名录-${run}-again.csv`,
      [csv.split('\r\n')[0], `${code},,活动异常名录,2023-04-01,未按规定报送年度工作报告,,`].join('\n'),
    );
    const againPreview = await startAndPreview(again.data.uploadRegistryImportFile.id);
    expect(againPreview.preview).toMatchObject({ rows: 1, valid: 1, created: 0, changed: 0, unchanged: 1 });
  });
});

describe('files that cannot be imported', () => {
  it('are refused at upload with a clear error and kept nowhere', async () => {
    const header = '统一社会信用代码,名称,年度,年检结果\r\n';
    const row = `${newCode()},,${lastYear},合格\r\n`;
    const cases: [string, string, string | Buffer, string][] = [
      ['too large', 'big.csv', header + 'x'.repeat(700 * 1024), '文件超过 640 KiB 的上限；请拆成多个文件分别导入'],
      ['too many rows', 'rows.csv', header + row.repeat(10_001), '文件超过 10000 行数据的上限；请拆成多个文件分别导入'],
      [
        'a missing column',
        'cols.csv',
        '统一社会信用代码,名称,年度\r\n' + row,
        '第 1 行（表头）缺少“年检结果”列；应有：统一社会信用代码、名称、年度、年检结果',
      ],
      ['an old or macro format', 'macro.xlsm', header + row, expect.stringContaining('只接受 .csv 或 .xlsx 文件')],
      ['a header only', 'empty.csv', header, '文件只有表头，没有数据行'],
      ['not a workbook', 'broken.xlsx', 'not a zip', expect.stringContaining('XLSX 文件无法读取')],
    ];
    for (const [what, name, content, message] of cases) {
      const r = await upload('INSPECTIONS', `${run}-${name}`, content);
      expect(r.errors?.[0].extensions?.code, what).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message, what).toEqual(message);
    }
    expect(
      await sql('select 1 from processes.registry_import_file where file_name like $1', [`${run}-%`]),
    ).toHaveLength(0);
  });
});
