import { createHash } from 'node:crypto';

/** A stable UUID for a seed record, derived from its natural key, so re-seeding finds it again. */
export function seedId(naturalKey: string): string {
  const hex = createHash('sha1').update(`chamber-hub:${naturalKey}`).digest('hex');
  // Shaped as a version-5 UUID (name-based, SHA-1).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
