// Every Temporal payload the hub writes (workflow inputs and results, activity arguments,
// update and query answers, memos, failure details) is encrypted before it leaves the process,
// so the Temporal server, its database and anyone reading its API or UI see only ciphertext.
// AES-256-GCM from node:crypto; the key id travels in the payload's metadata so that a key can
// be rotated: the first configured key encrypts, every configured key decrypts.
//
// Decoding refuses what the hub did not encrypt: a payload in plain JSON (an Update or signal
// sent straight to Temporal's frontend by someone without the key, issue 23), one under a key
// id the hub does not hold, or one that fails authentication. The refusal is not thrown here:
// in the worker this codec runs before the workflow sees its activation, and a throw there
// fails the whole workflow task (retried for ever, the run stuck). Instead the payload becomes
// one whose encoding names the refusal, which no payload converter knows: the SDK's conversion
// inside the workflow then fails, and for an Update the SDK turns a failed conversion into a
// rejection before anything is recorded ("Unknown encoding: refused by the hub: ..."), so the
// forged decision changes nothing. The codec endpoint (services/codec) answers such a payload
// with 400 and the reason. Only the replayer accepts plain payloads (see PlaintextPolicy).
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
// @temporalio/proto is CommonJS: Node's ESM loader (the worker and processes entry points under
// `node --import tsx`) sees only its default export, not a named `temporal`.
import proto from '@temporalio/proto';
const { temporal } = proto;
import type { PayloadKey } from './payload-keys.js';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/** The encoding of a payload the codec refused to decode starts with this, then says why. */
export const REFUSED_PREFIX = 'refused by the hub: ';

/**
 * What decode does with a payload that is not `binary/encrypted`: `refuse` (everywhere the hub
 * talks to Temporal) or `accept` (workflows/replay.test.ts only: the saved histories in
 * workflows/<process>/histories/ are reviewed files of this repository, kept decrypted so they
 * depend on no key; replay runs no activity and sends nothing anywhere).
 */
export type PlaintextPolicy = 'refuse' | 'accept';
const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export class AesGcmPayloadCodec implements PayloadCodec {
  // KeyObjects made once: given the key's bytes, createCipheriv makes one on every call, which
  // took two thirds of a payload's encryption (31 against 11 µs; a decision seals dozens).
  private readonly byId: Map<string, KeyObject>;
  /** The first key, which seals. */
  private readonly sealing: KeyObject;

  constructor(
    private readonly keys: PayloadKey[],
    private readonly plaintext: PlaintextPolicy = 'refuse',
  ) {
    if (keys.length === 0) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, createSecretKey(k.key)]));
    this.sealing = createSecretKey(keys[0].key);
  }

  /** The same keys, accepting plain payloads: for reading a history, never for running one. */
  acceptingPlaintext(): AesGcmPayloadCodec {
    return new AesGcmPayloadCodec(this.keys, 'accept');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id } = this.keys[0];
    const key = this.sealing;
    return payloads.map((payload) => {
      // The whole Payload message (its metadata too: the encoding says "json/plain") is sealed.
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(utf8(id)); // binds the ciphertext to its key id: a relabelled payload fails
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(id), [CIPHER_METADATA]: utf8(CIPHER) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) {
        if (this.plaintext === 'accept') return payload;
        return refused(
          `a payload not encrypted with a key of TEMPORAL_PAYLOAD_KEYS (encoding "${text(payload.metadata?.encoding) ?? '(none)'}"): only the hub's own clients may send to its runs`,
        );
      }
      const id = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = id === undefined ? undefined : this.byId.get(id);
      if (!key) {
        return refused(
          `encrypted with key id "${id ?? '(none)'}", which TEMPORAL_PAYLOAD_KEYS does not hold (it holds ${[...this.byId.keys()].join(', ')}); add the old key after the new one`,
        );
      }
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < IV_BYTES + TAG_BYTES) return refused(`key id "${id}", too short to be AES-GCM ciphertext`);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(utf8(id!));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        return refused(`key id "${id}", failed authentication: tampered, or encrypted with another key of that id`);
      }
      const decoded = temporal.api.common.v1.Payload.decode(plain);
      return { metadata: decoded.metadata, data: decoded.data };
    });
  }
}

/** A payload that stands for a refusal: empty, its encoding the reason (see the top of this file). */
function refused(reason: string): Payload {
  return { metadata: { encoding: utf8(`${REFUSED_PREFIX}${reason}`) }, data: new Uint8Array() };
}

/** The reason when `payload` is a refusal of decode, else undefined. */
export function refusalOf(payload: Payload): string | undefined {
  const encoding = text(payload.metadata?.encoding);
  return encoding?.startsWith(REFUSED_PREFIX) ? encoding.slice(REFUSED_PREFIX.length) : undefined;
}
