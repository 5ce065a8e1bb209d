import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { HonourLevel } from './kinds.js';

/** An honour such as "Four-Good Chamber" (四好商会) at a level, in a year. */
@ObjectType()
@Entity({ tableName: 'honour' })
@Index({ name: 'honour_level_year_idx', properties: ['level', 'year'] })
export class Honour {
  [OptionalProps]?: 'version' | 'title';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'honour_organization_idx' })
  organization!: Organization;

  @Field(() => String, { description: 'The honour, e.g. 四好商会' })
  @Property({ type: 'text' })
  title: string = '四好商会';

  @Field(() => HonourLevel)
  @Enum({ items: () => HonourLevel, type: 'text' })
  level!: HonourLevel;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'ISO date the honour was withdrawn, if it was' })
  @Property({ type: 'date', nullable: true })
  revokedOn?: string | null;

  /**
   * Stored, not derived: a Four-Good recognition is reviewed every two years, so one recorded by
   * a campaign counts through 31 December of year + 2 (a renewal is a new honour); honours
   * entered by hand without a review date (and the report's) have none and count until revoked.
   */
  @Field(() => String, {
    nullable: true,
    description: 'ISO date, the last day the honour counts (campaign honours: 31 Dec of year + 2); null: until revoked',
  })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The evaluation campaign that awarded it; null when entered by hand',
  })
  @Property({ type: 'text', nullable: true })
  campaign?: string | null;

  /** Set by recordHonour: a retried write-back finds its first write. */
  @Property({ type: 'text', nullable: true, unique: 'honour_idempotency_key_unique' })
  idempotencyKey?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
