import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A Federation's ways out of the console: the SMTP server and sender its emails leave from, and
 * the DingTalk custom robot (webhook, optional signing secret) of its group. Passwords and the
 * secret are kept for sending and never read back through the API.
 */
@Entity({ tableName: 'notification_channel' })
export class NotificationChannel {
  [OptionalProps]?: 'smtpSecure' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' }) federationId!: string;
  @Property({ type: 'text', nullable: true }) smtpHost?: string | null;
  @Property({ type: 'int', nullable: true }) smtpPort?: number | null;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Property({ type: 'boolean' }) smtpSecure: boolean = false;
  @Property({ type: 'text', nullable: true }) smtpUser?: string | null;
  @Property({ type: 'text', nullable: true }) smtpPassword?: string | null;
  @Property({ type: 'text', nullable: true }) senderAddress?: string | null;
  @Property({ type: 'text', nullable: true }) senderName?: string | null;
  @Property({ type: 'text', nullable: true }) dingTalkWebhook?: string | null;
  @Property({ type: 'text', nullable: true }) dingTalkSecret?: string | null;
  @Property({ type: 'text' }) updatedBy!: string;
  @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();
}

/** Whether the Federation can send email / post to DingTalk at all. */
export const sendsEmail = (channel: NotificationChannel | null | undefined) =>
  Boolean(channel?.smtpHost && channel.senderAddress);
export const postsDingTalk = (channel: NotificationChannel | null | undefined) => Boolean(channel?.dingTalkWebhook);
