import { describe, expect, it } from 'vitest';
import { formatError } from './errors.js';

describe('formatError', () => {
  it("gives graphql's own variable-limit error (after 50 bad values) the code of the 50 before it", () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    expect(formatError({ message }, new Error(message))).toEqual({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });
  it('masks anything unknown with a reference', () => {
    const masked = formatError({ message: 'relation "x" does not exist' }, new Error('relation "x" does not exist'));
    expect(masked.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) });
    expect(masked.message).not.toContain('relation');
  });
});
