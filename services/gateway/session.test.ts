import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './session.js';

// Dev sign-in answers only Host headers of this machine's loopback (DNS rebinding, issue 19).
describe('isLoopbackHost', () => {
  it('takes 127.0.0.1, localhost and [::1], with any port', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:4000', 'localhost', 'LOCALHOST:4000', '[::1]', '[::1]:39999'])
      expect(isLoopbackHost(host), host).toBe(true);
  });
  it('refuses every other name, a missing Host and look-alikes', () => {
    for (const host of [
      undefined,
      '',
      'evil.example',
      'evil.example:4000',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      '10.0.0.5:4000',
      '0.0.0.0:4000',
      '[::ffff:127.0.0.1]',
      '127.0.0.1:4000:1',
      'localhost:abc',
    ])
      expect(isLoopbackHost(host), String(host)).toBe(false);
  });
});
