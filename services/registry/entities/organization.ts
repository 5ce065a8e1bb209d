import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { OrganizationKind } from './kinds.js';

/** An organization of any kind: the Federation, a chamber, an enterprise, a bank, a village ... */
@ObjectType({ description: "An organization in the Federation's graph (names in Chinese, optional English name)" })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'organization' })
// Trigram index: text search over Chinese names is a substring match (ILIKE '%…%'), which a
// b-tree cannot serve. The pg_trgm extension is created by the registry's migration.
@Index({
  name: 'organization_name_trgm_idx',
  expression:
    'create index "organization_name_trgm_idx" on "registry"."organization" using gin ("name" public.gin_trgm_ops)',
})
// Names in pinyin order (orderBy NAME, services/registry/query/): the ICU collation
// registry.pinyin, made by migration ..._pinyin_order, then the id as the cursor's tie-breaker.
@Index({
  name: 'organization_name_pinyin_idx',
  expression:
    'create index "organization_name_pinyin_idx" on "registry"."organization" ("name" collate "registry"."pinyin", "id")',
})
export class Organization {
  [OptionalProps]?: 'createdAt' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Full Chinese name, e.g. 嘉兴市温州商会' })
  @Index({ name: 'organization_name_idx' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  englishName?: string | null;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind, type: 'text' })
  @Index({ name: 'organization_kind_idx' })
  kind!: OrganizationKind;

  @Field(() => String, { description: 'GB/T 2260 administrative division code of the seat, e.g. 330400' })
  @Property({ type: 'character', length: 6 })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'For out-of-town chambers: the region its members come from' })
  @Property({ type: 'character', length: 6, nullable: true })
  homeRegionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码, GB 32100-2015)' })
  @Property({ type: 'character', length: 18, nullable: true, unique: 'organization_credit_code_unique' })
  creditCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date of registration (登记日期) with the civil-affairs authority; null when not recorded (kinds other than social organizations)',
  })
  @Property({ type: 'date', nullable: true })
  registeredOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date the organization ceased (deregistered, merged); null while active',
  })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when updating' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
