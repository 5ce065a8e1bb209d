import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One person has read one notification. The hub keeps the marks (not the browser) so they follow
 * the person from one device to another; a notification without a row is unread for them.
 */
@Entity({ tableName: 'notification_read' })
export class NotificationRead {
  [OptionalProps]?: 'readAt';

  @PrimaryKey({ type: 'text' }) subject!: string;
  @PrimaryKey({ type: 'uuid' }) notificationId!: string;
  @Property({ type: 'timestamptz' }) readAt: Date = new Date();
}
