import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ListEntry } from '../entities/evaluation-facts.js';
import { ListKind } from '../entities/evaluation-kinds.js';
import { LIST_WORDS } from '../words.js';
import { Organization } from '../entities/organization.js';
import {
  dayViolations,
  listPeriodsOverlap,
  orderViolations,
  socialOrganizationViolations,
  textViolations,
  type ListPeriod,
} from '../rules/facts.js';
import { refuseViolations } from '../rules/violation.js';
import { patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate } from '../audit.js';
import { organizationOf, requireReason } from './keeping.js';
import type { RegistryContext } from '../context.js';
import { badInput, conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { todayInChina } from '../../common/dates.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

// 活动异常名录 and 严重违法失信名单: an organisation is put on a list (列入) with a day and a
// reason and taken off (移出) with a day; one stay at a time per list. Eligibility and
// screening read the stays as of their own day.

@InputType({ description: 'Putting an organisation on a list (列入)' })
class NewListEntry {
  @Field(() => ID) organizationId!: string;
  @Field(() => ListKind) list!: ListKind;
  @Field(() => String, { description: 'ISO date it was put on the list, today or earlier' }) listedOn!: string;
  @Field(() => String, { description: 'Why (列入事由), e.g. 未按规定报送年度工作报告' }) reason!: string;
}

@InputType({ description: 'Fields to correct: a field left out is kept, null clears removedOn and removalReason' })
class ListEntryPatch {
  @Field(() => ListKind, { nullable: true }) list?: ListKind | null;
  @Field(() => String, { nullable: true }) listedOn?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) removedOn?: string | null;
  @Field(() => String, { nullable: true }) removalReason?: string | null;
}

/**
 * One stay at a time: refused when the organisation's other stays on the list share a day with
 * this one. A transaction-scoped advisory lock on (organisation, list) makes two officers take
 * turns, so the second sees the first's row.
 */
async function refuseOverlap(
  tx: EntityManager,
  organization: Organization,
  list: ListKind,
  stay: ListPeriod,
  ownId?: string,
) {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`list-entry:${organization.id}:${list}`]);
  const others = await tx.find(ListEntry, { organization, list, ...(ownId ? { id: { $ne: ownId } } : {}) });
  const other = others.find((o) => listPeriodsOverlap(o, stay));
  if (other)
    throw conflict(
      `${organization.name}已于 ${other.listedOn} 列入${LIST_WORDS[list]}${other.removedOn ? `（${other.removedOn} 移出）` : '，尚未移出'}，与这次的期间重叠（${other.id}）`,
    );
}

@Resolver()
export class ListKeepingResolver {
  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => ListEntry, {
    description:
      'FEDERATION_OFFICER or ADMIN: put a social organisation on a list (列入); CONFLICT while it is on that list already',
  })
  async recordListEntry(
    @Arg('input', () => NewListEntry) input: NewListEntry,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<ListEntry> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    refuseViolations([
      ...dayViolations(input.listedOn, 'listedOn', '列入日期', todayInChina()),
      ...textViolations(input.reason, 'reason', '列入事由', 500),
    ]);
    const reason = input.reason.trim();
    return auditedCreate(
      em,
      identity.subject,
      async (tx) => {
        const organization = await organizationOf(tx, organizationId);
        refuseViolations(socialOrganizationViolations(organization));
        await refuseOverlap(tx, organization, input.list, { listedOn: input.listedOn });
        return tx.create(ListEntry, { organization, list: input.list, listedOn: input.listedOn, reason });
      },
      reason,
    );
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => ListEntry, {
    description: 'FEDERATION_OFFICER or ADMIN: take an organisation off a list (移出) on removedOn, saying why',
  })
  async removeListEntry(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('removedOn', () => String) removedOn: string,
    @Arg('reason', () => String, { description: 'Why (移出事由), e.g. 已补报年度工作报告' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<ListEntry> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('list_entry', requireUuid(id));
    const why = requireReason(reason)!;
    const target = { entity: ListEntry, id: requireUuid(id), version, action: 'END' as const, reason: why };
    refuseViolations(dayViolations(removedOn, 'removedOn', '移出日期', todayInChina()));
    return auditedUpdate(em, identity.subject, target, (entry) => {
      if (entry.removedOn != null) throw conflict(`该记录已于 ${entry.removedOn} 移出`);
      refuseViolations(orderViolations(entry.listedOn, removedOn, 'removedOn', '移出日期', '列入日期', true));
      Object.assign(entry, { removedOn, removalReason: why });
    });
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => ListEntry, {
    description: 'FEDERATION_OFFICER or ADMIN: correct a list entry as it was at `version`, saying why',
  })
  async correctListEntry(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ListEntryPatch) input: ListEntryPatch,
    @Arg('reason', () => String, { description: 'Why it is corrected' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<ListEntry> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('list_entry', requireUuid(id));
    const target = {
      entity: ListEntry,
      id: requireUuid(id),
      version,
      action: 'UPDATE' as const,
      reason: requireReason(reason),
    };
    const patch = patchedFields({
      ...input,
      reason: input.reason?.trim() ?? input.reason,
      removalReason: input.removalReason?.trim() ?? input.removalReason,
    });
    for (const required of ['list', 'listedOn', 'reason'] as const)
      if (patch[required] === null) throw badInput(`${required} 不能清空`, required);
    const today = todayInChina();
    refuseViolations([
      ...dayViolations(patch.listedOn, 'listedOn', '列入日期', today),
      ...dayViolations(patch.removedOn, 'removedOn', '移出日期', today),
      ...(patch.reason !== undefined ? textViolations(patch.reason, 'reason', '列入事由', 500) : []),
      ...(patch.removalReason != null ? textViolations(patch.removalReason, 'removalReason', '移出事由', 500) : []),
    ]);
    return auditedUpdate(em, identity.subject, target, async (entry, tx) => {
      Object.assign(entry, patch);
      refuseViolations(orderViolations(entry.listedOn, entry.removedOn, 'removedOn', '移出日期', '列入日期', true));
      if (patch.removedOn != null && !entry.removalReason)
        throw badInput('移出时须写明移出事由（removalReason）', 'removalReason');
      if (patch.list != null || patch.listedOn != null || patch.removedOn !== undefined) {
        const organization = await tx.findOneOrFail(Organization, entry.organization.id);
        await refuseOverlap(tx, organization, entry.list, entry, entry.id);
      }
    });
  }
}
