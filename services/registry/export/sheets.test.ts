import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { buildRegistrySchema } from '../schema.js';
import { REGISTRY_LISTS } from './lists.js';
import { FACT_LISTS } from './fact-lists.js';
import { STATISTICS_REPORT } from './report.js';
import { listQuery } from './sheet.js';
import { csvCell, csvLine } from './csv.js';

describe('the export sheets', () => {
  it("ask the registry's schema only what it has (a renamed field fails here, not in a download)", async () => {
    const { schema } = await buildRegistrySchema();
    for (const sheet of [...REGISTRY_LISTS, ...FACT_LISTS]) {
      expect(validate(schema, parse(listQuery(sheet))), sheet.name).toEqual([]);
      expect(new Set(sheet.columns.map((c) => c.header)).size, `${sheet.name}: headers are unique`).toBe(
        sheet.columns.length,
      );
    }
    expect(validate(schema, parse(STATISTICS_REPORT.query))).toEqual([]);
  });

  it('write CSV cells as RFC 4180 quotes them, and never as a formula', () => {
    expect(csvLine(['嘉兴市温州商会', 12, null, '说"好"', 'a,b', '第一行\n第二行'])).toBe(
      '嘉兴市温州商会,12,,"说""好""","a,b","第一行\n第二行"\r\n',
    );
    for (const risky of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx'])
      expect(csvCell(risky).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-2)).toBe('-2'); // numbers are numbers
  });
});
