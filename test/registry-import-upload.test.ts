import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, sql, token } from './support/hub.js';
import { until } from './support/until.js';
import { makeCreditCode } from '../services/registry/credit-code.js';
import { todayInChina } from '../services/common/dates.js';

// POST /api/v1/imports/files at the gateway: an import file's raw bytes, for files larger than
// the GraphQL mutation's base64 takes (640 KiB). The same people may upload, the same checks
// refuse a file that cannot be imported, and the file it keeps starts an import like any other.
// Past 20 MiB the upload is cut off with 413, whether the client said its size or not.

const run = crypto.randomUUID().slice(0, 6);
const lastYear = Number(todayInChina().slice(0, 4)) - 1;
let officer: string;
let reviewer: string;

const uploadUrl = (query: Record<string, string>) =>
  new URL(`/api/v1/imports/files?${new URLSearchParams(query)}`, inject('gatewayUrl'));

async function post(query: Record<string, string>, body: BodyInit, as: string | null, init: RequestInit = {}) {
  const response = await fetch(uploadUrl(query), {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(as ? { authorization: `Bearer ${as}` } : {}) },
    body,
    ...init,
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  officer = await token(['FEDERATION_OFFICER'], [], `officer-http-upload-${run}`);
  reviewer = await token(['FEDERATION_OFFICER'], [], `officer-http-review-${run}`);
});

describe('uploading an import file over HTTP', () => {
  it('takes a multi-MiB file of more rows than GraphQL allows, and the import starts from it', async () => {
    // 12,000 inspection rows with the (not imported) name filled: some 4 MiB. No organisation
    // has these codes, so the preview refuses every row and the registry is left as it was.
    const filler = '测'.repeat(90);
    const lines = ['统一社会信用代码,名称,年度,年检结果'];
    for (let i = 0; i < 12_000; i++)
      lines.push(
        `${makeCreditCode('5', '1', '330402', `H${run.replace(/[^0-9]/g, '7').slice(0, 3)}${String(i).padStart(5, '0')}`)},${filler}${i},${lastYear},合格`,
      );
    const csv = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(csv.length).toBeGreaterThan(3 * 2 ** 20);
    const fileName = `年检-${run}.csv`;
    const uploaded = await post({ kind: 'INSPECTIONS', fileName }, csv, officer);
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({
      kind: 'INSPECTIONS',
      fileName,
      format: 'CSV',
      size: csv.length,
      rows: 12_000,
    });
    const [kept] = await sql('select sha256, size, uploaded_by from processes.registry_import_file where id = $1', [
      uploaded.json.id,
    ]);
    expect(kept).toEqual({ sha256: uploaded.json.sha256, size: csv.length, uploaded_by: `officer-http-upload-${run}` });

    const started = await gql(
      'mutation($id: ID!) { startRegistryImport(fileId: $id) { id stage } }',
      { id: uploaded.json.id },
      officer,
    );
    expect(started.errors).toBeUndefined();
    const previewed = await until(
      () =>
        gql(
          'query($id: ID!) { registryImport(id: $id) { stage preview { rows valid invalid } errors(first: 1) { row message } } }',
          { id: started.data.startRegistryImport.id },
          reviewer,
        ),
      (r) => r.data?.registryImport.stage === 'AWAITING_REVIEW',
      'the preview of the uploaded file',
      { tries: 600, everyMs: 200 },
    );
    expect(previewed.data.registryImport.preview).toEqual({ rows: 12_000, valid: 0, invalid: 12_000 });
    expect(previewed.data.registryImport.errors[0]).toEqual({
      row: 2,
      message: expect.stringContaining('登记库中没有统一社会信用代码为'),
    });
  });

  it('refuses a file past 20 MiB with 413, said or streamed, keeping nothing', async () => {
    const big = Buffer.alloc(21 * 2 ** 20, 'a');
    const said = await post({ kind: 'INSPECTIONS', fileName: `大-${run}.csv` }, big, officer);
    expect(said.status).toBe(413);
    expect(said.json.errors[0]).toMatchObject({
      message: '文件超过 20 MiB 的上限；请拆成多个文件分别导入',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    // No content-length: the body is counted as it comes and cut off past the limit.
    const chunk = new Uint8Array(2 ** 20).fill(97);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 21) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await post({ kind: 'INSPECTIONS', fileName: `流-${run}.csv` }, stream, officer, {
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      await sql('select 1 from processes.registry_import_file where file_name in ($1, $2)', [
        `大-${run}.csv`,
        `流-${run}.csv`,
      ]),
    ).toHaveLength(0);
  });

  it('is for Federation officers and admins, with a token, and refuses what cannot be imported', async () => {
    const csv = `统一社会信用代码,名称,年度,年检结果\r\n${makeCreditCode('5', '1', '330402', 'HUX000001')},,${lastYear},合格\r\n`;
    const query = { kind: 'INSPECTIONS', fileName: `小-${run}.csv` };
    const integrator = await post(query, csv, await token(['INTEGRATOR']));
    expect(integrator.status).toBe(403);
    expect(integrator.json.errors[0]).toMatchObject({
      message: '只有工商联工作人员和管理员可以上传导入文件',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await post(query, csv, null)).status).toBe(401);
    const cases: [string, Record<string, string>, string, string][] = [
      [
        'a missing column',
        { kind: 'INSPECTIONS', fileName: `缺列-${run}.csv` },
        '统一社会信用代码,名称,年度\r\nX,,2025\r\n',
        '第 1 行（表头）缺少“年检结果”列；应有：统一社会信用代码、名称、年度、年检结果',
      ],
      [
        'an unknown kind',
        { kind: 'PEOPLE', fileName: `类-${run}.csv` },
        csv,
        'kind 应为：ORGANIZATIONS、INSPECTIONS、PENALTIES、LIST_ENTRIES',
      ],
      ['no file name', { kind: 'INSPECTIONS' }, csv, '缺少 fileName 参数（文件名，如 名录.csv）'],
      [
        'an old format',
        { kind: 'INSPECTIONS', fileName: `旧-${run}.xls` },
        csv,
        expect.stringContaining('只接受 .csv 或 .xlsx 文件'),
      ],
      ['an empty body', { kind: 'INSPECTIONS', fileName: `空-${run}.csv` }, '', '文件是空的'],
    ];
    for (const [what, q, body, message] of cases) {
      const r = await post(q, body, officer);
      expect(r.status, what).toBe(400);
      expect(r.json.errors[0].extensions.code, what).toBe('BAD_USER_INPUT');
      expect(r.json.errors[0].message, what).toEqual(message);
    }
    const get = await fetch(uploadUrl(query), { headers: { authorization: `Bearer ${officer}` } });
    expect(get.status).toBe(405);
    expect(
      await sql('select 1 from processes.registry_import_file where file_name like $1 and file_name <> $2', [
        `%-${run}.%`,
        `年检-${run}.csv`,
      ]),
    ).toHaveLength(0);
  });
});
