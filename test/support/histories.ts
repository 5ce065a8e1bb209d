import { temporal } from '@temporalio/proto';
import type { PayloadCodec } from '@temporalio/common';

type History = temporal.api.history.v1.IHistory;

/**
 * A Payload message, by its shape: `instanceof` cannot tell, since the client's copy of the
 * proto classes (CommonJS) and the tests' (ESM under vitest) are different objects.
 */
export const isPayload = (value: unknown): value is temporal.api.common.v1.IPayload =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'metadata' in value && 'data' in value;

/**
 * A history with every payload decoded (decrypted), in place. SAVE_HISTORIES=1 saves histories
 * this way, so the replay files stay readable JSON that depends on no key (the test run's key is
 * fresh each run); the replayer reads them because the codec passes plain payloads through.
 */
export async function decodeHistory<H extends History>(history: H, codec: PayloadCodec): Promise<H> {
  const holders: { parent: Record<string, unknown>; key: string }[] = [];
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
    for (const [key, child] of Object.entries(value)) {
      // Payloads sit anywhere: inputs, results, memos, headers, failures' encoded attributes.
      if (isPayload(child)) holders.push({ parent: value as Record<string, unknown>, key });
      else walk(child);
    }
  };
  walk(history);
  const decoded = await codec.decode(holders.map(({ parent, key }) => parent[key] as temporal.api.common.v1.IPayload));
  holders.forEach(({ parent, key }, i) => (parent[key] = temporal.api.common.v1.Payload.create(decoded[i])));
  return history;
}
