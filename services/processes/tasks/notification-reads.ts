import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { TaskNotification } from '../kit/notification.js';
import { NotificationPreference } from '../kit/delivery/preference.js';
import { callerKeys } from '../kit/access.js';
import type { ProcessesContext } from '../kit/context.js';
import { requireUuid } from '../../common/ids.js';
import { badInput, notFound } from '../../common/errors.js';
import { todayInChina } from '../../common/dates.js';

// A person's side of notifications: which they have read (marks kept by the hub, per subject) and
// how they want them outside the console (email, DingTalk). Everyone signed in has both.

/** The audience test as SQL: the caller's keys as bound parameters, one `?` each. */
function audienceOverlap(keys: string[]) {
  return { sql: `n.audience && array[${keys.map(() => '?').join(', ')}]::text[]`, params: keys };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Resolver(() => TaskNotification)
export class NotificationReadsResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the caller has marked it read' })
  read(@Root() notification: TaskNotification, @Ctx() { loaders }: ProcessesContext) {
    return loaders.notificationRead.load(notification.id);
  }

  @Query(() => Int, { description: "How many of the caller's notifications (myNotifications) they have not read" })
  async myUnreadNotificationCount(@Ctx() { em, identity }: ProcessesContext) {
    const overlap = audienceOverlap(callerKeys(identity));
    const [row] = await em.execute<{ count: string }[]>(
      `select count(*) from processes.task_notification n where ${overlap.sql}
         and not exists (select 1 from processes.notification_read r where r.notification_id = n.id and r.subject = ?)`,
      [...overlap.params, identity.subject],
    );
    return Number(row?.count ?? 0);
  }

  @Mutation(() => TaskNotification, { description: "Marks one of the caller's notifications read (again: no change)" })
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() { em, identity }: ProcessesContext) {
    const notification = await em.findOne(TaskNotification, {
      id: requireUuid(id, 'id'),
      audience: { $overlap: callerKeys(identity) },
    });
    if (!notification) throw notFound(`没有编号为 ${id} 的提醒，或它不是发给你的`);
    await em.execute(
      'insert into processes.notification_read (subject, notification_id, read_at) values (?, ?, now()) on conflict do nothing',
      [identity.subject, notification.id],
    );
    return notification;
  }

  @Mutation(() => Int, { description: 'Marks every notification of the caller read; how many were unread' })
  async markAllNotificationsRead(@Ctx() { em, identity }: ProcessesContext) {
    const overlap = audienceOverlap(callerKeys(identity));
    const rows = await em.execute<{ notification_id: string }[]>(
      `insert into processes.notification_read (subject, notification_id, read_at)
         select ?, n.id, now() from processes.task_notification n where ${overlap.sql}
         on conflict do nothing returning notification_id`,
      [identity.subject, ...overlap.params],
    );
    return rows.length;
  }

  @Query(() => NotificationPreference, {
    description: "The caller's delivery choices (none saved: no email, no DingTalk)",
  })
  async myNotificationPreferences(@Ctx() { em, identity }: ProcessesContext) {
    return (
      (await em.findOne(NotificationPreference, { subject: identity.subject })) ??
      Object.assign(new NotificationPreference(), { subject: identity.subject, email: null, dingTalk: false })
    );
  }

  @Mutation(() => NotificationPreference, {
    description:
      "Sets the caller's own delivery choices: an email address (null: none) and DingTalk on/off, sent through their Federation's channels",
  })
  async setMyNotificationPreferences(
    @Arg('email', () => String, { nullable: true }) email: string | null | undefined,
    @Arg('dingTalk', () => Boolean) dingTalk: boolean,
    @Ctx() ctx: ProcessesContext,
  ) {
    const address = email?.trim() || null;
    if (address && (address.length > 254 || !EMAIL.test(address)))
      throw badInput(`“${address}” 不是有效的邮箱地址，请填写如 name@example.com 的地址，或留空表示不收邮件`, 'email');
    const federationId = await federationOf(ctx);
    if ((address || dingTalk) && !federationId)
      throw badInput(
        '你所在的组织目前不属于任何工商联的管辖范围，无法通过邮件或钉钉接收提醒',
        address ? 'email' : 'dingTalk',
      );
    const { em, identity } = ctx;
    await em.upsert(NotificationPreference, {
      subject: identity.subject,
      email: address,
      dingTalk,
      audienceKeys: callerKeys(identity),
      federationId,
      updatedAt: new Date(),
    });
    return em.fork().findOneOrFail(NotificationPreference, { subject: identity.subject });
  }
}

/** The Federation whose channels carry the caller's messages: their own, or the one supervising their organisation. */
async function federationOf({ identity, registry }: ProcessesContext): Promise<string | null> {
  if (identity.federationId) return identity.federationId;
  for (const organizationId of identity.organizationIds) {
    const [federation] = await registry.supervisingFederations(organizationId, todayInChina());
    if (federation) return federation;
  }
  return null;
}
