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
  // Keys that share (type, direction) go out together as one query.
  const relationships = new DataLoader<RelationshipKey, Relationship[], string>(
    async (keys) => {
      const groups = new Map<string, RelationshipKey[]>();
      for (const key of keys) {
        const group = `${key.type ?? '*'}|${key.direction}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const byKey = new Map<string, Relationship[]>();
      for (const group of groups.values()) {
        const { type, direction } = group[0]!;
        const ids = group.map((k) => k.organizationId);
        // Plain rows, not entities: the answer only reads their columns (see plainSelect).
        const ends: string[] = [];
        if (direction !== Direction.INCOMING) ends.push('"from_id" in (?)');
        if (direction !== Direction.OUTGOING) ends.push('"to_id" in (?)');
        const found = await em.getConnection().execute<Record<string, unknown>[]>(
          `${edges.sql} where (${ends.join(' or ')})${type ? ' and "type" = ?' : ''} order by "valid_from", "id"`,
          [...ends.map(() => ids), ...(type ? [type] : [])],
        );
        const rows = found.map((row) => {
          const edge = edges.map(row) as unknown as RelationshipRow;
          return { ...edge, from: { id: edge.from }, to: { id: edge.to } } as unknown as Relationship;
        });
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
  return `${key.organizationId}|${key.type ?? '*'}|${key.direction}`;
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
