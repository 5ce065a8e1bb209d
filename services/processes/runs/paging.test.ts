import { describe, expect, it } from 'vitest';
import {
  decodeRunCursor,
  encodeRunCursor,
  newerFirst,
  newestFirst,
  visibilityTime,
  WINDOW_CAP,
  type RunKey,
  type Visibility,
} from './paging.js';

// Newest-first paging over a visibility store that, like Temporal's SQL visibility, cannot sort:
// an in-memory store answering the clauses paging writes (StartTime bounds, one tag), listing
// open runs first and closed runs by close time, as SQLite and PostgreSQL visibility do. The
// real server is exercised through the gateway in test/runs.test.ts.

interface FakeRun extends RunKey {
  closeMicros: bigint | null;
  tag: string;
}

const parseTime = (iso: string) => BigInt(Date.parse(`${iso.slice(0, 19)}Z`)) * 1000n + BigInt(iso.slice(20, 26));

function store(runs: FakeRun[]): Visibility<FakeRun> & { calls: string[] } {
  const calls: string[] = [];
  const matching = (query: string | undefined) => {
    const clauses = (query ?? '')
      .split(' AND ')
      .map((c) => c.replace(/^\(|\)$/g, ''))
      .filter(Boolean);
    return runs.filter((run) =>
      clauses.every((clause) => {
        const time = /^StartTime (<=|>=) '(.+)'$/.exec(clause);
        if (time)
          return time[1] === '<=' ? run.startMicros <= parseTime(time[2]) : run.startMicros >= parseTime(time[2]);
        const tag = /^Tag = '(.+)'$/.exec(clause);
        if (tag) return run.tag === tag[1];
        throw new Error(`the fake store does not know ${clause}`);
      }),
    );
  };
  const storeOrder = (a: FakeRun, b: FakeRun) => {
    const [ca, cb] = [a.closeMicros ?? 2n ** 62n, b.closeMicros ?? 2n ** 62n];
    if (ca !== cb) return ca > cb ? -1 : 1;
    return newerFirst(a, b);
  };
  return {
    calls,
    async count(query) {
      calls.push(`count ${query}`);
      return matching(query).length;
    },
    async list(query, limit) {
      calls.push(`list ${query}`);
      return matching(query).sort(storeOrder).slice(0, limit);
    },
  };
}

/** A deterministic pseudo-random sequence (the same runs every time). */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const NOW = Date.UTC(2026, 10, 29, 12);
const µs = (ms: number) => BigInt(Math.round(ms * 1000));
const id = (i: number) => `0190${i.toString(16).padStart(8, '0')}-run`;

async function everyPage(visibility: Visibility<FakeRun>, query: string | undefined, first: number) {
  const seen: FakeRun[] = [];
  let after: RunKey | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await newestFirst(visibility, query, first, after, () => NOW);
    seen.push(...page.runs);
    if (!page.hasNextPage) return seen;
    after = decodeRunCursor(encodeRunCursor(page.runs.at(-1)!));
  }
  throw new Error('no last page');
}

