import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { AnnualInspection } from '../entities/evaluation-facts.js';
import { InspectionResult } from '../entities/evaluation-kinds.js';
import { inspectionYearViolations, socialOrganizationViolations } from '../rules/facts.js';
import { refuseViolations } from '../rules/violation.js';
import { auditedCreate, auditedUpdate } from '../audit.js';
import { currentYear, organizationOf, requireReason, uniqueRace } from './keeping.js';
import type { RegistryContext } from '../context.js';
import { conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

// Annual inspection (年检) results, one per organisation and year: recorded as civil affairs
// publishes them, corrected when it revises one. The evaluation reads them at its start.

@InputType({ description: 'An annual inspection result as civil affairs published it' })
class NewAnnualInspection {
  @Field(() => ID) organizationId!: string;
  @Field(() => Int, { description: 'The year inspected (last year or earlier)' }) year!: number;
  @Field(() => InspectionResult, { description: 'PASS 合格, BASIC_PASS 基本合格, FAIL 不合格, MISSED 未参检' })
  result!: InspectionResult;
}

@Resolver()
export class InspectionKeepingResolver {
  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => AnnualInspection, {
    description:
      "FEDERATION_OFFICER or ADMIN: record an organisation's annual inspection result for a year; CONFLICT when that year has one (correct it instead)",
  })
  async recordAnnualInspection(
    @Arg('input', () => NewAnnualInspection) input: NewAnnualInspection,
    @Arg('reason', () => String, { nullable: true, description: 'Where it comes from, e.g. 2025 年度年检结论公告' })
    reason: string | undefined,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<AnnualInspection> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const why = requireReason(reason, true);
    refuseViolations(inspectionYearViolations(input.year, currentYear()));
    const taken = `该组织 ${input.year} 年度的年检结果已有记录；请用 correctAnnualInspection 更正`;
    return uniqueRace(taken, () =>
      auditedCreate(
        em,
        identity.subject,
        async (tx) => {
          const organization = await organizationOf(tx, organizationId);
          refuseViolations([
            ...socialOrganizationViolations(organization),
            ...inspectionYearViolations(input.year, currentYear(), organization.registeredOn),
          ]);
          const earlier = await tx.findOne(AnnualInspection, { organization, year: input.year });
          if (earlier)
            throw conflict(
              `${organization.name} ${input.year} 年度的年检结果已记录（${earlier.id}，版本 ${earlier.version}）；请用 correctAnnualInspection 更正`,
            );
          return tx.create(AnnualInspection, { organization, year: input.year, result: input.result });
        },
        why,
      ),
    );
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => AnnualInspection, {
    description:
      'FEDERATION_OFFICER or ADMIN: correct a result as it was at `version`, saying why; CONFLICT when it has changed since',
  })
  async correctAnnualInspection(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('result', () => InspectionResult) result: InspectionResult,
    @Arg('reason', () => String, { description: 'Why it is corrected, e.g. 民政局复核更正' }) reason: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<AnnualInspection> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('annual_inspection', requireUuid(id));
    const target = {
      entity: AnnualInspection,
      id: requireUuid(id),
      version,
      action: 'UPDATE' as const,
      reason: requireReason(reason),
    };
    return auditedUpdate(em, identity.subject, target, (inspection) => {
      inspection.result = result;
    });
  }
}
