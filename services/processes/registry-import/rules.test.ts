import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkRow, duplicateError, isoDay, naturalKey, readHeader } from './rules.js';
import { fileRows, formatOf, ImportFileProblem } from './parse.js';
import { templateCsv } from './template.js';

const today = '2026-12-08';
const orgHeader = readHeader('ORGANIZATIONS', [
  '\uFEFF统一社会信用代码',
  '名称',
  '组织类型',
  '行政区划代码',
  '登记日期',
]);
const inspectionHeader = readHeader('INSPECTIONS', ['年度', '年检结果', '统一社会信用代码']);
const CODE = '51330402MJ0000001X';

describe('an import file header', () => {
  it('finds its columns by their Chinese names, in any order, a BOM tolerated', () => {
    expect(Object.fromEntries(orgHeader)).toEqual({ creditCode: 0, name: 1, kind: 2, regionCode: 3, registeredOn: 4 });
    expect(Object.fromEntries(inspectionHeader)).toEqual({ creditCode: 2, year: 0, result: 1 });
  });

  it('refuses a missing required column or a column named twice', () => {
    expect(() => readHeader('INSPECTIONS', ['统一社会信用代码', '年度'])).toThrow(
      '第 1 行（表头）缺少“年检结果”列；应有：统一社会信用代码、名称、年度、年检结果',
    );
    expect(() => readHeader('INSPECTIONS', ['统一社会信用代码', '年度', '年度', '年检结果'])).toThrow(
      '表头中“年度”出现了两次',
    );
  });
});

describe('an organisation row', () => {
  const check = (cells: string[]) => checkRow('ORGANIZATIONS', orgHeader, { row: 7, cells }, today);

  it('becomes the registry input, the kind and the day in the registry words', () => {
    expect(check([CODE.toLowerCase(), ' 嘉兴市某某商会 ', '基层商会', '330402', '2019/3/5'])).toEqual({
      parsed: {
        row: 7,
        creditCode: CODE,
        name: '嘉兴市某某商会',
        kind: 'GRASSROOTS_CHAMBER',
        regionCode: '330402',
        registeredOn: '2019-03-05',
      },
      errors: [],
    });
  });

  it('says what is wrong with each cell, in Chinese, naming row, column and value', () => {
    const { parsed, errors } = check(['123', 'a\nb', '协会', '33040', '2019-02-30']);
    expect(parsed).toBeUndefined();
    expect(errors).toEqual([
      { row: 7, column: '名称', value: 'a\nb', message: '“名称”含有控制字符（如换行），请删除' },
      { row: 7, column: '统一社会信用代码', value: '123', message: '统一社会信用代码应为 18 位数字或大写字母' },
      {
        row: 7,
        column: '组织类型',
        value: '协会',
        message: '组织类型应为：行业协会商会、异地商会、基层商会、基金会、会员企业',
      },
      { row: 7, column: '行政区划代码', value: '33040', message: '行政区划代码应为 6 位数字' },
      { row: 7, column: '登记日期', value: '2019-02-30', message: '登记日期应为存在的日期，如 2019-03-05' },
    ]);
  });

  it('refuses a registration after today, an empty required cell and a name too long', () => {
    expect(check([CODE, '某商会', '基层商会', '330402', '2026-12-09']).errors[0].message).toBe(
      '登记日期不能晚于今天（2026-12-08）',
    );
    expect(check(['', '某商会', '基层商会', '330402', '']).errors[0].message).toBe('“统一社会信用代码”不能为空');
    expect(check([CODE, '商'.repeat(101), '基层商会', '330402', '']).errors[0].message).toBe(
      '“名称”最长 100 个字符（现为 101 个）',
    );
  });
});

