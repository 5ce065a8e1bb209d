import { badInput } from './errors.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches the database. */
export function requireUuid(id: string, field = 'id'): string {
  if (!UUID_PATTERN.test(id)) throw badInput(`"${id}" is not a valid id (expected a UUID)`, field);
  return id.toLowerCase();
}
