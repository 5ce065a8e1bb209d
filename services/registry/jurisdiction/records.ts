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
 * values, only the id, and is shown), `camelKeys` whether those fields are camelCase.
 * Types that belong to no organisation (the reward fund, service categories) are shown.
 */
export function recordVisible(
  columns: { type: string; id: string; values: string; camelKeys: boolean },
  federationId: string,
  day: string,
): Condition {
  const params: unknown[] = [];
  const key = (column: string) => `(${columns.values}->>'${columns.camelKeys ? camel(column) : column}')::uuid`;
  const organization = (expr: string) => {
    params.push(...visibleParams(federationId, day));
    return visibleSql(expr);
  };
  const person = (expr: string) => {
    const condition = personVisible(expr, federationId, day);
    params.push(...condition.params);
    return condition.sql;
  };
  const linked = (pivot: string, owner: string) =>
    `exists (select 1 from registry.${pivot} x where x.${owner} = ${columns.id} and ${organization('x.organization_id')})`;
  const branches = [
    `when 'Organization' then ${organization(columns.id)}`,
    `when 'Person' then ${person(columns.id)}`,
    `when 'Certification' then ${person(key('person_id'))}`,
    `when 'Relationship' then (${organization(key('from_id'))} or ${organization(key('to_id'))})`,
    `when 'DeliberationIssue' then exists (select 1 from registry.deliberation_session s
       where s.id = ${key('session_id')} and ${organization('s.organization_id')})`,
    `when 'PlatformActivity' then (${linked('platform_activity_organizer', 'activity_id')}
       or ${linked('platform_activity_participant', 'activity_id')})`,
    `when 'JointMeeting' then ${linked('joint_meeting_participant', 'meeting_id')}`,
    ...Object.entries(OWNER_COLUMN).map(([type, column]) => `when '${type}' then ${organization(key(column))}`),
  ];
  return {
    sql: `(${columns.values} is null or case ${columns.type} ${branches.join('\n    ')} else true end)`,
    params,
  };
}
