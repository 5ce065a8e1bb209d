import type { ApolloServerPlugin } from '@apollo/server';
import { HubError, unauthenticated } from '../../common/errors.js';
import { todayInChina } from '../../common/dates.js';
import type { GatewayContext } from '../data-source.js';
import { hashOf } from '../trusted-documents.js';
import type { IntegratorDirectory } from './directory.js';
import { checkQuota, MinuteWindows } from './quota.js';
import { rowsIn, type UsageCounter } from './usage.js';

// A registered integrator client's token (identity.client) is held to its registration on
// every request, GraphQL and REST alike (REST comes through the same endpoint): the client is
// still enabled and the token of its current secret, the operation is one of the trusted
// documents it may run, and the request is within its quota. Whatever the outcome, the request
// is counted for the client's usage under the document's name. Tokens of no client pass.

/** The usage name of a document that is no trusted document. */
export const UNREGISTERED = '(unregistered)';

export function integratorPolicy(deps: {
  directory: IntegratorDirectory;
  usage: UsageCounter;
  /** Every trusted document's name, by hash (the console's and the configured files'). */
  names: ReadonlyMap<string, string>;
}): ApolloServerPlugin<GatewayContext> {
  const minutes = new MinuteWindows();
  const days = new Map<string, { day: string; count: number }>();
  return {
    async requestDidStart({ contextValue }) {
      const client = contextValue.identity?.client;
      if (!client) return;
      let operation = UNREGISTERED;
      return {
        async didResolveOperation({ document }) {
          const name = deps.names.get(hashOf(document));
          if (name) operation = name;
          const now = Date.now();
          const { grant, sinceRead } = await deps.directory.state(client.id, now);
          if (!grant || !grant.enabled)
            throw unauthenticated('此接入方客户端已停用或已删除，请联系管理员。This integrator client is disabled.');
          if (grant.secretVersion !== client.secretVersion)
            throw unauthenticated(
              '此令牌由已轮换的旧密钥换得，请用新密钥重新获取令牌。This token was issued under a rotated secret: get a new one.',
            );
          if (!name || !grant.operations.includes(name))
            throw new HubError(
              'OPERATION_NOT_ALLOWED',
              `此接入方未获准调用${name ? `操作 ${name}` : '未登记的操作'}；请管理员在接入方登记中加入该操作。This client may not run ${name ?? 'an unregistered operation'}.`,
              { http: { status: 403 }, ...(name ? { operation: name } : {}) },
            );
          const day = todayInChina(new Date(now));
          const local = days.get(client.id);
          const today = local?.day === day ? ++local.count : 1;
          if (today === 1) days.set(client.id, { day, count: 1 });
          deps.directory.count(client.id);
          // The registry's count (every replica, as of the read) or this replica's own, the larger.
          checkQuota(
            grant,
            { thisMinute: minutes.take(client.id, now), today: Math.max(today, grant.requestsToday + sinceRead + 1) },
            now,
          );
        },
        async willSendResponse({ response }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          deps.usage.add(client.id, todayInChina(), operation, !!single?.errors?.length, rowsIn(single?.data));
        },
      };
    },
  };
}
