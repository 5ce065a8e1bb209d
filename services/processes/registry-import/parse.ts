import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { MAX_ROWS } from './formats.js';

// An import file's rows, read as a stream (csv-parse; exceljs's streaming WorkbookReader): the
// memory a file takes does not grow with its rows. Cells come back as text exactly as stored:
// a formula is refused, never evaluated, and its cached result is not taken as the value.

export type FileFormat = 'CSV' | 'XLSX';

/** The file cannot be imported as a whole (not a row's problem): the officer fixes the file. */
export class ImportFileProblem extends Error {}

/** A row of cells and its number in the file (1 is the header row). */
export interface FileRow {
  row: number;
  cells: string[];
}

async function* csvRows(bytes: Uint8Array): AsyncGenerator<FileRow> {
  const parser = Readable.from([Buffer.from(bytes)]).pipe(
    parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
  } catch (error) {
    throw new ImportFileProblem(
      `CSV 文件第 ${row + 1} 行无法解析（${(error as Error).message}）；请用 UTF-8 编码的 CSV`,
    );
  }
}

const columnName = (index: number) => {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** A cell as text; formulas are refused (the sheet's cached result is not the truth). */
function cellText(value: unknown, row: number, column: number): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const cell = value as Record<string, unknown>;
  if ('formula' in cell || 'sharedFormula' in cell)
    throw new ImportFileProblem(
      `第 ${row} 行 ${columnName(column)} 列是公式；导入不执行公式，也不采用其缓存结果，请把它改为数值后再上传`,
    );
  if (Array.isArray(cell.richText)) return (cell.richText as { text: string }[]).map((part) => part.text).join('');
  if (typeof cell.text === 'string') return cell.text;
  if ('error' in cell)
    throw new ImportFileProblem(`第 ${row} 行 ${columnName(column)} 列是错误值 ${String(cell.error)}`);
  throw new ImportFileProblem(`第 ${row} 行 ${columnName(column)} 列的内容无法识别`);
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      let expected = 1;
      for await (const sheetRow of worksheet as AsyncIterable<ExcelJS.Row>) {
        // Empty rows are not emitted: keep the numbers as the officer sees them in Excel.
        for (; expected < sheetRow.number; expected++) yield { row: expected, cells: [] };
        const values = (sheetRow.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++)
          cells.push(cellText(values[column], sheetRow.number, column));
        yield { row: sheetRow.number, cells };
        expected = sheetRow.number + 1;
      }
      return; // The first sheet only.
    }
  } catch (error) {
    if (error instanceof ImportFileProblem) throw error;
    throw new ImportFileProblem(`XLSX 文件无法读取（${(error as Error).message}）；请用 Excel 另存为 .xlsx 后再上传`);
  }
}

/** Every row of the file, the header first; more rows than `maxRows` (beside the header) is refused. */
export async function* fileRows(format: FileFormat, bytes: Uint8Array, maxRows = MAX_ROWS): AsyncGenerator<FileRow> {
  for await (const row of format === 'CSV' ? csvRows(bytes) : xlsxRows(bytes)) {
    if (row.row > maxRows + 1) throw new ImportFileProblem(`文件超过 ${maxRows} 行数据的上限；请拆成多个文件分别导入`);
    yield row;
  }
}

/** The format a file name says, or a problem. */
export function formatOf(fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'CSV';
  if (lower.endsWith('.xlsx')) return 'XLSX';
  throw new ImportFileProblem(
    `只接受 .csv 或 .xlsx 文件（不接受 .xls、.xlsm 等含宏或旧格式的文件），此文件名为“${fileName}”`,
  );
}
