import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { Grade } from './kinds.js';

/** A social-organization grade (1A–5A) awarded on a date; it stays valid for five years. */
@ObjectType({ description: 'A 1A–5A social-organization grade; valid five years from awardedOn' })
@Entity({ tableName: 'rating' })
@Index({ name: 'rating_organization_idx', properties: ['organization', 'awardedOn'] })
export class Rating {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { fieldName: 'organization_id' })
  organization!: Organization;

  @Field(() => Grade)
  @Enum({ items: () => Grade, type: 'text' })
  grade!: Grade;

  @Field(() => String, { description: 'ISO date the grade was awarded' })
  @Property({ type: 'date' })
  awardedOn!: string;

  @Field(() => String, { nullable: true, description: 'Who assessed it, e.g. 嘉兴市民政局' })
  @Property({ type: 'text', nullable: true })
  awardedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date it was withdrawn early, if it was' })
  @Property({ type: 'date', nullable: true })
  revokedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The evaluation campaign that awarded it (e.g. RATING-2020); null when entered by hand',
  })
  @Property({ type: 'text', nullable: true })
  campaign?: string | null;

  /** Set by recordRating: a retried write-back finds its first write (unique, null for admin entries). */
  @Property({ type: 'text', nullable: true, unique: 'rating_idempotency_key_unique' })
  idempotencyKey?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
