// The payload keys, read from configuration (TEMPORAL_PAYLOAD_KEYS). Apart from the codec so
// that config.ts, which every process loads, does not pull in Temporal's protobuf classes.

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/**
 * DEV ONLY. The key the embedded stack (`npm start`, `npm test`) encrypts with when
 * TEMPORAL_PAYLOAD_KEYS is unset. It is public (it is in this file), so it protects nothing:
 * with NODE_ENV=production the hub refuses to talk to Temporal while it is configured.
 */
export const DEV_PAYLOAD_KEYS = 'dev-only:ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=';

/** "id1:base64key,id0:base64oldkey" into keys, the encrypting one first; refuses anything malformed. */
export function parsePayloadKeys(raw: string, name = 'TEMPORAL_PAYLOAD_KEYS'): PayloadKey[] {
  const keys = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon);
      // Key ids end up in metadata and error messages: keep them short and printable.
      if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(id))
        throw new Error(`${name}: each entry must be "<key id>:<base64 key>", key ids of letters, digits, . _ -`);
      const key = Buffer.from(entry.slice(colon + 1), 'base64');
      if (key.length !== 32)
        throw new Error(
          `${name}: key "${id}" must be 32 bytes of base64 (openssl rand -base64 32), got ${key.length} bytes`,
        );
      return { id, key };
    });
  if (keys.length === 0) throw new Error(`${name} must name at least one key`);
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`${name}: key id "${twice}" appears twice`);
  return keys;
}

/** Refuses, in production, any key that is the public dev key (by its bytes, under any id). */
export function assertProductionKeys(keys: PayloadKey[], env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const dev = parsePayloadKeys(DEV_PAYLOAD_KEYS)[0].key;
  if (keys.some((k) => k.key.equals(dev))) {
    throw new Error(
      'NODE_ENV=production with the dev-only Temporal payload key: set TEMPORAL_PAYLOAD_KEYS to a secret key (openssl rand -base64 32)',
    );
  }
}
