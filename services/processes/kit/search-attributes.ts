import type { Connection } from '@temporalio/client';
// @temporalio/proto is CommonJS: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';

const { temporal } = proto;
import { HUB_SEARCH_ATTRIBUTES, type SearchAttributeKey } from '../../../workflows/human-task/search-attributes.js';

const TYPES = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

/**
 * Registers the hub's search attributes in the namespace (the dev server, docker-compose's
 * server, a production cluster alike) with `extra` ones the catalog's processes bring, adding
 * only those missing. Idempotent.
 */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
  extra: SearchAttributeKey[] = [],
): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set([
    ...Object.keys(existing.customAttributes ?? {}),
    ...Object.keys(existing.systemAttributes ?? {}),
  ]);
  const missing = [...HUB_SEARCH_ATTRIBUTES, ...extra].filter((key) => !known.has(key.name));
  if (!missing.length) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, TYPES[key.type as keyof typeof TYPES]])),
    });
  } catch (error) {
    // Another process registered them between our list and add.
    if (!/already exists/i.test(String((error as Error).message))) throw error;
  }
}
