import { describe, expect, it } from 'vitest';
import { encodeCursor, pageOf } from './connection.js';
import { decodeCursor, fitsKey } from './cursor.js';

// The one cursor codec: what pageOf and the traversals give out is what findByCursor reads, and
// the one decoder checks every value against its column's type before any SQL is built.

const badInput = (field: string) => expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } });
const UUID = '5f1c7e9a-0000-4000-8000-000000000001';

describe('cursors', () => {
  it("round-trip the sort key, as base64url JSON (MikroORM's form)", () => {
    const key = [2, '嘉兴市商会', UUID];
    const cursor = encodeCursor(key);
    expect(cursor).toBe(Buffer.from(JSON.stringify(key)).toString('base64url'));
    expect(decodeCursor(cursor, ['integer', 'text', 'uuid'], 'after')).toEqual(key);
    const nullable = [{ type: 'date', nullable: true }, 'uuid'] as const;
    expect(decodeCursor(encodeCursor([null, UUID]), nullable, 'before')).toEqual([null, UUID]);
    const created = encodeCursor([new Date('2026-11-29T08:00:00Z'), UUID]);
    expect(decodeCursor(created, ['timestamp', 'uuid'], 'after')).toEqual(['2026-11-29T08:00:00.000Z', UUID]);
  });

  it('refuse what no list gave out, naming the argument', () => {
    const refused =
      (cursor: string, field: 'after' | 'before' = 'after') =>
      () =>
        decodeCursor(cursor, ['timestamp', 'uuid'], field);
    expect(refused('garbage')).toThrow(badInput('after'));
    expect(refused('WyJ4IiwieSJd')).toThrow(badInput('after')); // ["x","y"], the issue's
    expect(refused(encodeCursor(['only one']), 'before')).toThrow(badInput('before'));
    expect(refused(encodeCursor([{ name: 'x' }, UUID]))).toThrow(badInput('after'));
    expect(refused(encodeCursor([null, UUID]))).toThrow(badInput('after')); // not a nullable column
    expect(refused(Buffer.from('{"a":1}').toString('base64url'))).toThrow(badInput('after'));
    expect(refused('\u0000')).toThrow(badInput('after'));
    const text = (value: unknown) => () => decodeCursor(encodeCursor([value, UUID]), ['text', 'uuid'], 'after');
    expect(text('a\u0000b')).toThrow(badInput('after'));
    expect(text('\ud800')).toThrow(badInput('after'));
    expect(text(5)).toThrow(badInput('after'));
  });

  it("check each value against its column's type", () => {
    expect(fitsKey('timestamp', '0000-00-00T00:00:00Z')).toBe(false);
    expect(fitsKey('timestamp', '2026-02-30T00:00:00Z')).toBe(false);
    expect(fitsKey('timestamp', '2026-02-28T23:59:59.999+08:00')).toBe(true);
    expect(fitsKey('date', '0000-01-01')).toBe(false);
    expect(fitsKey('date', '2024-02-29')).toBe(true);
    expect(fitsKey('integer', 2 ** 31)).toBe(false);
    expect(fitsKey('integer', 1.5)).toBe(false);
    expect(fitsKey('integer', -5)).toBe(true);
    expect(fitsKey('bigint', '12345678901234')).toBe(true);
    expect(fitsKey('bigint', '1e5')).toBe(false);
    expect(fitsKey('uuid', 'not-a-uuid')).toBe(false);
    expect(fitsKey('number', Number.NaN)).toBe(false);
  });

  it('are the ones pageOf gives out and reads back', () => {
    const ids = ['a', 'b', 'c', 'd'].map((c) => UUID.slice(0, -1) + c);
    const items = ids.map((id, i) => ({ id, day: `2020-01-0${i + 1}` }));
    const key = ['date', 'uuid'] as const;
    const first = pageOf(items, (item) => [item.day, item.id], key, { first: 2 });
    expect(first.pageInfo.endCursor).toBe(encodeCursor(['2020-01-02', ids[1]]));
    const rest = pageOf(items, (item) => [item.day, item.id], key, { first: 2, after: first.pageInfo.endCursor! });
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2));
    expect(() => pageOf(items, (item) => [item.day, item.id], key, { after: encodeCursor([1, 2]) })).toThrow(
      badInput('after'),
    );
  });
});
