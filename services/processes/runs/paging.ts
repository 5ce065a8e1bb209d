import { badInput } from '../../common/errors.js';
import { readCursor } from '../../common/cursor.js';
import { DAY } from '../../../workflows/common/time.js';

// Newest first over Temporal visibility, in pages with cursors.
//
// The SQL visibility stores (SQLite in the dev server, PostgreSQL or MySQL in production without
// Elasticsearch) refuse ORDER BY ("operation is not supported: 'ORDER BY' clause") and return runs
// in one fixed order: running runs first, then closed ones by close time, newest closed first.
// Their next page token is a keyset of that order (the JSON {"CloseTime","StartTime","RunID"} of
// the last row), so it cannot give "started most recently first". The hub keeps the same idea,
// a keyset, on the order an admin asks for: the cursor is (StartTime, RunId) of the last run
// shown, and the next page is "StartTime at or before it" with the ties already shown dropped.
//
// Which runs are the next `first`? Visibility counts cheaply but does not sort, so a page is a
// window of start times [lo, cursor] holding at least first + 1 runs and at most WINDOW_CAP,
// listed whole and sorted here:
//   1. one page of first + 1 runs in the store's own order (a probe). If fewer come back, that is
//      everything left. Otherwise the (first + 1)-th latest start among them bounds the window
//      from below: the window surely holds those first + 1 runs.
//   2. count the window. When the probe already holds every run of it, done (two calls, three
//      with the counts per status); within WINDOW_CAP: list it, sort, done (one more call).
//   3. Over WINDOW_CAP (a long run among the probe, or a burst of starts): bisect lo between there
//      and the cursor until the window holds first + 1 to WINDOW_CAP runs (one count a step),
//      then list it. Only more than WINDOW_CAP runs started in the same microsecond are listed
//      past the cap (up to HARD_CAP).

/** What a page needs of a run: its start (microseconds since the epoch, as visibility keeps it) and run id. */
export interface RunKey {
  startMicros: bigint;
  runId: string;
}

/** The two visibility calls paging uses: a count, and up to `limit` runs in the store's own order. */
export interface Visibility<R extends RunKey> {
  count(query: string | undefined): Promise<number>;
  list(query: string | undefined, limit: number): Promise<R[]>;
}

export const WINDOW_CAP = 500;
export const HARD_CAP = 5_000;

/** A visibility query's time literal with microseconds (RFC 3339), e.g. 2026-11-29T06:48:05.886172Z. */
export function visibilityTime(micros: bigint): string {
  const seconds = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}

/** Microseconds since the epoch of a protobuf timestamp (seconds may be a Long, a string or a number). */
export function timestampMicros(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): bigint {
  if (!ts) return 0n;
  return wholeSeconds(ts.seconds) * 1_000_000n + BigInt(Math.floor((ts.nanos ?? 0) / 1000));
}

/** A protobuf int64 as a bigint: a Long (its own toString), a string or a number. */
export function wholeSeconds(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' || typeof value === 'string') return BigInt(value);
  if (value && typeof value === 'object') return BigInt((value as { toString(): string }).toString());
  return 0n;
}

/** Clauses joined with AND, each in parentheses; undefined when there are none. */
export function and(...clauses: (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => !!c);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' AND ');
}

/** Later start first; the run id breaks ties (descending too), so the order is total. */
export function newerFirst(a: RunKey, b: RunKey): number {
  if (a.startMicros !== b.startMicros) return a.startMicros > b.startMicros ? -1 : 1;
  return a.runId === b.runId ? 0 : a.runId > b.runId ? -1 : 1;
}

/** The cursor of a run: base64url of {"s": start in µs, "r": run id}. Opaque to clients. */
export function encodeRunCursor(run: RunKey): string {
  return Buffer.from(JSON.stringify({ s: run.startMicros.toString(), r: run.runId })).toString('base64url');
}

