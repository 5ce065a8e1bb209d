import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

// An integrator as an account (docs/integrators.md, "Integrator accounts"): a system of another
// office (嘉兴市统计局 …) that an admin registered, with what it may run, how often, and which
// data it sees. The gateway reads it to issue client-credentials tokens and to enforce them on
// every request; its secret lives apart (IntegratorSecret), so the audit trail, which keeps
// every column of an audited row, never holds even its hash.

@ObjectType({ description: 'ADMIN: an integrator client (a system that calls the hub with its own credentials)' })
@Entity({ tableName: 'integrator_client' })
export class IntegratorClient {
  [OptionalProps]?: 'version' | 'createdAt' | 'secretVersion' | 'enabled';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The client id it sends to POST /oauth/token (not secret)' })
  @Unique({ name: 'integrator_client_client_id_unique' })
  @Property({ type: 'text' })
  clientId!: string;

  @Field(() => String, { description: 'Who it is, e.g. 嘉兴市统计局' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Boolean, { description: 'A disabled client gets no token, and its tokens are refused' })
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Field(() => [String], { description: 'Names of the trusted documents it may run (empty: none)' })
  @Property({ type: 'json' })
  operations!: string[];

  @Field(() => Int, { nullable: true, description: 'Requests allowed per minute (null: no per-minute quota)' })
  @Property({ type: 'integer', nullable: true })
  requestsPerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests allowed per Asia/Shanghai day (null: no daily quota)' })
  @Property({ type: 'integer', nullable: true })
  requestsPerDay?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: "The Federation whose jurisdiction it reads (null: public data only, as any integrator's token)",
  })
  @Property({ type: 'uuid', nullable: true })
  federationId?: string | null;

  @Field(() => Int, { description: 'Raised by each rotation: tokens of an older secret are refused' })
  @Property({ type: 'integer' })
  secretVersion: number = 1;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** The hash of a client's current secret (scrypt; services/registry/integrators/secret.ts). */
@Entity({ tableName: 'integrator_secret' })
export class IntegratorSecret {
  @PrimaryKey({ type: 'uuid' }) clientRowId!: string;
  @Property({ type: 'text' }) hash!: string;
}

/** What a client did on one Asia/Shanghai day with one operation, summed by the gateway's flushes. */
@Entity({ tableName: 'integrator_usage' })
export class IntegratorUsage {
  @PrimaryKey({ type: 'text' }) clientId!: string;
  @PrimaryKey({ type: 'date' }) day!: string;
  @PrimaryKey({ type: 'text' }) operation!: string;
  @Property({ type: 'bigint', runtimeType: 'number' }) requests!: number;
  @Property({ type: 'bigint', runtimeType: 'number' }) errors!: number;
  @Property({ type: 'bigint', runtimeType: 'number' }) rows!: number;
}
