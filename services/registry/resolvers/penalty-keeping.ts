import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdministrativePenalty } from '../entities/evaluation-facts.js';
import { PenaltyKind } from '../entities/evaluation-kinds.js';
import { dayViolations, orderViolations, textViolations } from '../rules/facts.js';
import { refuseViolations, type RuleViolation } from '../rules/violation.js';
import { patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate } from '../audit.js';
import { organizationOf, requireReason, uniqueRace } from './keeping.js';
import type { RegistryContext } from '../context.js';
import { badInput, conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { todayInChina } from '../../common/dates.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

// Administrative penalties (行政处罚): recorded from the decision document, corrected, and
// revoked (撤销, e.g. on reconsideration), after which they no longer count anywhere.

@InputType({ description: 'An administrative penalty as its decision document (处罚决定书) states it' })
class NewPenalty {
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: 'ISO date of the decision, today or earlier' }) decidedOn!: string;
  @Field(() => String, { description: 'Who decided it, e.g. 嘉兴市民政局' }) authority!: string;
  @Field(() => PenaltyKind) kind!: PenaltyKind;
  @Field(() => String, { description: 'The document number, e.g. 嘉民罚字〔2025〕7号' }) documentNumber!: string;
  @Field(() => String, { description: 'What was found and decided' }) description!: string;
  @Field(() => String, { nullable: true, description: 'ISO date, the last day of a penalty with a duration' })
  servedUntil?: string;
}

@InputType({ description: 'Fields to correct: a field left out is kept, null clears servedUntil' })
class PenaltyPatch {
  @Field(() => String, { nullable: true }) decidedOn?: string | null;
  @Field(() => String, { nullable: true }) authority?: string | null;
  @Field(() => PenaltyKind, { nullable: true }) kind?: PenaltyKind | null;
  @Field(() => String, { nullable: true }) documentNumber?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) servedUntil?: string | null;
}

type PenaltyFields = {
  [K in Exclude<keyof NewPenalty, 'organizationId'>]?: NewPenalty[K] | null;
};

/** What is wrong with the fields given (all of them for a new penalty, the patch for a correction). */
function penaltyViolations(fields: PenaltyFields, today: string): RuleViolation[] {
  return [
    ...dayViolations(fields.decidedOn, 'decidedOn', '处罚决定日期', today),
    ...(fields.authority !== undefined ? textViolations(fields.authority, 'authority', '处罚机关', 200) : []),
    ...(fields.documentNumber !== undefined
      ? textViolations(fields.documentNumber, 'documentNumber', '处罚决定书文号', 100)
      : []),
    ...(fields.description !== undefined ? textViolations(fields.description, 'description', '处罚内容', 500) : []),
    ...dayViolations(fields.servedUntil, 'servedUntil', '执行期限'),
    ...(fields.kind === null ? [{ field: 'kind', message: '处罚种类不能清空' }] : []),
  ];
}

/** The whole row after the change: the end days follow the decision day. */
const penaltyOrder = (p: { decidedOn: string; servedUntil?: string | null; revokedOn?: string | null }) => [
  ...orderViolations(p.decidedOn, p.servedUntil, 'servedUntil', '执行期限', '处罚决定日期'),
  ...orderViolations(p.decidedOn, p.revokedOn, 'decidedOn', '撤销日期', '处罚决定日期'),
];

async function refuseTakenNumber(tx: EntityManager, authority: string, documentNumber: string, ownId?: string) {
  const other = await tx.findOne(AdministrativePenalty, {
    authority,
    documentNumber,
    ...(ownId ? { id: { $ne: ownId } } : {}),
  });
  if (other) throw conflict(`${authority}的处罚决定书 ${documentNumber} 已登记（${other.id}）`);
}

const trimmed = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : value);

@Resolver()
export class PenaltyKeepingResolver {
  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => AdministrativePenalty, {
    description:
      'FEDERATION_OFFICER or ADMIN: record an administrative penalty; CONFLICT when its document is recorded',
  })
  async recordPenalty(
    @Arg('input', () => NewPenalty) input: NewPenalty,
    @Arg('reason', () => String, { nullable: true, description: 'Where it comes from, e.g. 信用中国 公示' })
    reason: string | undefined,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<AdministrativePenalty> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const why = requireReason(reason, true);
    refuseViolations(penaltyViolations(input, todayInChina()));
    const fields = {
      decidedOn: input.decidedOn,
      authority: input.authority.trim(),
      kind: input.kind,
      documentNumber: input.documentNumber.trim(),
      description: input.description.trim(),
      servedUntil: input.servedUntil ?? null,
    };
    refuseViolations(penaltyOrder(fields));
    return uniqueRace(`${fields.authority}的处罚决定书 ${fields.documentNumber} 已登记`, () =>
      auditedCreate(
        em,
        identity.subject,
        async (tx) => {
          const organization = await organizationOf(tx, organizationId);
          await refuseTakenNumber(tx, fields.authority, fields.documentNumber);
          return tx.create(AdministrativePenalty, { organization, ...fields });
        },
        why,
      ),
    );
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => AdministrativePenalty, {
    description: 'FEDERATION_OFFICER or ADMIN: correct a penalty as it was at `version`, saying why',
  })
  async correctPenalty(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => PenaltyPatch) input: PenaltyPatch,
    @Arg('reason', () => String, { description: 'Why it is corrected' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<AdministrativePenalty> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('administrative_penalty', requireUuid(id));
    const target = {
      entity: AdministrativePenalty,
      id: requireUuid(id),
      version,
      action: 'UPDATE' as const,
      reason: requireReason(reason),
    };
    const patch = patchedFields({
      ...input,
      authority: trimmed(input.authority),
      documentNumber: trimmed(input.documentNumber),
      description: trimmed(input.description),
    });
    for (const required of ['decidedOn', 'authority', 'documentNumber', 'description'] as const)
      if (patch[required] === null) throw badInput(`${required} 不能清空`, required);
    refuseViolations(penaltyViolations(patch, todayInChina()));
    return uniqueRace('该处罚决定书文号已被另一条处罚记录使用', () =>
      auditedUpdate(em, identity.subject, target, async (penalty, tx) => {
        Object.assign(penalty, patch);
        refuseViolations(penaltyOrder(penalty));
        if (penalty.documentNumber && (patch.authority != null || patch.documentNumber != null))
          await refuseTakenNumber(tx, penalty.authority, penalty.documentNumber, penalty.id);
      }),
    );
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => AdministrativePenalty, {
    description:
      'FEDERATION_OFFICER or ADMIN: record that the decision was revoked (撤销) on revokedOn; it no longer counts for eligibility or screening',
  })
  async revokePenalty(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('revokedOn', () => String) revokedOn: string,
    @Arg('reason', () => String, { description: 'Why, e.g. 行政复议决定撤销' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<AdministrativePenalty> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('administrative_penalty', requireUuid(id));
    const target = {
      entity: AdministrativePenalty,
      id: requireUuid(id),
      version,
      action: 'END' as const,
      reason: requireReason(reason),
    };
    refuseViolations(dayViolations(revokedOn, 'revokedOn', '撤销日期', todayInChina()));
    return auditedUpdate(em, identity.subject, target, (penalty) => {
      if (penalty.revokedOn != null) throw conflict(`该处罚已于 ${penalty.revokedOn} 撤销`);
      if (revokedOn < penalty.decidedOn)
        throw badInput(`撤销日期 ${revokedOn} 不能早于处罚决定日期 ${penalty.decidedOn}`, 'revokedOn');
      penalty.revokedOn = revokedOn;
    });
  }
}
