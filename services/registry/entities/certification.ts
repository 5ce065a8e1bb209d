import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Person } from './person.js';
import { CertificationKind } from './kinds.js';

/** A professional qualification or title a person holds (职业资格 / 专业技术职称). */
@ObjectType()
@Entity({ tableName: 'certification' })
export class Certification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { fieldName: 'person_id', index: 'certification_person_idx' })
  person!: Person;

  @Field(() => CertificationKind)
  @Enum({ items: () => CertificationKind, type: 'text' })
  kind!: CertificationKind;

  @Field(() => String, { description: 'e.g. 社会工作师, 经济师' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  issuer?: string | null;

  @Field(() => String, { description: 'ISO date of issue' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: "ISO date, the last day it is valid (e.g. an evaluation expert's appointment); null: no expiry",
  })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  /**
   * Set by write-backs from the processes (e.g. `training-certificate:<enrollment id>`): a
   * retried activity finds its first write instead of making a second certificate.
   */
  @Property({ type: 'text', nullable: true, unique: 'certification_idempotency_key_unique' })
  idempotencyKey?: string | null;
}
