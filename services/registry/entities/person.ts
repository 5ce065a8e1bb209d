import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** A person: chamber president, secretary-general, staff, mediator, counsel, Federation leader. */
@ObjectType({ description: 'A person who holds positions in organizations' })
@Entity({ tableName: 'person' })
// Names in pinyin order (orderBy NAME): the collation registry.pinyin (migration ..._pinyin_order).
@Index({
  name: 'person_name_pinyin_idx',
  expression: 'create index "person_name_pinyin_idx" on "registry"."person" ("name" collate "registry"."pinyin", "id")',
})
export class Person {
  [OptionalProps]?: 'createdAt' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Name in Chinese' })
  @Index({ name: 'person_name_idx' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  englishName?: string | null;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when updating' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
