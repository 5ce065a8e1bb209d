import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Cell } from './sheet.js';
import { drained } from './drain.js';

// XLSX through exceljs's streaming writer: each row is committed (written out to the zip) as it
// comes, strings inline rather than in a shared-strings table that would grow with the file,
// and the next page is read only when the reader has taken the last one.

export async function writeXlsx(
  out: Writable,
  title: string,
  headers: string[],
  pages: AsyncIterable<Cell[][]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title);
  sheet.addRow(headers).commit();
  for await (const rows of pages) {
    if (out.destroyed) return;
    for (const row of rows) sheet.addRow(row).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
