import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';

/**
 * How a person wants notifications outside the console: by email to their address, and in their
 * Federation's DingTalk group. `audienceKeys` are the person's keys (access.ts callerKeys) when
 * they saved, so a notification's audience finds them by the same overlap test as the inbox;
 * `federationId` says whose channels (SMTP sender, DingTalk robot) carry their messages.
 */
@ObjectType({ description: "A person's own choice of delivery outside the console" })
@Entity({ tableName: 'notification_preference' })
@Index({ name: 'notification_preference_keys_idx', properties: ['audienceKeys'], type: 'gin' })
export class NotificationPreference {
  [OptionalProps]?: 'dingTalk' | 'updatedAt';

  @PrimaryKey({ type: 'text' }) subject!: string;

  @Field(() => String, { nullable: true, description: 'Where emails go; none: no email' })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => Boolean, { description: "Whether their notifications go to their Federation's DingTalk group" })
  @Property({ type: 'boolean' })
  dingTalk: boolean = false;

  @Property({ type: 'text[]' }) audienceKeys!: string[];

  @Property({ type: 'uuid', nullable: true }) federationId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
