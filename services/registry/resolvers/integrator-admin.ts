import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IntegratorClient, IntegratorSecret, IntegratorUsage } from '../entities/integrator-client.js';
import { Organization } from '../entities/organization.js';
import { auditedCreate, auditedUpdate } from '../audit.js';
import { refuseViolations } from '../rules/violation.js';
import { patchedFields } from '../rules/patch.js';
import { federationViolations, registrationViolations } from '../integrators/rules.js';
import { hashSecret, newClientId, newSecret } from '../integrators/secret.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import type { RegistryContext } from '../context.js';
import { badInput, notFound } from '../../common/errors.js';
import { UUID_PATTERN } from '../../common/ids.js';
import { isIsoDate } from '../../common/dates.js';
import type { Identity } from '../../common/identity.js';

// ADMIN: integrator clients registered, changed, rotated and their usage read. Every change is
// audited like any registry change; the secret is returned once, by the mutation that made it,
// and only its scrypt hash is kept.

@InputType()
class NewIntegratorClient {
  @Field(() => String, { description: 'Who it is, e.g. 嘉兴市统计局' }) name!: string;
  @Field(() => [String], { description: 'Names of the trusted documents it may run' }) operations!: string[];
  @Field(() => Int, { nullable: true }) requestsPerMinute?: number | null;
  @Field(() => Int, { nullable: true }) requestsPerDay?: number | null;
  @Field(() => ID, { nullable: true, description: 'A Federation: it reads its jurisdiction; null: public data only' })
  federationId?: string | null;
}

@InputType({ description: 'Fields to change: a field left out is kept; null clears a quota or the Federation' })
class IntegratorClientPatch {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => [String], { nullable: true }) operations?: string[] | null;
  @Field(() => Int, { nullable: true }) requestsPerMinute?: number | null;
  @Field(() => Int, { nullable: true }) requestsPerDay?: number | null;
  @Field(() => ID, { nullable: true }) federationId?: string | null;
}

@ObjectType({ description: 'A client and its secret, shown this once: the hub keeps only a hash' })
class IntegratorCredentials {
  @Field(() => IntegratorClient) client!: IntegratorClient;
  @Field(() => String) secret!: string;
}

@ObjectType({ description: "One client's use of one operation on one Asia/Shanghai day" })
class IntegratorUsageDay {
  @Field(() => String, { description: 'ISO date (Asia/Shanghai)' }) day!: string;
  @Field(() => String, { description: 'The trusted document, or (unregistered) for a document that is none' })
  operation!: string;
  @Field(() => Int) requests!: number;
  @Field(() => Int) errors!: number;
  @Field(() => Int, { description: 'Items of the lists it was answered' }) rows!: number;
}

/** The longest span integratorUsage reads at once. */
const MAX_USAGE_DAYS = 366;

/** A client's row id, or BAD_USER_INPUT in words an admin can act on. */
function clientRowId(id: string): string {
  if (!UUID_PATTERN.test(id)) throw badInput(`「${id}」不是接入方的编号（应为 UUID，见接入方详情）`, 'id');
  return id.toLowerCase();
}

function day(value: string, field: string): string {
  const text: string = value;
  if (isIsoDate(value)) return value;
  throw badInput(`「${text}」不是日期，请写成 yyyy-mm-dd，例如 2026-12-08`, field);
}

/** An admin scopes a client only to a Federation they see themselves (their jurisdiction). */
async function requireFederationKept(em: EntityManager, identity: Identity, federationId: string | null | undefined) {
  refuseViolations(await federationViolations(em, federationId));
  if (federationId != null) await jurisdictionOf({ em, identity }).requireKeeps(federationId);
}

