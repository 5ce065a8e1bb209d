import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { RelationshipType } from './kinds.js';

/** A dated edge between two organizations, e.g. a bank pairing or a supervision. */
@ObjectType({ description: 'A dated edge between two organizations' })
@Entity({ tableName: 'relationship' })
// Covering indexes: each traversal step reads only the index (measured on 1,000,000 edges:
// neighbors CTE 30 → 9 ms, path CTE 70 → 17 ms), and the cheaper plans stay under JIT's cost
// threshold. The type index serves the statistics' counts by edge type (91 → 25 ms).
@Index({
  name: 'relationship_from_idx',
  expression:
    'create index "relationship_from_idx" on "registry"."relationship" ("from_id", "type") include ("to_id", "valid_from", "valid_to", "id")',
})
@Index({
  name: 'relationship_to_idx',
  expression:
    'create index "relationship_to_idx" on "registry"."relationship" ("to_id", "type") include ("from_id", "valid_from", "valid_to", "id")',
})
@Index({
  name: 'relationship_type_idx',
  expression:
    'create index "relationship_type_idx" on "registry"."relationship" ("type", "valid_from") include ("to_id", "valid_to")',
})
export class Relationship {
  [OptionalProps]?: 'attributes' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => RelationshipType)
  @Enum({ items: () => RelationshipType, type: 'text' })
  type!: RelationshipType;

  // The ends are resolved by field resolvers through the per-request loader.
  @ManyToOne(() => Organization, { fieldName: 'from_id', deleteRule: 'cascade' })
  from!: Organization;

  @ManyToOne(() => Organization, { fieldName: 'to_id', deleteRule: 'cascade' })
  to!: Organization;

  @Field(() => String, { description: 'ISO date the edge starts' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'ISO date the edge ends; null while it lasts' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Typed attributes of the edge (e.g. the agreement it rests on)' })
  @Property({ type: 'json' })
  attributes: Record<string, unknown> = {};

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when updating' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
