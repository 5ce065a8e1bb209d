import {
  COLUMNS,
  INSPECTION_RESULT_WORDS,
  LIST_NAME_WORDS,
  ORGANIZATION_KIND_WORDS,
  PENALTY_KIND_WORDS,
  type Column,
  type ImportKind,
} from './formats.js';
import { ImportFileProblem, type FileRow } from './parse.js';

// The checks of one row that need nothing but the row (the registry's own checks, such as
// the credit code's check character and known regions, come back from its dry run): required
// cells, lengths, control characters, days and their order, the words of enums, and the
// natural key that a second row of the same file may not repeat.

/** A cell's problem, as the preview shows it: row, column, value and reason in Chinese. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface OrganizationRow {
  row: number;
  creditCode: string;
  name: string;
  kind: string;
  regionCode: string;
  registeredOn: string | null;
}

export interface InspectionRow {
  row: number;
  creditCode: string;
  year: number;
  result: string;
}

export interface PenaltyRow {
  row: number;
  creditCode: string;
  decidedOn: string;
  authority: string;
  documentNumber: string;
  kind: string;
  description: string;
  servedUntil: string | null;
}

/** A stay on a list (列入), or its end (移出) when removedOn is given; key: credit code + list + listedOn. */
export interface ListEntryRow {
  row: number;
  creditCode: string;
  list: string;
  listedOn: string;
  reason: string;
  removedOn: string | null;
  removalReason: string | null;
}

export type ImportRow = OrganizationRow | InspectionRow | PenaltyRow | ListEntryRow;

/** Where each column is: field → index in the row. Refuses a header row without the required columns. */
export function readHeader(kind: ImportKind, header: string[]): Map<string, number> {
  const at = new Map<string, number>();
  const names = header.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  for (const column of COLUMNS[kind]) {
    const index = names.indexOf(column.header);
    if (index >= 0 && names.indexOf(column.header, index + 1) >= 0)
      throw new ImportFileProblem(`表头中“${column.header}”出现了两次`);
    if (index >= 0) at.set(column.field, index);
    else if (column.required)
      throw new ImportFileProblem(
        `第 1 行（表头）缺少“${column.header}”列；应有：${COLUMNS[kind].map((c) => c.header).join('、')}`,
      );
  }
  return at;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\r\n]/;

function cellProblem(column: Column, value: string): string | undefined {
  if (value === '') return column.required ? `“${column.header}”不能为空` : undefined;
  if (CONTROL.test(value)) return `“${column.header}”含有控制字符（如换行），请删除`;
  if ([...value].length > column.maxLength)
    return `“${column.header}”最长 ${column.maxLength} 个字符（现为 ${[...value].length} 个）`;
  return undefined;
}

/** A calendar day yyyy-mm-dd that exists; Excel's 2024/3/5 is accepted as 2024-03-05. */
export function isoDay(value: string): string | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}

/** A row's fields, or its errors; `today` is China's day (registration may not be after it). */
export function checkRow(
  kind: ImportKind,
  at: Map<string, number>,
  { row, cells }: FileRow,
  today: string,
): { parsed?: ImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const values: Record<string, string> = {};
  for (const column of COLUMNS[kind]) {
    const index = at.get(column.field);
    const value = (index === undefined ? '' : (cells[index] ?? '')).trim();
    values[column.field] = value;
    const problem = cellProblem(column, value);
    if (problem) errors.push({ row, column: column.header, value, message: problem });
  }
  const fail = (header: string, value: string, message: string) => errors.push({ row, column: header, value, message });
  const code = values.creditCode.toUpperCase();
  if (code && !/^[0-9A-Z]{18}$/.test(code))
    fail('统一社会信用代码', values.creditCode, '统一社会信用代码应为 18 位数字或大写字母');
  if (kind === 'ORGANIZATIONS') {
    const kindCode = ORGANIZATION_KIND_WORDS[values.kind];
    if (values.kind && !kindCode)
      fail('组织类型', values.kind, `组织类型应为：${Object.keys(ORGANIZATION_KIND_WORDS).join('、')}`);
    if (values.regionCode && !/^\d{6}$/.test(values.regionCode))
      fail('行政区划代码', values.regionCode, '行政区划代码应为 6 位数字');
    const day = values.registeredOn ? isoDay(values.registeredOn) : null;
    if (day === undefined) fail('登记日期', values.registeredOn, '登记日期应为存在的日期，如 2019-03-05');
    else if (day && day > today) fail('登记日期', values.registeredOn, `登记日期不能晚于今天（${today}）`);
    if (errors.length) return { errors };
    return {
      parsed: {
        row,
        creditCode: code,
        name: values.name,
        kind: kindCode,
        regionCode: values.regionCode,
        registeredOn: day ?? null,
      },
      errors,
    };
  }
  if (kind === 'PENALTIES') return checkPenalty(values, code, errors, fail, row, today);
  if (kind === 'LIST_ENTRIES') return checkListEntry(values, code, errors, fail, row, today);
  const year = Number(values.year);
  if (values.year && !/^\d{4}$/.test(values.year)) fail('年度', values.year, '年度应为四位数字，如 2025');
  else if (values.year && year > Number(today.slice(0, 4)) - 1)
    fail('年度', values.year, `年检检查的是上一年度：年度最晚为 ${Number(today.slice(0, 4)) - 1}`);
  const result = INSPECTION_RESULT_WORDS[values.result];
  if (values.result && !result)
    fail('年检结果', values.result, `年检结果应为：${Object.keys(INSPECTION_RESULT_WORDS).join('、')}`);
  if (errors.length) return { errors };
  return { parsed: { row, creditCode: code, year, result }, errors };
}