describe('newest-first pages over a store that cannot sort', () => {
  it('pages through open and closed runs by start time, each once, whatever their close times', async () => {
    const next = random(7);
    const runs: FakeRun[] = Array.from({ length: 1200 }, (_, i) => {
      const start = NOW - next() * 30 * 86_400_000;
      const open = next() < 0.3;
      // Some runs take weeks: closed recently, started long ago (the store lists them first).
      return {
        startMicros: µs(start),
        runId: id(i),
        closeMicros: open ? null : µs(Math.min(NOW, start + next() ** 3 * 20 * 86_400_000)),
        tag: i % 3 === 0 ? 'a' : 'b',
      };
    });
    const visibility = store(runs);
    for (const first of [3, 100]) {
      const seen = await everyPage(visibility, undefined, first);
      expect(seen.map((r) => r.runId)).toEqual([...runs].sort(newerFirst).map((r) => r.runId));
    }
    const tagged = await everyPage(visibility, "Tag = 'a'", 20);
    expect(tagged.map((r) => r.runId)).toEqual(
      runs
        .filter((r) => r.tag === 'a')
        .sort(newerFirst)
        .map((r) => r.runId),
    );
  });

  it("takes a page in two or three calls when the store's first page vouches for a small window", async () => {
    const runs: FakeRun[] = Array.from({ length: 3000 }, (_, i) => ({
      startMicros: µs(NOW - i * 60_000),
      runId: id(i),
      closeMicros: i % 2 ? µs(NOW - i * 60_000 + 30_000) : null,
      tag: 'a',
    }));
    const visibility = store(runs);
    const page = await newestFirst(visibility, undefined, 20, undefined, () => NOW);
    expect(page.runs.map((r) => r.runId)).toEqual(runs.slice(0, 20).map((r) => r.runId));
    expect(page.calls).toBe(3); // probe, count, window (the counts per status are the fourth, beside it)
    // Open runs only: the store lists them newest first, so the probe is the page.
    const open = store(runs.filter((r) => r.closeMicros === null));
    const fast = await newestFirst(open, undefined, 20, undefined, () => NOW);
    expect([fast.runs.map((r) => r.runId), fast.calls]).toEqual([
      runs
        .filter((r) => r.closeMicros === null)
        .slice(0, 20)
        .map((r) => r.runId),
      2,
    ]);
  });

  it('narrows a burst of thousands of starts in one second, and lists past the cap when they share a microsecond', async () => {
    const burst: FakeRun[] = Array.from({ length: 3000 }, (_, i) => ({
      startMicros: µs(NOW - 5_000) + BigInt(i * 300),
      runId: id(i),
      closeMicros: null,
      tag: 'a',
    }));
    // One run started a month ago and closed just now comes first in the store's order.
    const old: FakeRun = { startMicros: µs(NOW - 30 * 86_400_000), runId: id(9_999), closeMicros: µs(NOW), tag: 'a' };
    const visibility = store([...burst, old]);
    const page = await newestFirst(visibility, undefined, 50, undefined, () => NOW);
    expect(page.runs.map((r) => r.runId)).toEqual(
      [...burst]
        .sort(newerFirst)
        .slice(0, 50)
        .map((r) => r.runId),
    );
    const all = await everyPage(visibility, undefined, 100);
    expect(all).toHaveLength(3001);
    expect(all.at(-1)!.runId).toBe(old.runId);

    const same: FakeRun[] = Array.from({ length: WINDOW_CAP + 100 }, (_, i) => ({
      startMicros: µs(NOW - 1000),
      runId: id(i),
      closeMicros: i % 2 ? µs(NOW) : null,
      tag: 'a',
    }));
    const tied = await everyPage(store([...same, ...burst.slice(0, 10)]), undefined, 30);
    expect(tied.map((r) => r.runId)).toEqual([...same, ...burst.slice(0, 10)].sort(newerFirst).map((r) => r.runId));
  });

  it('answers from the probe alone when fewer runs are left than a page', async () => {
    const runs: FakeRun[] = [0, 1, 2].map((i) => ({
      startMicros: µs(NOW - i * 1000),
      runId: id(i),
      closeMicros: i === 1 ? µs(NOW) : null,
      tag: 'a',
    }));
    const visibility = store(runs);
    const page = await newestFirst(visibility, "Tag = 'a'", 20, undefined, () => NOW);
    expect([page.runs.map((r) => r.runId), page.hasNextPage, page.calls]).toEqual([[id(0), id(1), id(2)], false, 1]);
  });

  it('writes times with microseconds and refuses cursors it did not give out', () => {
    expect(visibilityTime(1_795_934_885_886_172n)).toBe('2026-11-29T06:48:05.886172Z');
    const cursor = encodeRunCursor({
      startMicros: 1_795_934_885_886_172n,
      runId: '01a2260e-3e8c-7d49-91f7-be83cf1e12a3',
    });
    expect(decodeRunCursor(cursor)).toEqual({
      startMicros: 1_795_934_885_886_172n,
      runId: '01a2260e-3e8c-7d49-91f7-be83cf1e12a3',
    });
    for (const bad of [
      '',
      'not a cursor',
      Buffer.from('{"s":"x","r":"y"}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"s":"1","r":"a\'b"}').toString('base64url'),
    ]) {
      expect(() => decodeRunCursor(bad), bad).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
    }
  });
});
