import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { PositionRole } from './kinds.js';

/** A person's role in an organization over a period (职务). */
@ObjectType({ description: 'A person holding a role in an organization from one date to another' })
@Entity({ tableName: 'position' })
@Index({ name: 'position_organization_idx', properties: ['organization', 'role'] })
export class Position {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { fieldName: 'person_id', index: 'position_person_idx' })
  person!: Person;

  @ManyToOne(() => Organization, { fieldName: 'organization_id' })
  organization!: Organization;

  @Field(() => PositionRole)
  @Enum({ items: () => PositionRole, type: 'text' })
  role!: PositionRole;

  @Field(() => String, { description: 'ISO date the position starts' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'ISO date it ends; null while held' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
