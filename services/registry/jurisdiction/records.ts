import { visibleParams, visibleSql } from './rules.js';

// Whose a record is, in SQL, for the reads that hold records of every type in one table: the
// change feed (registry.change, the row's columns as written, snake_case) and the audit trail
// (registry.audit_entry, the entity's fields, camelCase). A record is visible when the
// organisation it belongs to is (docs/jurisdiction.md); a person when they hold or held a
// position in a visible organisation, or hold none; an edge when either end is visible (it is
// a record of both); an activity or meeting through one of its organisations.

/** A SQL condition and the positional parameters it binds, in order. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/** "The person in `person` is visible": holds or held a position in a visible organisation, or holds none. */
export function personVisible(person: string, federationId: string, day: string): Condition {
  return {
    sql: `(exists (select 1 from registry.position p where p.person_id = ${person} and ${visibleSql('p.organization_id')})
      or not exists (select 1 from registry.position p where p.person_id = ${person}))`,
    params: visibleParams(federationId, day),
  };
}

/** The column that names a record's organisation, by the record's GraphQL type (snake_case). */
const OWNER_COLUMN: Record<string, string> = {
  Position: 'organization_id',
  Rating: 'organization_id',
  Honour: 'organization_id',
  AnnualInspection: 'organization_id',
  AdministrativePenalty: 'organization_id',
  ListEntry: 'organization_id',
  CreditEntry: 'organization_id',
  RewardGrant: 'organization_id',
  CharityRecord: 'organization_id',
  LiaisonVisit: 'organization_id',
  DeliberationSession: 'organization_id',
  Loan: 'enterprise_id',
  MediationCase: 'committee_id',
  InvestmentProject: 'introduced_by_id',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * "The record a row of a mixed table describes is visible": `type` and `id` are the columns of
 * its type and id, `values` the JSON of its fields (null for a deletion: a deletion carries no
 * values, only the id, and is shown), `camelKeys` whether those fields are camelCase. The record's
 * organisations are gathered first and judged by one test (a large CASE of tests made PostgreSQL
 * JIT-compile the statement for seconds); a record with none (the reward fund, service
 * categories, a person without positions) is shown.
 */
export function recordVisible(
  columns: { type: string; id: string; values: string; camelKeys: boolean },
  federationId: string,
  day: string,
): Condition {
  const key = (column: string) => `(${columns.values}->>'${columns.camelKeys ? camel(column) : column}')::uuid`;
  const linked = (pivot: string, owner: string, id = columns.id) =>
    `select x.organization_id from registry.${pivot} x where x.${owner} = ${id}`;
  const owners = [
    `when 'Organization' then array[${columns.id}]`,
    `when 'Person' then array(${linked('position', 'person_id')})`,
    `when 'Certification' then array(${linked('position', 'person_id', key('person_id'))})`,
    `when 'Relationship' then array[${key('from_id')}, ${key('to_id')}]`,
    `when 'DeliberationIssue' then array(select s.organization_id from registry.deliberation_session s where s.id = ${key('session_id')})`,
    `when 'PlatformActivity' then array(${linked('platform_activity_organizer', 'activity_id')}
       union all ${linked('platform_activity_participant', 'activity_id')})`,
    `when 'JointMeeting' then array(${linked('joint_meeting_participant', 'meeting_id')})`,
    ...Object.entries(OWNER_COLUMN).map(([type, column]) => `when '${type}' then array[${key(column)}]`),
  ];
  // The organisations the caller does not see, once per statement (a hashed NOT IN), rather
  // than visibleSql's two correlated tests per owner of every row.
  const hidden = `select h.organization_id from registry.jurisdiction h
    where h.valid_from <= ?::date and (h.valid_to is null or h.valid_to >= ?::date)
    group by h.organization_id having not bool_or(h.federation_id = ?::uuid)`;
  return {
    sql: `(${columns.values} is null or coalesce((select bool_or(o.id not in (${hidden}))
      from unnest(case ${columns.type} ${owners.join('\n      ')} end) o(id)), true))`,
    params: [day, day, federationId],
  };
}