@Resolver(() => IntegratorClient)
export class IntegratorAdminResolver {
  @Authorized('ADMIN')
  @Query(() => [IntegratorClient], { description: 'ADMIN: the integrator clients, by name' })
  integratorClients(@Ctx() { em }: RegistryContext): Promise<IntegratorClient[]> {
    return em.find(IntegratorClient, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String, { nullable: true, description: "The scope's Federation by name (null: public data)" })
  async federationName(@Root() client: IntegratorClient, @Ctx() { em }: RegistryContext): Promise<string | null> {
    if (!client.federationId) return null;
    return (await em.findOne(Organization, { id: client.federationId }))?.name ?? null;
  }

  @Authorized('ADMIN')
  @Mutation(() => IntegratorCredentials, {
    description: 'ADMIN: register an integrator client; its secret is shown once',
  })
  async registerIntegratorClient(
    @Arg('input', () => NewIntegratorClient) input: NewIntegratorClient,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<IntegratorCredentials> {
    refuseViolations(registrationViolations(input));
    await requireFederationKept(em, identity, input.federationId);
    const secret = newSecret();
    const hash = await hashSecret(secret);
    const client = await auditedCreate(em, identity.subject, async (tx) => {
      const created = tx.create(IntegratorClient, {
        clientId: newClientId(),
        name: input.name.trim(),
        operations: input.operations,
        requestsPerMinute: input.requestsPerMinute ?? null,
        requestsPerDay: input.requestsPerDay ?? null,
        federationId: input.federationId?.toLowerCase() ?? null,
      });
      tx.create(IntegratorSecret, { clientRowId: created.id, hash });
      return created;
    });
    return { client, secret };
  }

  @Authorized('ADMIN')
  @Mutation(() => IntegratorClient, {
    description: 'ADMIN: change a client as it was at `version` (name, enabled, operations, quotas, data scope)',
  })
  async updateIntegratorClient(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('patch', () => IntegratorClientPatch) patch: IntegratorClientPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<IntegratorClient> {
    const changes = patchedFields({ ...patch });
    if (changes.name === null) throw badInput('名称不能为空（例如：嘉兴市统计局）', 'name');
    if (changes.enabled === null) throw badInput('启用状态只能是 true 或 false', 'enabled');
    refuseViolations(registrationViolations(changes));
    if (changes.federationId !== undefined) await requireFederationKept(em, identity, changes.federationId);
    const target = { entity: IntegratorClient, id: clientRowId(id), version, action: 'UPDATE' as const };
    return auditedUpdate(em, identity.subject, target, (client) => {
      Object.assign(client, {
        ...changes,
        ...(typeof changes.name === 'string' ? { name: changes.name.trim() } : {}),
        ...(typeof changes.federationId === 'string' ? { federationId: changes.federationId.toLowerCase() } : {}),
      });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => IntegratorCredentials, {
    description:
      'ADMIN: a new secret for the client, shown once; the old one and the tokens it got stop working at once',
  })
  async rotateIntegratorSecret(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<IntegratorCredentials> {
    const secret = newSecret();
    const hash = await hashSecret(secret);
    const target = {
      entity: IntegratorClient,
      id: clientRowId(id),
      version,
      action: 'UPDATE' as const,
      reason: '轮换密钥',
    };
    const client = await auditedUpdate(em, identity.subject, target, async (row, tx) => {
      row.secretVersion += 1;
      await tx.upsert(IntegratorSecret, { clientRowId: row.id, hash });
    });
    return { client, secret };
  }

  @Authorized('ADMIN')
  @Query(() => [IntegratorUsageDay], {
    description: 'ADMIN: what a client did per Asia/Shanghai day and operation, from `from` to `to` (both included)',
  })
  async integratorUsage(
    @Arg('clientId', () => String) clientId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() { em }: RegistryContext,
  ): Promise<IntegratorUsageDay[]> {
    day(from, 'from');
    day(to, 'to');
    if (from > to) throw badInput(`起始日 ${from} 晚于截止日 ${to}`, 'from');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > MAX_USAGE_DAYS) throw badInput(`一次最多查询 ${MAX_USAGE_DAYS} 天的用量`, 'to');
    if (!(await em.count(IntegratorClient, { clientId }))) throw notFound(`没有客户端编号为 ${clientId} 的接入方`);
    const rows = await em.find(
      IntegratorUsage,
      { clientId, day: { $gte: from, $lte: to } },
      { orderBy: { day: 'asc', operation: 'asc' } },
    );
    return rows.map(({ day: date, operation, requests, errors, rows: count }) => ({
      day: date,
      operation,
      requests: Number(requests),
      errors: Number(errors),
      rows: Number(count),
    }));
  }
}