describe('an inspection row', () => {
  const check = (cells: string[]) => checkRow('INSPECTIONS', inspectionHeader, { row: 3, cells }, today);

  it('takes the result words civil affairs uses', () => {
    expect(check(['2025', '未参加年检', CODE]).parsed).toEqual({
      row: 3,
      creditCode: CODE,
      year: 2025,
      result: 'MISSED',
    });
    expect(check(['2025', '基本合格', CODE]).parsed).toMatchObject({ result: 'BASIC_PASS' });
  });

  it('refuses this year (inspected the year after), a year that is no year, and an unknown result', () => {
    expect(check(['2026', '合格', CODE]).errors[0].message).toBe('年检检查的是上一年度：年度最晚为 2025');
    expect(check(['25', '合格', CODE]).errors[0].message).toBe('年度应为四位数字，如 2025');
    expect(check(['2025', '优秀', CODE]).errors[0].message).toContain('年检结果应为：合格、基本合格、不合格');
  });

  it('has a natural key of code and year; a second row with it is a duplicate', () => {
    const row = check(['2025', '合格', CODE]).parsed!;
    expect(naturalKey(row)).toBe(`${CODE}/2025`);
    expect(duplicateError({ ...row, row: 9 }, 3).message).toBe('与第 3 行重复：同一组织同一年度（2025）只能有一行');
  });
});

describe('a penalty row', () => {
  const header = readHeader('PENALTIES', [
    '统一社会信用代码',
    '处罚决定日期',
    '处罚机关',
    '处罚决定书文号',
    '处罚种类',
    '处罚内容',
    '执行期限',
  ]);
  const check = (cells: string[]) => checkRow('PENALTIES', header, { row: 4, cells }, today);

  it('becomes the registry input, keyed by authority and number', () => {
    const { parsed } = check([
      CODE,
      '2024-03-05',
      '嘉兴市民政局',
      '嘉民罚字〔2024〕3号',
      '没收违法所得、非法财产',
      '内容',
      '',
    ]);
    expect(parsed).toEqual({
      row: 4,
      creditCode: CODE,
      decidedOn: '2024-03-05',
      authority: '嘉兴市民政局',
      documentNumber: '嘉民罚字〔2024〕3号',
      kind: 'CONFISCATION',
      description: '内容',
      servedUntil: null,
    });
    expect(naturalKey(parsed!)).toBe('嘉兴市民政局/嘉民罚字〔2024〕3号');
  });

  it('refuses a term before the decision and a decision after today', () => {
    expect(check([CODE, '2024-03-05', '局', '1号', '警告', '内容', '2024-03-04']).errors[0].message).toBe(
      '执行期限不能早于处罚决定日期 2024-03-05',
    );
    expect(check([CODE, '2026-12-09', '局', '1号', '警告', '内容', '']).errors[0].message).toBe(
      '处罚决定日期不能晚于今天（2026-12-08）',
    );
  });
});

describe('a list entry row', () => {
  const header = readHeader('LIST_ENTRIES', [
    '统一社会信用代码',
    '名录',
    '列入日期',
    '列入事由',
    '移出日期',
    '移出事由',
  ]);
  const check = (cells: string[]) => checkRow('LIST_ENTRIES', header, { row: 5, cells }, today);

  it('becomes the registry input, keyed by credit code, list and day listed; 经营异常名录 is the first list', () => {
    const { parsed } = check([CODE, '经营异常名录', '2024/3/5', '未报送年度工作报告', '2025-01-10', '已补报']);
    expect(parsed).toEqual({
      row: 5,
      creditCode: CODE,
      list: 'ABNORMAL_ACTIVITY',
      listedOn: '2024-03-05',
      reason: '未报送年度工作报告',
      removedOn: '2025-01-10',
      removalReason: '已补报',
    });
    expect(naturalKey(parsed!)).toBe(`${CODE}/ABNORMAL_ACTIVITY/2024-03-05`);
    expect(duplicateError({ ...parsed!, row: 8 }, 5).message).toBe(
      '与第 5 行重复：同一组织同一名录同一列入日期只能有一行',
    );
  });

  it('refuses an unknown list, a removal not after the listing, a day after today and a removal without its reason', () => {
    expect(check([CODE, '黑名单', '2024-03-05', '事由', '', '']).errors[0].message).toBe(
      '名录应为：活动异常名录、经营异常名录、严重违法失信名单',
    );
    expect(check([CODE, '严重违法失信名单', '2024-03-05', '事由', '2024-03-05', '移出']).errors[0].message).toBe(
      '移出日期应晚于列入日期 2024-03-05',
    );
    expect(check([CODE, '严重违法失信名单', '2026-12-09', '事由', '', '']).errors[0].message).toBe(
      '列入日期不能晚于今天（2026-12-08）',
    );
    expect(check([CODE, '严重违法失信名单', '2024-03-05', '事由', '2025-01-01', '']).errors).toEqual([
      { row: 5, column: '移出事由', value: '', message: '有移出日期时须写明移出事由' },
    ]);
    expect(check([CODE, '严重违法失信名单', '2024-03-05', '事由', '', '已整改']).errors[0].column).toBe('移出事由');
    expect(check([CODE, '严重违法失信名单', '2024-02-30', '', '', '']).errors.map((e) => e.column)).toEqual([
      '列入事由',
      '列入日期',
    ]);
  });
});