/** The position a cursor names, or BAD_USER_INPUT (field `after`) for anything this list did not give out. */
export function decodeRunCursor(cursor: string): RunKey {
  const value = readCursor(cursor, 'after');
  const { s, r } = (value ?? {}) as { s?: unknown; r?: unknown };
  if (typeof s !== 'string' || !/^\d{1,17}$/.test(s) || typeof r !== 'string' || !/^[\w-]{1,64}$/.test(r)) {
    throw badInput(`"${cursor}" is not a cursor this list gave out`, 'after');
  }
  return { startMicros: BigInt(s), runId: r };
}

export interface Page<R> {
  runs: R[];
  hasNextPage: boolean;
  /** Visibility calls made (for the README's figures and the tests). */
  calls: number;
}

/**
 * The `first` runs matching `base` that started most recently (before `after`, when given),
 * newest first, and whether more follow. See the top of this file for how.
 */
export async function newestFirst<R extends RunKey>(
  visibility: Visibility<R>,
  base: string | undefined,
  first: number,
  after?: RunKey,
  now = () => Date.now(),
): Promise<Page<R>> {
  let calls = 0;
  const count = (query: string | undefined) => (calls++, visibility.count(query));
  const list = (query: string | undefined, limit: number) => (calls++, visibility.list(query, limit));
  const upper = after ? `StartTime <= '${visibilityTime(after.startMicros)}'` : undefined;
  const window = (lo: bigint | undefined) =>
    and(base, upper, lo !== undefined ? `StartTime >= '${visibilityTime(lo)}'` : undefined);
  const unseen = (run: RunKey) => !after || newerFirst(after, run) < 0;
  const need = first + 1;
  const finish = (runs: R[]): Page<R> => {
    const sorted = runs.filter(unseen).sort(newerFirst);
    return { runs: sorted.slice(0, first), hasNextPage: sorted.length > first, calls };
  };

  // 1. The probe: `after`'s own run comes back too (its start is the bound), hence one more.
  const probeSize = need + (after ? 1 : 0);
  const probe = await list(window(undefined), probeSize);
  if (probe.length < probeSize) return finish(probe);
  const fresh = probe.filter(unseen).sort(newerFirst);
  let lo = fresh.length >= need ? fresh[need - 1].startMicros : undefined;

  // 2. The window the probe vouches for. When the probe holds all of it (the store lists open
  //    runs newest first, so a page of open runs often does), it is the page.
  let inWindow = await count(window(lo));
  if (lo !== undefined && probe.filter((run) => run.startMicros >= lo!).length >= inWindow) return finish(probe);
  if (inWindow > WINDOW_CAP) {
    // 3. Narrow it: more than WINDOW_CAP from `tooMany` on, fewer than `need` from `tooFew` on.
    let tooMany = lo ?? 0n;
    let tooFew = after ? after.startMicros + 1n : BigInt(now() + DAY) * 1000n;
    let found = false;
    while (tooFew - tooMany > 1n) {
      const mid = tooMany + (tooFew - tooMany) / 2n;
      const c = await count(window(mid));
      if (c > WINDOW_CAP) tooMany = mid;
      else if (c < need) tooFew = mid;
      else {
        [lo, inWindow, found] = [mid, c, true];
        break;
      }
    }
    if (!found) lo = tooMany; // over WINDOW_CAP runs in one microsecond: list them all (HARD_CAP)
  }
  // Runs may start between the count and the list (visibility is eventually consistent): some room.
  const page = finish(await list(window(lo), Math.min(Math.max(inWindow, need) + 100, HARD_CAP)));
  if (page.hasNextPage || lo === undefined) return page;
  // The window's count included runs of the cursor's start already shown (ties), so it held no
  // more than this page: the rest comes from strictly before lo (every run id sorts below U+FFFF).
  const rest = await newestFirst(
    visibility,
    base,
    first - page.runs.length,
    { startMicros: lo - 1n, runId: '\uffff' },
    now,
  );
  return { runs: [...page.runs, ...rest.runs], hasNextPage: rest.hasNextPage, calls: calls + rest.calls };
}
