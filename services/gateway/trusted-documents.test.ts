import { describe, expect, it } from 'vitest';
import { documentHash } from './trusted-documents.js';

describe('a trusted document is known by its normalized text', () => {
  const registered = 'query Orgs($first: Int) { organizations(first: $first) { nodes { id name } } }';

  it('whatever the whitespace, commas and comments, and the __typename fields a client cache adds', () => {
    const sent = `# from the bank's system
      query Orgs($first: Int) {
        organizations(first: $first) { __typename, nodes { __typename id name } }
      }`;
    expect(documentHash(sent)).toBe(documentHash(registered));
  });

  it('but not another selection, argument or operation name', () => {
    expect(documentHash(registered.replace('id name', 'id name kind'))).not.toBe(documentHash(registered));
    expect(documentHash(registered.replace('$first: Int', '$first: Int = 100'))).not.toBe(documentHash(registered));
    expect(documentHash(registered.replace('Orgs', 'Other'))).not.toBe(documentHash(registered));
    // An aliased __typename is data the client asked for by name: it counts.
    expect(documentHash(registered.replace('id name', 'id name t: __typename'))).not.toBe(documentHash(registered));
  });

  it('keeps a selection of only __typename a valid document', () => {
    expect(documentHash('{ __typename }')).toBe(documentHash('query { __typename }'));
  });
});
