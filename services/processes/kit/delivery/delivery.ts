import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  DINGTALK = 'DINGTALK',
}
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel', description: 'Email or DingTalk (钉钉) group robot' });

export enum DeliveryStatus {
  /** Waiting for its first attempt. */
  PENDING = 'PENDING',
  /** Failed at least once; tried again at nextAttemptAt. */
  RETRYING = 'RETRYING',
  /** Failed every attempt allowed; an admin may retry it. */
  FAILED = 'FAILED',
  SENT = 'SENT',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

/**
 * One message to send outside the console, written in the same transaction as its notification
 * (the outbox): the delivery loop (loop.ts) sends it, retries with backoff and records each
 * attempt, so a process never waits on, nor fails with, a mail server or DingTalk.
 * An email goes to one person (`recipient` their subject, `address` their email); a DingTalk
 * message goes once to a Federation's group (`recipient` is `fed:<id>`).
 */
@ObjectType({ description: 'A notification on its way by email or DingTalk (the outbox)' })
@Entity({ tableName: 'notification_delivery' })
@Unique({ name: 'notification_delivery_once_idx', properties: ['notificationId', 'channel', 'recipient'] })
@Index({ name: 'notification_delivery_due_idx', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'notification_delivery_federation_idx', properties: ['federationId', 'createdAt'] })
export class NotificationDelivery {
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'createdAt';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) notificationId!: string;
  @Property({ type: 'uuid' }) federationId!: string;

  @Field(() => DeliveryChannel)
  @Enum({ items: () => DeliveryChannel, type: 'text' })
  channel!: DeliveryChannel;

  @Property({ type: 'text' }) recipient!: string;

  @Field(() => String, { nullable: true, description: 'The email address; null for a DingTalk group' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { description: 'What is sent, in Chinese' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus, type: 'text' })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int) @Property({ type: 'int' }) attempts: number = 0;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it is tried next (PENDING, RETRYING)' })
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
