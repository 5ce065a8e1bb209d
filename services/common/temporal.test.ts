import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow/index.js';
import { hubDataConverter } from './temporal.js';
import { DEV_PAYLOAD_KEYS, parsePayloadKeys } from './payload-keys.js';

// Failures as the worker writes them into history (activity and workflow failures), through
// the hub's real data converter: the message and stack must not be in the plain fields.

describe('the hub data converter', () => {
  it('writes failure messages and stacks into the encrypted payload only', async () => {
    const converter = loadDataConverter(
      hubDataConverter({ payloadKeys: parsePayloadKeys(`k1:${randomBytes(32).toString('base64')}`) }),
    );
    const error = ApplicationFailure.create({
      type: 'BAD_DECISION',
      message: '张三的申请被拒绝：材料不全',
      details: [{ reason: '材料不全' }],
    });
    const failure = await encodeErrorToFailure(converter, error);
    const stored = JSON.stringify(failure);
    expect(failure.message).toBe('Encoded failure');
    expect(stored).not.toContain('张三');
    const base64Plain = Buffer.from('张三').toString('base64');
    expect(stored).not.toContain(base64Plain);
    expect(new TextDecoder().decode(failure.encodedAttributes!.metadata!.encoding)).toBe('binary/encrypted');
    const back = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(back?.message).toBe('张三的申请被拒绝：材料不全');
    expect((back as ApplicationFailure).details).toEqual([{ reason: '材料不全' }]);
  });

  it('refuses the dev key in production', () => {
    expect(() =>
      hubDataConverter({ payloadKeys: parsePayloadKeys(DEV_PAYLOAD_KEYS) }, { NODE_ENV: 'production' }),
    ).toThrow(/dev-only/);
  });
});
