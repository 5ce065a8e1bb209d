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
@Index({ name: 'relationship_from_idx', properties: ['from', 'type'] })
@Index({ name: 'relationship_to_idx', properties: ['to', 'type'] })
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
