import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, refusalOf } from './payload-codec.js';
import { assertProductionKeys, DEV_PAYLOAD_KEYS, parsePayloadKeys } from './payload-keys.js';

const keyOf = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());
const application = { personName: '张三', organizationName: '嘉兴市温州商会', comment: '同意推荐' };
const plain = () => defaultPayloadConverter.toPayload(application);

describe('AesGcmPayloadCodec', () => {
  it('encrypts to binary/encrypted with the key id, and decrypts to the same payload', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(keyOf('k1')));
    const [sealed] = await codec.encode([plain()]);
    expect(text(sealed.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata![KEY_ID_METADATA])).toBe('k1');
    expect(Buffer.from(sealed.data!).toString('utf8')).not.toContain('张三');
    expect(JSON.stringify(sealed)).not.toContain('json/plain'); // the inner encoding is sealed too
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(application);
  });

  it('reads payloads of the old key after rotation, and writes with the new one', async () => {
    const old = keyOf('k0');
    const [sealed] = await new AesGcmPayloadCodec(parsePayloadKeys(old)).encode([plain()]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeys(`${keyOf('k1')},${old}`));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([sealed]))[0])).toEqual(application);
    expect(text((await rotated.encode([plain()]))[0].metadata![KEY_ID_METADATA])).toBe('k1');
  });

  /** Decodes one payload and converts it as a workflow would: the refusal surfaces there. */
  const opened = async (codec: AesGcmPayloadCodec, payload: Parameters<AesGcmPayloadCodec['decode']>[0][number]) => {
    const [decoded] = await codec.decode([payload]);
    return { reason: refusalOf(decoded), convert: () => defaultPayloadConverter.fromPayload(decoded) };
  };

  it('refuses tampered ciphertext and a relabelled key id', async () => {
    const keys = parsePayloadKeys(`${keyOf('k1')},${keyOf('k0')}`);
    const codec = new AesGcmPayloadCodec(keys);
    const [sealed] = await codec.encode([plain()]);
    const flipped = Buffer.from(sealed.data!);
    flipped[20] ^= 1;
    const tampered = await opened(codec, { ...sealed, data: flipped });
    expect(tampered.reason).toMatch(/failed authentication/);
    expect(tampered.convert).toThrow(/Unknown encoding: refused by the hub: key id "k1", failed authentication/);
    const relabelled = {
      ...sealed,
      metadata: { ...sealed.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('k0') },
    };
    expect((await opened(codec, relabelled)).reason).toMatch(/failed authentication/);
  });

  it('names an unknown key id and the ids it holds', async () => {
    const [sealed] = await new AesGcmPayloadCodec(parsePayloadKeys(keyOf('gone'))).encode([plain()]);
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(keyOf('k1')));
    expect((await opened(codec, sealed)).reason).toContain(
      'key id "gone", which TEMPORAL_PAYLOAD_KEYS does not hold (it holds k1)',
    );
  });

  it('refuses payloads the hub did not encrypt: converting one fails, naming why', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(DEV_PAYLOAD_KEYS));
    const forged = await opened(codec, defaultPayloadConverter.toPayload({ outcome: 'REJECT', decidedBy: 'nobody' }));
    expect(forged.reason).toMatch(
      /^a payload not encrypted with a key of TEMPORAL_PAYLOAD_KEYS \(encoding "json\/plain"\)/,
    );
    expect(forged.convert).toThrow(/Unknown encoding: refused by the hub: a payload not encrypted/);
    // Encrypted payloads around it still decode: one refusal does not spoil a batch.
    const [sealed] = await codec.encode([plain()]);
    const [refused, fine] = await codec.decode([plain(), sealed]);
    expect(refusalOf(refused)).toBeDefined();
    expect(defaultPayloadConverter.fromPayload(fine)).toEqual(application);
  });

  it("passes plain payloads through only when told to (the replayer's saved histories)", async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(DEV_PAYLOAD_KEYS), 'accept');
    const payload = plain();
    expect(await codec.decode([payload])).toEqual([payload]);
  });
});

describe('TEMPORAL_PAYLOAD_KEYS', () => {
  it('refuses malformed keys', () => {
    expect(() => parsePayloadKeys('nokey')).toThrow(/"<key id>:<base64 key>"/);
    expect(() => parsePayloadKeys('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    const k = keyOf('k1');
    expect(() => parsePayloadKeys(`${k},${k}`)).toThrow(/appears twice/);
    expect(() => parsePayloadKeys(' , ')).toThrow(/at least one key/);
  });

  it('refuses the dev key, under any id, only in production', () => {
    const dev = parsePayloadKeys(DEV_PAYLOAD_KEYS);
    expect(() => assertProductionKeys(dev, { NODE_ENV: 'production' })).toThrow(/dev-only/);
    const renamed = parsePayloadKeys(`${keyOf('k1')},old:${DEV_PAYLOAD_KEYS.split(':')[1]}`);
    expect(() => assertProductionKeys(renamed, { NODE_ENV: 'production' })).toThrow(/dev-only/);
    expect(() => assertProductionKeys(dev, {})).not.toThrow();
    expect(() => assertProductionKeys(parsePayloadKeys(keyOf('k1')), { NODE_ENV: 'production' })).not.toThrow();
  });
});
