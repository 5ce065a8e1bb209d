import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/** One change to the registry: who, when, what, before and after; written in the change's transaction. */
@ObjectType()
@Entity({ tableName: 'audit_entry' })
@Index({ name: 'audit_entry_entity_idx', properties: ['entityType', 'entityId'] })
export class AuditEntry {
  @Field(() => ID) @PrimaryKey({ type: new BigIntType('string'), autoincrement: true }) id!: string;
  @Field(() => String, { description: 'Subject of the token that made the change' })
  @Property({ type: 'text' })
  actor!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) at: Date = new Date();
  @Field(() => String, { description: 'CREATE, UPDATE or END' }) @Property({ type: 'text' }) action!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why, as the person who made the change gave it (a correction must say why)',
  })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
  @Field(() => String) @Property({ type: 'text' }) entityType!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) entityId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) @Property({ type: 'json', nullable: true }) before?: Record<
    string,
    unknown
  > | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) @Property({ type: 'json', nullable: true }) after?: Record<
    string,
    unknown
  > | null;
}
