import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';

/** A named filter of processRuns kept on the server: the owner's own, or shared with every admin. */
@ObjectType({ description: 'A saved filter of processRuns ("stuck evaluations"): private to its owner or shared' })
@Entity({ tableName: 'saved_run_view' })
@Unique({ name: 'saved_run_view_owner_name_idx', properties: ['owner', 'name'] })
@Index({ name: 'saved_run_view_shared_idx', properties: ['shared'] })
export class SavedRunView {
  [OptionalProps]?: 'shared' | 'createdAt' | 'updatedAt' | 'federationId';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String) @Property({ type: 'text' }) name!: string;
  @Field(() => String, { description: 'Subject of the admin who saved it' }) @Property({ type: 'text' }) owner!: string;
  @Field(() => Boolean) @Property({ type: 'boolean' }) shared: boolean = false;
  @Field(() => GraphQLJSONObject, { description: 'The processRuns filter, as given' })
  @Property({ type: 'json' })
  filter!: Record<string, unknown>;
  /** The owner's Federation: a shared view is shared within its jurisdiction (views from before: with every admin). */
  @Property({ type: 'uuid', nullable: true }) federationId?: string | null;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();
}
