import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IntegratorClient, IntegratorSecret } from '../entities/integrator-client.js';
import { secretMatches } from '../integrators/secret.js';
import type { RegistryContext } from '../context.js';
import { badInput } from '../../common/errors.js';
import { requireIsoDate, todayInChina } from '../../common/dates.js';

// What the gateway asks about integrator clients, as the hub's SYSTEM identity: whether a
// client's secret is right (POST /oauth/token), what a client may do now (enforced on every
// request, re-read every few seconds), and the usage it counted in memory, added in one upsert.

@ObjectType({ description: 'SYSTEM: what a client may do, as the gateway enforces it' })
class IntegratorGrant {
  @Field(() => String) clientId!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => [String]) operations!: string[];
  @Field(() => Int, { nullable: true }) requestsPerMinute!: number | null;
  @Field(() => Int, { nullable: true }) requestsPerDay!: number | null;
  @Field(() => ID, { nullable: true }) federationId!: string | null;
  @Field(() => Int) secretVersion!: number;
  @Field(() => Int, { description: 'Requests recorded so far today (Asia/Shanghai), every gateway replica' })
  requestsToday!: number;
}

@InputType({ description: "SYSTEM: one client's counts for one day and operation since the gateway's last flush" })
class IntegratorUsageInput {
  @Field(() => String) clientId!: string;
  @Field(() => String) day!: string;
  @Field(() => String) operation!: string;
  @Field(() => Int) requests!: number;
  @Field(() => Int) errors!: number;
  @Field(() => Int) rows!: number;
}

async function grantOf(ctx: RegistryContext, client: IntegratorClient): Promise<IntegratorGrant> {
  const [row] = await ctx.em.execute<{ total: string | null }[]>(
    'select sum(requests) as total from registry.integrator_usage where client_id = ? and day = ?',
    [client.clientId, todayInChina()],
  );
  return {
    clientId: client.clientId,
    enabled: client.enabled,
    operations: client.operations,
    requestsPerMinute: client.requestsPerMinute ?? null,
    requestsPerDay: client.requestsPerDay ?? null,
    federationId: client.federationId ?? null,
    secretVersion: client.secretVersion,
    requestsToday: Number(row?.total ?? 0),
  };
}

@Resolver()
export class IntegratorGrantResolver {
  @Authorized('SYSTEM')
  @Query(() => IntegratorGrant, {
    nullable: true,
    description: 'SYSTEM: the client when `secret` is its current secret; null otherwise (unknown, wrong)',
  })
  async integratorGrant(
    @Arg('clientId', () => String) clientId: string,
    @Arg('secret', () => String) secret: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<IntegratorGrant | null> {
    const client = await ctx.em.findOne(IntegratorClient, { clientId });
    const stored = client ? await ctx.em.findOne(IntegratorSecret, { clientRowId: client.id }) : null;
    // Compared even when there is no such client, so the answer takes as long either way.
    if (!(await secretMatches(secret, stored?.hash)) || !client) return null;
    return grantOf(ctx, client);
  }

  @Authorized('SYSTEM')
  @Query(() => IntegratorGrant, {
    nullable: true,
    description: 'SYSTEM: what the client may do now; null: no such client',
  })
  async integratorClientState(
    @Arg('clientId', () => String) clientId: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<IntegratorGrant | null> {
    const client = await ctx.em.findOne(IntegratorClient, { clientId });
    return client ? grantOf(ctx, client) : null;
  }

  @Authorized('SYSTEM')
  @Mutation(() => Int, { description: "SYSTEM: adds the gateway's counts to the usage table; the number of rows" })
  async recordIntegratorUsage(
    @Arg('entries', () => [IntegratorUsageInput]) entries: IntegratorUsageInput[],
    @Ctx() { em }: RegistryContext,
  ): Promise<number> {
    if (entries.length > 10_000) throw badInput('at most 10000 usage rows a call', 'entries');
    for (const [i, e] of entries.entries()) {
      requireIsoDate(e.day, `entries[${i}].day`);
      if ([e.requests, e.errors, e.rows].some((n) => n < 0))
        throw badInput('counts are never negative', `entries[${i}]`);
    }
    if (!entries.length) return 0;
    await em.execute(
      `insert into registry.integrator_usage as u (client_id, day, operation, requests, errors, rows)
       select * from jsonb_to_recordset(?::jsonb) as x(client_id text, day date, operation text, requests bigint, errors bigint, rows bigint)
       on conflict (client_id, day, operation) do update set
         requests = u.requests + excluded.requests, errors = u.errors + excluded.errors, rows = u.rows + excluded.rows`,
      [
        JSON.stringify(
          entries.map((e) => ({
            client_id: e.clientId,
            day: e.day,
            operation: e.operation,
            requests: e.requests,
            errors: e.errors,
            rows: e.rows,
          })),
        ),
      ],
    );
    return entries.length;
  }
}
