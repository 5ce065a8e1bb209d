import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './connection.js';

// The one cursor codec: what pageOf and the traversals give out is what findByCursor reads.

describe('cursors', () => {
  it("round-trip the sort key, as base64url JSON (MikroORM's form)", () => {
    const key = [2, '嘉兴市商会', '5f1c7e9a-0000-4000-8000-000000000001'];
    const cursor = encodeCursor(key);
    expect(cursor).toBe(Buffer.from(JSON.stringify(key)).toString('base64url'));
    expect(decodeCursor(cursor, 3, 'after')).toEqual(key);
    expect(decodeCursor(encodeCursor(['2019-06-01', null]), undefined, 'before')).toEqual(['2019-06-01', null]);
  });

  it('refuse what no list gave out, naming the argument', () => {
    const refused = (cursor: string, keyLength: number | undefined, field: 'after' | 'before') => () =>
      decodeCursor(cursor, keyLength, field);
    const badInput = (field: string) => expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(refused('garbage', undefined, 'after')).toThrow(badInput('after'));
    expect(refused(encodeCursor(['only one']), 2, 'before')).toThrow(badInput('before'));
    expect(refused(encodeCursor([{ name: 'x' }, 'id']), 2, 'after')).toThrow(badInput('after'));
    expect(refused(Buffer.from('{"a":1}').toString('base64url'), undefined, 'after')).toThrow(badInput('after'));
  });

  it('are the ones pageOf gives out and reads back', () => {
    const items = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, day: `2020-01-0${i + 1}` }));
    const first = pageOf(items, (item) => [item.day, item.id], { first: 2 });
    expect(first.pageInfo.endCursor).toBe(encodeCursor(['2020-01-02', 'b']));
    const rest = pageOf(items, (item) => [item.day, item.id], { first: 2, after: first.pageInfo.endCursor! });
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(['c', 'd']);
  });
});
