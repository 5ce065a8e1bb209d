import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What a Federation supervises, transitively, and when: the closure of the supervision graph
 * (SUPERVISES and FOUNDED from → to, MEMBER_OF to → from) from every FEDERATION, one row per organization
 * and start day, valid_to inclusive (null while it lasts), itself included from -infinity.
 * Nothing in the services writes it: triggers on registry.relationship and
 * registry.organization keep it (the migration "jurisdiction"). Read by services/registry/jurisdiction.
 */
@Entity({ tableName: 'jurisdiction' })
// Covering indexes: the visibility test's probes (jurisdiction/rules.ts) read only the index
// (migration "jurisdiction_covering_indexes" says what the heap fetches cost a list's plan).
@Index({
  name: 'jurisdiction_organization_idx',
  expression:
    'create index "jurisdiction_organization_idx" on "registry"."jurisdiction" ("organization_id", "federation_id") include ("valid_from", "valid_to")',
})
@Index({
  name: 'jurisdiction_federation_idx',
  expression:
    'create index "jurisdiction_federation_idx" on "registry"."jurisdiction" ("federation_id", "organization_id") include ("valid_from", "valid_to")',
})
export class Jurisdiction {
  @PrimaryKey({ type: 'uuid' }) federationId!: string;
  @PrimaryKey({ type: 'uuid' }) organizationId!: string;
  @PrimaryKey({ type: 'date' }) validFrom!: string;
  @Property({ type: 'date', nullable: true }) validTo?: string | null;
}
