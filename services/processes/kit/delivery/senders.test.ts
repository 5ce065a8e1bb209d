import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedWebhook } from './senders.js';

// DingTalk's custom robot checks `timestamp` (ms) and `sign`, base64 HMAC-SHA256 over
// "<timestamp>\n<secret>" keyed with the secret, URL-encoded beside the access_token.

describe('signedWebhook', () => {
  const hook = 'https://oapi.dingtalk.com/robot/send?access_token=abc';

  it('leaves a robot without a secret as it is', () => {
    expect(signedWebhook(hook, null)).toBe(hook);
    expect(signedWebhook(hook, '')).toBe(hook);
  });

  it('adds the timestamp and the signature DingTalk computes, keeping the token', () => {
    const url = new URL(signedWebhook(hook, 'SECabc', 1_700_000_000_000));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    // + / = of base64 travel encoded, as DingTalk's documentation asks.
    expect(url.search).not.toMatch(/sign=[^&]*[+/=]/);
  });
});
