import { registerEnumType } from 'type-graphql';
import { OrganizationKind } from '../entities/kinds.js';
import { InspectionResult, ListKind, PenaltyKind } from '../entities/evaluation-kinds.js';
import { badInput } from '../../common/errors.js';

// An import batch's rows arrive as one JSON text (importRegistryRows' `rows`), not as a GraphQL
// list of input objects: coercing and validating thousands of input objects field by field was a
// tenth of a batch's time (docs/benchmarks.md). What GraphQL checked is checked here, once a
// field: the fields of the kind and no other, their types, the enums' values; a batch that
// breaks one is BAD_USER_INPUT (field `rows`), as GraphQL's coercion refused it.

export enum ImportedRowKind {
  ORGANIZATIONS = 'ORGANIZATIONS',
  INSPECTIONS = 'INSPECTIONS',
  PENALTIES = 'PENALTIES',
  LIST_ENTRIES = 'LIST_ENTRIES',
}
registerEnumType(ImportedRowKind, { name: 'ImportedRowKind', description: '组织 / 年检 / 行政处罚 / 名录' });

export interface ImportedOrganization {
  /** Its row in the file. */
  row: number;
  creditCode: string;
  name: string;
  kind: OrganizationKind;
  regionCode: string;
  registeredOn?: string | null;
}

export interface ImportedInspection {
  row: number;
  creditCode: string;
  year: number;
  result: InspectionResult;
}

/** Natural key: authority + document number. */
export interface ImportedPenalty {
  row: number;
  creditCode: string;
  decidedOn: string;
  authority: string;
  documentNumber: string;
  kind: PenaltyKind;
  description: string;
  servedUntil?: string | null;
}

/** 列入, or 移出 with removedOn; natural key: credit code + list + listedOn. */
export interface ImportedListEntry {
  row: number;
  creditCode: string;
  list: ListKind;
  listedOn: string;
  reason: string;
  removedOn?: string | null;
  removalReason?: string | null;
}

/** A field's type: an integer, a text, or one of an enum's values; `?` when it may be null or absent. */
type Shape = 'int' | 'string' | 'string?' | readonly string[];

const SHAPES: Record<ImportedRowKind, Record<string, Shape>> = {
  ORGANIZATIONS: {
    row: 'int',
    creditCode: 'string',
    name: 'string',
    kind: Object.values(OrganizationKind),
    regionCode: 'string',
    registeredOn: 'string?',
  },
  INSPECTIONS: { row: 'int', creditCode: 'string', year: 'int', result: Object.values(InspectionResult) },
  PENALTIES: {
    row: 'int',
    creditCode: 'string',
    decidedOn: 'string',
    authority: 'string',
    documentNumber: 'string',
    kind: Object.values(PenaltyKind),
    description: 'string',
    servedUntil: 'string?',
  },
  LIST_ENTRIES: {
    row: 'int',
    creditCode: 'string',
    list: Object.values(ListKind),
    listedOn: 'string',
    reason: 'string',
    removedOn: 'string?',
    removalReason: 'string?',
  },
};

function fits(value: unknown, shape: Shape): boolean {
  if (shape === 'int') return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'string?') return value === null || value === undefined || typeof value === 'string';
  return shape.includes(value as string);
}

function expected(shape: Shape): string {
  if (shape === 'int') return '整数';
  if (shape === 'string') return '字符串';
  if (shape === 'string?') return '字符串或 null';
  return shape.join('、');
}

/** The batch's rows of `kind`, read from `text` (a JSON array) and checked; at most `maxRows`. */
export function readBatchRows(kind: ImportedRowKind, text: string, maxRows: number): Record<string, unknown>[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw badInput('rows 应为 JSON 数组（一行一个对象）', 'rows');
  }
  if (!Array.isArray(rows)) throw badInput('rows 应为 JSON 数组（一行一个对象）', 'rows');
  if (rows.length > maxRows) throw badInput(`一批最多 ${maxRows} 行，此批有 ${rows.length} 行`, 'rows');
  const shape = SHAPES[kind];
  for (const [i, row] of (rows as unknown[]).entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw badInput(`rows 的第 ${i + 1} 项应为对象`, 'rows');
    for (const [field, fieldShape] of Object.entries(shape)) {
      const value = (row as Record<string, unknown>)[field];
      if (!fits(value, fieldShape))
        throw badInput(
          `rows 的第 ${i + 1} 项的 ${field} 应为${expected(fieldShape)}，不是 ${JSON.stringify(value)}`,
          'rows',
        );
    }
    const unknown = Object.keys(row).find((field) => !(field in shape));
    if (unknown !== undefined) throw badInput(`rows 的第 ${i + 1} 项有${kind}没有的字段 ${unknown}`, 'rows');
  }
  return rows as Record<string, unknown>[];
}
