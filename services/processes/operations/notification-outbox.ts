import {
  Args,
  ArgsType,
  Authorized,
  Arg,
  Ctx,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { ProcessesContext } from '../kit/context.js';
import { NotificationChannel } from '../kit/delivery/channel.js';
import { DeliveryStatus, NotificationDelivery } from '../kit/delivery/delivery.js';
import { Connection, PageArgs, findPage } from '../../common/connection.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';

// A Federation admin's side of delivery outside the console: where their Federation's emails
// leave from and which DingTalk robot posts for it, and the outbox of what was (or could not be)
// sent, with a retry for what failed. An admin sees and sets only their own Federation's.

/** A Federation's channels as admins read them: passwords and secrets only as "set or not". */
@ObjectType({ description: "ADMIN: the caller's Federation's email and DingTalk channels" })
class NotificationChannels {
  @Field(() => String, { nullable: true }) smtpHost!: string | null;
  @Field(() => Int, { nullable: true }) smtpPort!: number | null;
  @Field(() => Boolean) smtpSecure!: boolean;
  @Field(() => String, { nullable: true }) smtpUser!: string | null;
  @Field(() => Boolean, { description: 'Whether an SMTP password is kept (never shown)' }) smtpPasswordSet!: boolean;
  @Field(() => String, { nullable: true, description: 'The From address' }) senderAddress!: string | null;
  @Field(() => String, { nullable: true, description: 'The From name' }) senderName!: string | null;
  @Field(() => String, { nullable: true, description: 'The robot webhook with its access_token hidden' })
  dingTalkWebhook!: string | null;
  @Field(() => Boolean, { description: 'Whether a signing secret is kept (never shown)' }) dingTalkSigned!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@InputType({ description: 'What to change; a field left out (or null) keeps its value, an empty text clears it' })
class NotificationChannelsInput {
  @Field(() => String, { nullable: true }) smtpHost?: string;
  @Field(() => Int, { nullable: true }) smtpPort?: number;
  @Field(() => Boolean, { nullable: true }) smtpSecure?: boolean;
  @Field(() => String, { nullable: true }) smtpUser?: string;
  @Field(() => String, { nullable: true }) smtpPassword?: string;
  @Field(() => String, { nullable: true }) senderAddress?: string;
  @Field(() => String, { nullable: true }) senderName?: string;
  @Field(() => String, { nullable: true, description: 'https://oapi.dingtalk.com/robot/send?access_token=…' })
  dingTalkWebhook?: string;
  @Field(() => String, { nullable: true, description: "The robot's signing secret (SEC…), when it signs" })
  dingTalkSecret?: string;
}

const NotificationDeliveryConnection = Connection('NotificationDelivery', NotificationDelivery);

@ArgsType()
class DeliveryArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this state' })
  status?: DeliveryStatus;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function hiddenToken(webhook: string): string {
  try {
    const url = new URL(webhook);
    if (url.searchParams.has('access_token')) url.searchParams.set('access_token', '…');
    return decodeURI(url.toString());
  } catch {
    return webhook;
  }
}

function view(channel: NotificationChannel | null): NotificationChannels {
  return {
    smtpHost: channel?.smtpHost ?? null,
    smtpPort: channel?.smtpPort ?? null,
    smtpSecure: channel?.smtpSecure ?? false,
    smtpUser: channel?.smtpUser ?? null,
    smtpPasswordSet: Boolean(channel?.smtpPassword),
    senderAddress: channel?.senderAddress ?? null,
    senderName: channel?.senderName ?? null,
    dingTalkWebhook: channel?.dingTalkWebhook ? hiddenToken(channel.dingTalkWebhook) : null,
    dingTalkSigned: Boolean(channel?.dingTalkSecret),
    updatedAt: channel?.updatedAt ?? null,
  };
}

function checked(input: NotificationChannelsInput): Partial<NotificationChannel> {
  // Left out or null: kept as it is. An empty text clears it.
  const text = (value: string | null | undefined) => (value == null ? undefined : value.trim() || null);
  const changes = {
    smtpHost: text(input.smtpHost),
    smtpPort: input.smtpPort ?? undefined,
    smtpSecure: input.smtpSecure ?? undefined,
    smtpUser: text(input.smtpUser),
    smtpPassword: input.smtpPassword == null ? undefined : input.smtpPassword || null,
    senderAddress: text(input.senderAddress),
    senderName: text(input.senderName),
    dingTalkWebhook: text(input.dingTalkWebhook),
    dingTalkSecret: text(input.dingTalkSecret),
  };
  if (changes.smtpPort !== undefined && (changes.smtpPort < 1 || changes.smtpPort > 65535))
    throw badInput(`邮件服务器端口须在 1 到 65535 之间（常用 465 或 587），收到 ${changes.smtpPort}`, 'smtpPort');
  if (changes.senderAddress && !EMAIL.test(changes.senderAddress))
    throw badInput(
      `“${changes.senderAddress}” 不是有效的发件邮箱地址，请填写如 notice@example.org 的地址`,
      'senderAddress',
    );
  if (changes.dingTalkWebhook) {
    let url: URL | undefined;
    try {
      url = new URL(changes.dingTalkWebhook);
    } catch {
      // refused below
    }
    if (!url || !['https:', 'http:'].includes(url.protocol))
      throw badInput(
        '钉钉机器人地址须是完整的网址，如 https://oapi.dingtalk.com/robot/send?access_token=…（在钉钉群的机器人设置中复制）',
        'dingTalkWebhook',
      );
  }
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

/** The admin's Federation, or FORBIDDEN: channels and the outbox are a Federation's own. */
function federationOf({ identity }: ProcessesContext): string {
  if (!identity.federationId) throw forbidden('你的登录凭据未注明所在的工商联，无法查看或设置其通知渠道');
  return identity.federationId;
}

@Resolver()
export class NotificationOutboxResolver {
  @Authorized('ADMIN')
  @Query(() => NotificationChannels, { description: "ADMIN: the caller's Federation's email and DingTalk channels" })
  async notificationChannels(@Ctx() ctx: ProcessesContext) {
    return view(await ctx.em.findOne(NotificationChannel, { federationId: federationOf(ctx) }));
  }

  @Authorized('ADMIN')
  @Mutation(() => NotificationChannels, {
    description: "ADMIN: sets the caller's Federation's SMTP server and sender, and its DingTalk robot",
  })
  async setNotificationChannels(
    @Arg('input', () => NotificationChannelsInput) input: NotificationChannelsInput,
    @Ctx() ctx: ProcessesContext,
  ) {
    const federationId = federationOf(ctx);
    const changes = checked(input);
    const channel = await ctx.em.transactional(async (tx) => {
      const row =
        (await tx.findOne(NotificationChannel, { federationId })) ??
        tx.create(NotificationChannel, { federationId, updatedBy: ctx.identity.subject });
      Object.assign(row, changes, { updatedBy: ctx.identity.subject, updatedAt: new Date() });
      if (row.smtpHost && !row.senderAddress)
        throw badInput('设置了邮件服务器时须同时填写发件邮箱地址', 'senderAddress');
      return row;
    });
    return view(channel);
  }

  @Authorized('ADMIN')
  @Query(() => NotificationDeliveryConnection, {
    description: "ADMIN: the outbox of the caller's Federation, newest first, by state",
  })
  notificationDeliveries(@Args(() => DeliveryArgs) args: DeliveryArgs, @Ctx() ctx: ProcessesContext) {
    const { status, ...page } = args;
    return findPage(
      ctx.em,
      NotificationDelivery,
      { federationId: federationOf(ctx), ...(status ? { status } : {}) },
      { createdAt: 'desc', id: 'desc' },
      page,
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => NotificationDelivery, {
    description: 'ADMIN: tries a FAILED or RETRYING delivery again now (one more attempt)',
  })
  async retryNotificationDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    const delivery = await ctx.em.findOne(NotificationDelivery, {
      id: requireUuid(id, 'id'),
      federationId: federationOf(ctx),
    });
    if (!delivery) throw notFound(`本会的发送记录中没有编号为 ${id} 的一条`);
    if (delivery.status === DeliveryStatus.SENT) throw conflict('这条通知已经发送成功，无需重试');
    if (delivery.status === DeliveryStatus.PENDING) throw conflict('这条通知正等待首次发送，无需重试');
    Object.assign(delivery, { status: DeliveryStatus.RETRYING, nextAttemptAt: new Date() });
    await ctx.em.flush();
    return delivery;
  }
}
