import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Resolves when the reader has taken what was written (at once when nothing is waiting), so a
 * slow client holds the export back a page at a time instead of its rows piling up in memory.
 */
export async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
