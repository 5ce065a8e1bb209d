import type { Writable } from 'node:stream';
import type { Cell } from './sheet.js';
import { drained } from './drain.js';

// CSV as Excel in China opens it: UTF-8 with a byte-order mark (without one Excel reads the
// bytes as GBK), CRLF line ends, RFC 4180 quoting. A text cell that begins like a formula
// (= + - @, or a tab or CR) gets a leading apostrophe, so a spreadsheet never runs it.

const BOM = '\uFEFF';
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_LIKE.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Writes the header line and every page's rows, waiting for the reader between pages. */
export async function writeCsv(out: Writable, headers: string[], pages: AsyncIterable<Cell[][]>): Promise<void> {
  out.write(BOM + csvLine(headers));
  for await (const rows of pages) {
    if (out.destroyed) return;
    out.write(rows.map(csvLine).join(''));
    await drained(out);
  }
  out.end();
}
