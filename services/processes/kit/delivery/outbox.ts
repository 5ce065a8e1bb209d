import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TaskNotification } from '../notification.js';
import { NotificationPreference } from './preference.js';
import { NotificationChannel, postsDingTalk, sendsEmail } from './channel.js';
import { DeliveryChannel, NotificationDelivery } from './delivery.js';

/**
 * The deliveries of a notification, added to `em` beside it (the caller's transaction writes both
 * or neither): an email to each person of its audience who gave an address, one DingTalk message
 * to each Federation whose people in the audience asked for DingTalk, when that Federation has
 * the channel. Nothing is sent here; the delivery loop does, whatever NOTIFICATION_DELIVERY says
 * about sending (off: the rows wait, visible to admins).
 */
export async function addDeliveries(
  em: EntityManager,
  notification: Pick<TaskNotification, 'id' | 'message' | 'audience' | 'createdAt'>,
): Promise<void> {
  if (!notification.audience.length) return;
  const people = await em.find(NotificationPreference, {
    audienceKeys: { $overlap: notification.audience },
    federationId: { $ne: null },
    $or: [{ email: { $ne: null } }, { dingTalk: true }],
  });
  if (!people.length) return;
  const federations = [...new Set(people.map((p) => p.federationId!))];
  const channels = new Map(
    (await em.find(NotificationChannel, { federationId: { $in: federations } })).map((c) => [c.federationId, c]),
  );
  const row = (channel: DeliveryChannel, federationId: string, recipient: string, address: string | null) =>
    em.create(NotificationDelivery, {
      notificationId: notification.id,
      federationId,
      channel,
      recipient,
      address,
      message: notification.message,
      createdAt: notification.createdAt,
      nextAttemptAt: notification.createdAt,
    });
  const groups = new Set<string>();
  for (const person of people) {
    const channel = channels.get(person.federationId!);
    if (person.email && sendsEmail(channel))
      row(DeliveryChannel.EMAIL, channel!.federationId, person.subject, person.email);
    if (person.dingTalk && postsDingTalk(channel)) groups.add(channel!.federationId);
  }
  for (const federationId of groups) row(DeliveryChannel.DINGTALK, federationId, `fed:${federationId}`, null);
}

/** A notification and its deliveries, added to `em` together: the one way the hub writes one. */
export async function writeNotification(
  em: EntityManager,
  data: RequiredEntityData<TaskNotification>,
): Promise<TaskNotification> {
  const notification = em.create(TaskNotification, data);
  await addDeliveries(em, notification);
  return notification;
}
