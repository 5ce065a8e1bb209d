import DataLoader from 'dataloader';
import type { Collection } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from './entities/organization.js';
import { Relationship } from './entities/relationship.js';
import { Person } from './entities/person.js';
import { Position } from './entities/position.js';
import { Certification } from './entities/certification.js';
import { Rating } from './entities/rating.js';
import { Honour } from './entities/honour.js';
import { DeliberationIssue, JointMeeting, PlatformActivity } from './entities/records.js';
import { AdministrativePenalty, AnnualInspection, ListEntry } from './entities/evaluation-facts.js';
import { CreditEntry, RewardGrant } from './entities/credit.js';
import { Direction, type RelationshipType } from './entities/kinds.js';
import { byId, childrenOf, plainSelect, rowsById } from '../common/loaders.js';

// Per-request batching: a list of N rows costs one query per relation field, not N. Every
// relation a resolver follows goes through one of these (test/statement-count.test.ts).

export interface RelationshipKey {
  organizationId: string;
  type?: RelationshipType | null;
  direction: Direction;
  /** Read both ends' organizations in the same statement (the answer asks for them). */
  withEnds?: boolean;
}

/** A relationship row as the read-only loaders give it: its ends as `{ id }`, as an entity's references. */
type RelationshipRow = Omit<Relationship, 'from' | 'to'> & { from: string; to: string };

/** A many-to-many collection of each owner: MikroORM fills them all with one query on the pivot table. */
function collectionOf<T extends object, R extends object>(em: EntityManager, property: keyof T & string) {
  return new DataLoader<T, R[]>(async (owners) => {
    await em.populate([...owners] as T[], [property] as never);
    return owners.map((owner) => (owner[property] as Collection<R>).getItems());
  });
}

export function createRegistryLoaders(em: EntityManager) {
  const edges = plainSelect(em, Relationship);
  const organizations = plainSelect(em, Organization);
  // Both ends' organizations of the edges read withEnds, for Relationship.from and .to.
  const ends = new WeakMap<Relationship, { from: Organization; to: Organization }>();

  /** The edges at `ids` (one statement; both ends joined when asked), oldest first, as plain rows. */
  async function edgesAt(
    ids: string[],
    type: RelationshipType | null | undefined,
    direction: Direction,
    withEnds: boolean,
  ) {
    const at: string[] = [];
    if (direction !== Direction.INCOMING) at.push('r."from_id" in (?)');
    if (direction !== Direction.OUTGOING) at.push('r."to_id" in (?)');
    const select = withEnds
      ? `select ${edges.columns('r')}, ${organizations.columns('f', 'from.')}, ${organizations.columns('t', 'to.')} from ${edges.table} r
        join ${organizations.table} f on f."id" = r."from_id" join ${organizations.table} t on t."id" = r."to_id"`
      : `select ${edges.columns('r')} from ${edges.table} r`;
    const found = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `${select} where (${at.join(' or ')})${type ? ' and r."type" = ?' : ''} order by r."valid_from", r."id"`,
        [...at.map(() => ids), ...(type ? [type] : [])],
      );
    const seen = new Map<string, Organization>(); // one object per organization (a chamber is an end of every edge)
    const end = (row: Record<string, unknown>, prefix: string) => {
      const id = row[`${prefix}id`] as string;
      if (!seen.has(id)) seen.set(id, organizations.map(row, prefix));
      return seen.get(id)!;
    };
    return found.map((row) => {
      const edge = edges.map(row, '') as unknown as RelationshipRow;
      const plain = Object.assign(edge, { from: { id: edge.from }, to: { id: edge.to } }) as unknown as Relationship;
      if (withEnds) ends.set(plain, { from: end(row, 'from.'), to: end(row, 'to.') });
      return plain;
    });
  }

  // Keys that share (type, direction, withEnds) go out together as one query.
  const relationships = new DataLoader<RelationshipKey, Relationship[], string>(
    async (keys) => {
      const groups = new Map<string, RelationshipKey[]>();
      for (const key of keys) {
        const group = `${key.type ?? '*'}|${key.direction}|${key.withEnds ? 'ends' : ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const byKey = new Map<string, Relationship[]>();
      for (const group of groups.values()) {
        const { type, direction, withEnds } = group[0];
        const rows = await edgesAt(
          group.map((k) => k.organizationId),
          type,
          direction,
          withEnds ?? false,
        );
        for (const key of group) {
          const mine = rows.filter(
            (r) =>
              (direction !== Direction.INCOMING && r.from.id === key.organizationId) ||
              (direction !== Direction.OUTGOING && r.to.id === key.organizationId),
          );
          byKey.set(cacheKey(key), mine);
        }
      }
      return keys.map((k) => byKey.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );

  return {
    // Plain rows: every use is a read-only answer (ends of edges, references, pages' links).
    organization: rowsById(em, Organization),
    person: byId(em, Person),
    relationships,
    /** An edge's end organizations when its loader read them (withEnds), else undefined. */
    endsOf: (edge: Relationship) => ends.get(edge),
    positionsByOrganization: childrenOf(em, Position, 'organization', { validFrom: 'asc', id: 'asc' }),
    positionsByPerson: childrenOf(em, Position, 'person', { validFrom: 'asc', id: 'asc' }),
    certificationsByPerson: childrenOf(em, Certification, 'person', { issuedOn: 'desc', id: 'desc' }),
    ratingsByOrganization: childrenOf(em, Rating, 'organization', { awardedOn: 'desc', id: 'desc' }),
    honoursByOrganization: childrenOf(em, Honour, 'organization', { year: 'desc', id: 'desc' }),
    inspectionsByOrganization: childrenOf(em, AnnualInspection, 'organization', { year: 'desc', id: 'desc' }),
    penaltiesByOrganization: childrenOf(em, AdministrativePenalty, 'organization', { decidedOn: 'desc', id: 'desc' }),
    listEntriesByOrganization: childrenOf(em, ListEntry, 'organization', { listedOn: 'desc', id: 'desc' }),
    creditRecordByOrganization: childrenOf(em, CreditEntry, 'organization', { recordedOn: 'desc', id: 'desc' }),
    rewardGrantsByOrganization: childrenOf(em, RewardGrant, 'organization', { year: 'desc', id: 'desc' }),
    issuesBySession: childrenOf(em, DeliberationIssue, 'session', { id: 'asc' }),
    activityOrganizers: collectionOf<PlatformActivity, Organization>(em, 'organizers'),
    activityParticipants: collectionOf<PlatformActivity, Organization>(em, 'participants'),
    meetingParticipants: collectionOf<JointMeeting, Organization>(em, 'participants'),
  };
}

function cacheKey(key: RelationshipKey): string {
  return `${key.organizationId}|${key.type ?? '*'}|${key.direction}|${key.withEnds ? 'ends' : ''}`;
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
