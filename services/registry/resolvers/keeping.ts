import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../entities/organization.js';
import { referencedRow } from '../audit.js';
import { refuseViolations } from '../rules/violation.js';
import { textViolations } from '../rules/facts.js';
import { conflict } from '../../common/errors.js';
import { todayInChina } from '../../common/dates.js';

// What the officers' mutations on registry facts share (inspection-, penalty-, list- and
// credit-keeping.ts): who may, why a change is made, and the organisation it concerns.

/** Keeping the registry is the Federation officers' daily work; admins may too. */

/** Why (审计原因): required for a correction, revocation or removal; at most 500 characters. */
export function requireReason(reason: string | null | undefined, optional = false): string | null {
  refuseViolations(textViolations(reason, 'reason', '原因（reason）', 500, optional));
  return reason?.trim() || null;
}

export const currentYear = () => Number(todayInChina().slice(0, 4));

export const organizationOf = (tx: EntityManager, id: string) => referencedRow(tx, Organization, id);

/** A unique index refused the write: two officers raced, or the natural key is taken. */
export async function uniqueRace<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(message);
    throw error;
  }
}