function checkPenalty(
  values: Record<string, string>,
  code: string,
  errors: RowError[],
  fail: (header: string, value: string, message: string) => void,
  row: number,
  today: string,
): { parsed?: ImportRow; errors: RowError[] } {
  const decidedOn = values.decidedOn ? isoDay(values.decidedOn) : null;
  if (decidedOn === undefined) fail('处罚决定日期', values.decidedOn, '处罚决定日期应为存在的日期，如 2019-03-05');
  else if (decidedOn && decidedOn > today)
    fail('处罚决定日期', values.decidedOn, `处罚决定日期不能晚于今天（${today}）`);
  const servedUntil = values.servedUntil ? isoDay(values.servedUntil) : null;
  if (servedUntil === undefined) fail('执行期限', values.servedUntil, '执行期限应为存在的日期，如 2019-06-30');
  else if (servedUntil && decidedOn && servedUntil < decidedOn)
    fail('执行期限', values.servedUntil, `执行期限不能早于处罚决定日期 ${decidedOn}`);
  const kind = PENALTY_KIND_WORDS[values.kind];
  if (values.kind && !kind)
    fail('处罚种类', values.kind, `处罚种类应为：${Object.keys(PENALTY_KIND_WORDS).join('、')}`);
  if (errors.length) return { errors };
  const parsed: PenaltyRow = {
    row,
    creditCode: code,
    decidedOn: decidedOn!,
    authority: values.authority,
    documentNumber: values.documentNumber,
    kind,
    description: values.description,
    servedUntil: servedUntil ?? null,
  };
  return { parsed, errors };
}

function checkListEntry(
  values: Record<string, string>,
  code: string,
  errors: RowError[],
  fail: (header: string, value: string, message: string) => void,
  row: number,
  today: string,
): { parsed?: ImportRow; errors: RowError[] } {
  const list = LIST_NAME_WORDS[values.list];
  if (values.list && !list) fail('名录', values.list, `名录应为：${Object.keys(LIST_NAME_WORDS).join('、')}`);
  const listedOn = values.listedOn ? isoDay(values.listedOn) : null;
  if (listedOn === undefined) fail('列入日期', values.listedOn, '列入日期应为存在的日期，如 2024-03-05');
  else if (listedOn && listedOn > today) fail('列入日期', values.listedOn, `列入日期不能晚于今天（${today}）`);
  const removedOn = values.removedOn ? isoDay(values.removedOn) : null;
  if (removedOn === undefined) fail('移出日期', values.removedOn, '移出日期应为存在的日期，如 2025-03-05');
  else if (removedOn && removedOn > today) fail('移出日期', values.removedOn, `移出日期不能晚于今天（${today}）`);
  else if (removedOn && listedOn && removedOn <= listedOn)
    fail('移出日期', values.removedOn, `移出日期应晚于列入日期 ${listedOn}`);
  // A removal says why; a reason without a removal day would be lost.
  if (values.removedOn && !values.removalReason) fail('移出事由', '', '有移出日期时须写明移出事由');
  if (!values.removedOn && values.removalReason)
    fail('移出事由', values.removalReason, '没有移出日期时不能填写移出事由；尚未移出请留空');
  if (errors.length) return { errors };
  const parsed: ListEntryRow = {
    row,
    creditCode: code,
    list,
    listedOn: listedOn!,
    reason: values.reason,
    removedOn: removedOn ?? null,
    removalReason: values.removalReason || null,
  };
  return { parsed, errors };
}

/** The natural key a row writes to: a file may name it once. */
export function naturalKey(row: ImportRow): string {
  if ('documentNumber' in row) return `${row.authority}/${row.documentNumber}`;
  if ('listedOn' in row) return `${row.creditCode}/${row.list}/${row.listedOn}`;
  return 'year' in row ? `${row.creditCode}/${row.year}` : row.creditCode;
}

/** The error of a row whose natural key an earlier row of the file already has. */
export function duplicateError(row: ImportRow, first: number): RowError {
  if ('listedOn' in row)
    return {
      row: row.row,
      column: '列入日期',
      value: row.listedOn,
      message: `与第 ${first} 行重复：同一组织同一名录同一列入日期只能有一行`,
    };
  if ('documentNumber' in row)
    return {
      row: row.row,
      column: '处罚决定书文号',
      value: row.documentNumber,
      message: `与第 ${first} 行重复：同一处罚机关的同一文号只能有一行`,
    };
  return 'year' in row
    ? {
        row: row.row,
        column: '统一社会信用代码',
        value: row.creditCode,
        message: `与第 ${first} 行重复：同一组织同一年度（${row.year}）只能有一行`,
      }
    : {
        row: row.row,
        column: '统一社会信用代码',
        value: row.creditCode,
        message: `与第 ${first} 行重复：同一统一社会信用代码只能有一行`,
      };
}
