import { COLUMNS, type ImportKind } from './formats.js';

/** The header row of a kind's file, as CSV in UTF-8 with a BOM (Excel in China opens it so). */
export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${COLUMNS[kind].map((c) => c.header).join(',')}\r\n`;
}