describe('days', () => {
  it('are calendar days that exist', () => {
    expect(isoDay('2024-02-29')).toBe('2024-02-29');
    expect(isoDay('2023-02-29')).toBeUndefined();
    expect(isoDay('2024.3.5')).toBe('2024-03-05');
    expect(isoDay('5/3/2024')).toBeUndefined();
  });
});

describe('reading a file', () => {
  const rows = async (format: 'CSV' | 'XLSX', bytes: Uint8Array) => {
    const out = [];
    for await (const row of fileRows(format, bytes)) out.push(row);
    return out;
  };

  it('reads CSV with a BOM, quoted commas and empty lines, numbering rows as the file does', async () => {
    const csv = Buffer.from('\uFEFF统一社会信用代码,名称\r\n"A,1",甲\r\n\r\nB,乙\r\n');
    expect(await rows('CSV', csv)).toEqual([
      { row: 1, cells: ['统一社会信用代码', '名称'] },
      { row: 2, cells: ['A,1', '甲'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['B', '乙'] },
    ]);
  });

  it('reads XLSX cells as stored (numbers, dates, rich text) and keeps Excel row numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('一');
    sheet.getCell('A1').value = '年度';
    sheet.getCell('B1').value = '登记日期';
    sheet.getCell('A3').value = 2025;
    sheet.getCell('B3').value = new Date(Date.UTC(2019, 2, 5));
    sheet.getCell('C3').value = { richText: [{ text: '合' }, { text: '格' }] };
    const read = await rows('XLSX', Buffer.from(await book.xlsx.writeBuffer()));
    expect(read).toEqual([
      { row: 1, cells: ['年度', '登记日期'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['2025', '2019-03-05', '合格'] },
    ]);
  });

  it('refuses a shared formula as it refuses a formula', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('一');
    sheet.getCell('A1').value = 1;
    sheet.getCell('B1').value = {
      formula: 'A1+1',
      result: 2,
      shareType: 'shared',
      ref: 'B1:B2',
    } as ExcelJS.CellFormulaValue;
    sheet.getCell('B2').value = { sharedFormula: 'B1', result: 3 };
    await expect(rows('XLSX', Buffer.from(await book.xlsx.writeBuffer()))).rejects.toThrow(ImportFileProblem);
  });

  it('knows CSV and XLSX by name and nothing else', () => {
    expect(formatOf('名录.CSV')).toBe('CSV');
    expect(formatOf('名录.xlsx')).toBe('XLSX');
    expect(() => formatOf('名录.xls')).toThrow('只接受 .csv 或 .xlsx 文件');
  });

  it('offers templates whose headers are the layouts', () => {
    expect(templateCsv('INSPECTIONS')).toBe('\uFEFF统一社会信用代码,名称,年度,年检结果\r\n');
    expect(templateCsv('LIST_ENTRIES')).toBe(
      '\uFEFF统一社会信用代码,名称,名录,列入日期,列入事由,移出日期,移出事由\r\n',
    );
  });
});
