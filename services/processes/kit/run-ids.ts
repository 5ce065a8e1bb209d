import { createHash } from 'node:crypto';

// Workflow ids an admin can read in the Temporal UI without looking anything up, and with no
// personal data in them: the process, the year, the organisation's code, then a short part that
// keeps the id unique. The rest of the hub treats ids as opaque strings (rows keep their run's
// id), so runs started under older ids resolve as before.

/** The organisation's code in an id: its unified social credit code, else the start of its id. */
function organizationCode(organization: { id: string; creditCode?: string | null }): string {
  return (organization.creditCode ?? organization.id.slice(0, 8)).replace(/[^0-9A-Za-z]/g, '');
}

/**
 * E.g. `training-2026-51330400MA2B0000XX-3f9a1c2b7d`. `keys` make the short part: the same keys
 * give the same id (so Temporal refuses a second start), and cannot be read back from it.
 */
export function readableRunId(
  process: string,
  year: number,
  organization: { id: string; creditCode?: string | null },
  ...keys: string[]
): string {
  const unique = createHash('sha256').update(keys.join('/')).digest('hex').slice(0, 10);
  return `${process}-${year}-${organizationCode(organization)}-${unique}`;
}
