import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';
import { HubError } from '../common/errors.js';
import type { HubConfig } from '../common/config.js';

// Trusted documents: in production the gateway can be told to run only the operations it was
// given at start (TRUSTED_DOCUMENTS=enforce). A document is known by the SHA-256 of its
// normalized text: printed by graphql-js (so whitespace, commas and comments do not count) with
// the `__typename` fields a client's cache adds removed, so the console's operations match the
// hashes its build wrote whatever its Apollo Client adds.

/** One registered operation, as the files hold it. */
export interface TrustedDocument {
  name: string;
  query: string;
  /** Also published as `GET /api/v1/<name>` (rest.ts); queries only. */
  rest?: boolean;
}

/** The console's build writes its operations here, beside the files the gateway serves. */
const CONSOLE_DOCUMENTS_FILE = 'trusted-documents.json';

const withoutTypename = (document: DocumentNode): DocumentNode =>
  visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
    // A selection set left empty by that (`{ __typename }` alone) keeps its one field.
    SelectionSet: {
      leave: (node) =>
        node.selections.length
          ? undefined
          : { ...node, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
    },
  });

/** The hash a document is registered and recognized by. */
export function documentHash(document: DocumentNode | string): string {
  const parsed = typeof document === 'string' ? parse(document) : document;
  return createHash('sha256')
    .update(print(withoutTypename(parsed)))
    .digest('hex');
}

/** Reads registered documents: a JSON array of `{ name, query }`, or `{ documents: [...] }`. */
function readTrustedDocuments(file: string): TrustedDocument[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { documents?: unknown }).documents;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of { name, query } or { documents: [...] }`);
  return list.map((entry, i) => {
    const { name, query, rest } = entry as Partial<TrustedDocument>;
    if (typeof name !== 'string' || typeof query !== 'string')
      throw new Error(`${file}: document ${i + 1} needs a string name and a string query`);
    if (rest !== undefined && typeof rest !== 'boolean') throw new Error(`${file}: ${name}: rest is true or false`);
    if (rest && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new Error(`${file}: ${name}: a published document's name is its path: letters, digits, - and _`);
    parse(query); // a document that does not parse is a mistake in the file, found at start
    return { name, query, rest: rest ?? false };
  });
}

/** The integrators' documents published as REST endpoints (`"rest": true` in their files). */
export function publishedDocuments(settings: Pick<HubConfig, 'trustedDocuments'>): TrustedDocument[] {
  return settings.trustedDocuments.files.flatMap(readTrustedDocuments).filter((d) => d.rest);
}

/** The registered hashes, by name, from the console's build and the configured files. */
export function trustedHashes(settings: Pick<HubConfig, 'consoleDir' | 'trustedDocuments'>): Map<string, string> {
  const consoleFile = join(settings.consoleDir, CONSOLE_DOCUMENTS_FILE);
  const files = [...(existsSync(consoleFile) ? [consoleFile] : []), ...settings.trustedDocuments.files];
  return new Map(files.flatMap(readTrustedDocuments).map((d) => [documentHash(d.query), d.name]));
}

// Apollo Server keeps parsed documents in its cache: the same text comes back as the same
// DocumentNode, so each is printed and hashed once, not on every request.
const hashes = new WeakMap<DocumentNode, string>();
export function hashOf(document: DocumentNode): string {
  let hash = hashes.get(document);
  if (hash === undefined) hashes.set(document, (hash = documentHash(document)));
  return hash;
}

/** Refuses, before any plan or fetch, an operation whose hash is not registered. */
export function trustedDocumentsOnly<C extends BaseContext>(
  trusted: ReadonlyMap<string, string>,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          const hash = hashOf(document);
          if (trusted.has(hash)) return;
          throw new HubError(
            'OPERATION_NOT_TRUSTED',
            '此网关只执行已登记的操作（可信文档）；请将该操作登记后再调用。This gateway runs registered operations only: register this operation first.',
            { http: { status: 400 }, hash },
          );
        },
      };
    },
  };
}
