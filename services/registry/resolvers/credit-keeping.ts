import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { CreditEntry } from '../entities/credit.js';
import { CreditEntryKind, CreditOutcome } from '../entities/evaluation-kinds.js';
import { dayViolations, textViolations } from '../rules/facts.js';
import { refuseViolations } from '../rules/violation.js';
import { patchedFields } from '../rules/patch.js';
import { auditedUpdate } from '../audit.js';
import { requireReason } from './keeping.js';
import type { RegistryContext } from '../context.js';
import { badInput } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { todayInChina } from '../../common/dates.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

// Credit-record entries (信用记录) are written once by the processes (recordCreditEntry, with an
// idempotency key); an officer corrects one when it is wrong, saying why. The key stays, so a
// retried write-back still finds the (corrected) entry instead of adding a second.

@InputType({ description: 'Fields to correct: a field left out is kept; null clears outcome' })
class CreditEntryPatch {
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date it was entered' }) recordedOn?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => CreditOutcome, { nullable: true, description: 'PERFORMANCE only' }) outcome?: CreditOutcome | null;
}

@Resolver()
export class CreditKeepingResolver {
  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => CreditEntry, {
    description: 'FEDERATION_OFFICER or ADMIN: correct a credit-record entry as it was at `version`, saying why',
  })
  async correctCreditEntry(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => CreditEntryPatch) input: CreditEntryPatch,
    @Arg('reason', () => String, { description: 'Why it is corrected' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<CreditEntry> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('credit_entry', requireUuid(id));
    const target = {
      entity: CreditEntry,
      id: requireUuid(id),
      version,
      action: 'UPDATE' as const,
      reason: requireReason(reason),
    };
    const patch = patchedFields({
      ...input,
      summary: input.summary?.trim() ?? input.summary,
      source: input.source?.trim() ?? input.source,
    });
    for (const required of ['summary', 'recordedOn', 'source'] as const)
      if (patch[required] === null) throw badInput(`${required} 不能清空`, required);
    refuseViolations([
      ...(patch.summary !== undefined ? textViolations(patch.summary, 'summary', '摘要', 500) : []),
      ...(patch.source !== undefined ? textViolations(patch.source, 'source', '来源', 200) : []),
      ...dayViolations(patch.recordedOn, 'recordedOn', '记入日期', todayInChina()),
    ]);
    return auditedUpdate(em, identity.subject, target, (entry) => {
      Object.assign(entry, patch);
      if (entry.outcome != null && entry.kind !== CreditEntryKind.PERFORMANCE)
        throw badInput('只有履约评价（PERFORMANCE）记录有评价结果（outcome）', 'outcome');
    });
  }
}
