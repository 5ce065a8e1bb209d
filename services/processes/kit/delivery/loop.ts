import type { MikroORM } from '@mikro-orm/postgresql';
import { log } from '../../../common/log.js';
import { NotificationChannel } from './channel.js';
import { DeliveryChannel, DeliveryStatus, NotificationDelivery } from './delivery.js';
import { sendDingTalk, sendEmail } from './senders.js';

// The outbox's sender: every few seconds it takes the deliveries that are due, sends each and
// writes down how it went. Rows are claimed by pushing their next attempt past a lease (with
// SKIP LOCKED), so replicas of the processes service never send one twice at once, and a
// replica that dies mid-send leaves its rows to be taken again when the lease ends.

export interface DeliverySettings {
  /** NOTIFICATION_DELIVERY: whether this hub sends at all (off in development by default). */
  enabled: boolean;
  /** NOTIFICATION_DELIVERY_INTERVAL_MS: how often the loop looks for due deliveries. */
  intervalMs: number;
  /** NOTIFICATION_RETRY_BASE_MS: the wait after the first failure; it doubles with each failure (at most an hour). */
  retryBaseMs: number;
  /** NOTIFICATION_MAX_ATTEMPTS: failures before a delivery is FAILED (an admin may retry it). */
  maxAttempts: number;
}

const BATCH = 20;
const LEASE_SECONDS = 120;
const MAX_BACKOFF_MS = 3_600_000;

type Send = (delivery: NotificationDelivery, channel: NotificationChannel | null) => Promise<void>;

const send: Send = async (delivery, channel) => {
  if (!channel) throw new Error('该工商联已删除发送渠道设置');
  if (delivery.channel === DeliveryChannel.EMAIL) {
    if (!channel.smtpHost || !channel.senderAddress) throw new Error('该工商联未设置邮件服务器或发件地址');
    return sendEmail(channel, delivery.address!, delivery.message);
  }
  if (!channel.dingTalkWebhook) throw new Error('该工商联未设置钉钉机器人');
  return sendDingTalk(channel, delivery.message);
};

/** Sends what is due once; returns how many deliveries it tried. */
export async function deliverDue(orm: MikroORM, settings: DeliverySettings, now = () => new Date()): Promise<number> {
  const claimed = await orm.em.getConnection().execute<{ id: string }[]>(
    `update processes.notification_delivery set next_attempt_at = now() + interval '${LEASE_SECONDS} seconds'
      where id in (select id from processes.notification_delivery
                    where status in ('PENDING', 'RETRYING') and next_attempt_at <= now()
                    order by next_attempt_at limit ${BATCH} for update skip locked)
      returning id`,
  );
  if (!claimed.length) return 0;
  const em = orm.em.fork();
  const deliveries = await em.find(NotificationDelivery, { id: { $in: claimed.map((row) => row.id) } });
  const channels = new Map(
    (await em.find(NotificationChannel, { federationId: { $in: deliveries.map((d) => d.federationId) } })).map((c) => [
      c.federationId,
      c,
    ]),
  );
  for (const delivery of deliveries) {
    const attemptedAt = now();
    try {
      await send(delivery, channels.get(delivery.federationId) ?? null);
      Object.assign(delivery, { status: DeliveryStatus.SENT, sentAt: now(), nextAttemptAt: null });
    } catch (error) {
      const failures = delivery.attempts + 1;
      const gaveUp = failures >= settings.maxAttempts;
      Object.assign(delivery, {
        status: gaveUp ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        nextAttemptAt: gaveUp
          ? null
          : new Date(attemptedAt.getTime() + Math.min(settings.retryBaseMs * 2 ** (failures - 1), MAX_BACKOFF_MS)),
      });
    }
    delivery.attempts += 1;
    delivery.lastAttemptAt = attemptedAt;
    await em.flush(); // each outcome kept as soon as known
  }
  return deliveries.length;
}

/** Runs deliverDue every intervalMs until stopped; a failing round is logged, never thrown. */
export function startDeliveryLoop(orm: MikroORM, settings: DeliverySettings): { stop: () => Promise<void> } {
  let stopped = false;
  let round: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    round = deliverDue(orm, settings)
      .catch((error: unknown) => log.warn('notification delivery round failed', { service: 'processes', error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, settings.intervalMs);
      });
  };
  timer = setTimeout(tick, settings.intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
