import { randomUUID } from 'node:crypto';
import { Field, GraphQLISODateTime, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { ProcessesContext } from '../kit/context.js';
import { Procurement } from './procurement.js';
import { BIDDER_KINDS, DEFAULT_BIDDER_KINDS, DEFAULT_DEADLINES, GRADES } from './params.js';
import { registryReference } from '../registry/refusals.js';
import { textProblem } from '../kit/text.js';
import { badInput, forbidden } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { todayInChina } from '../../common/dates.js';
import { readableRunId } from '../kit/run-ids.js';
import { PROCESS_TYPE, ORGANIZATION_ID, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';
import { committeeProblems, weightProblems } from '../../../workflows/procurement/rules.js';
import {
  openingState,
  PROCUREMENT_PROCESS_TYPE,
  PROCUREMENT_WORKFLOW_TYPE,
  type Method,
  type ProcurementInput,
} from '../../../workflows/procurement/types.js';
import { writeProjection } from './projection.js';
import { DAY } from '../../../workflows/common/time.js';

// Publishing a need (发布采购需求): an agency officer's input checked against the rules and the
// registry (the agency, the catalogue, the committee), then the procurement's workflow started.

export enum ProcurementMethod {
  PUBLIC_TENDER = 'PUBLIC_TENDER',
  COMPETITIVE_CONSULTATION = 'COMPETITIVE_CONSULTATION',
}
registerEnumType(ProcurementMethod, {
  name: 'ProcurementMethod',
  description: 'PUBLIC_TENDER (公开招标, at least 3 eligible bids); COMPETITIVE_CONSULTATION (竞争性磋商, at least 2)',
});

@InputType({ description: 'A service need an agency publishes' })
export class ProcurementNeedInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => String, { description: 'A code of the guidance catalogue (serviceCategories)' }) categoryCode!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => GraphQLSafeInt, { description: 'Budget in fen (分); no bid above it is taken' }) budgetFen!: number;
  @Field(() => ProcurementMethod) method!: ProcurementMethod;
  @Field(() => Int, { description: 'Price weight in percent, 10 to 30 for services' }) priceWeight!: number;
  @Field(() => Int, { description: 'Technical weight in percent; the two sum to 100' }) technicalWeight!: number;
  @Field(() => String, { nullable: true, description: 'Lowest rating in force on the closing day, e.g. A3 (3A)' })
  minimumGrade?: string;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Registered at least this many years before the closing day',
  })
  minimumYearsRegistered?: number;
  @Field(() => [String], {
    nullable: true,
    description: `Organization kinds allowed to bid (default ${DEFAULT_BIDDER_KINDS.join(', ')})`,
  })
  organizationKinds?: string[];
  @Field(() => GraphQLISODateTime, { description: 'When bidding closes; late bids are refused' }) closesAt!: Date;
  @Field(() => [ID], { description: 'Committee members (registry person ids): an odd number, at least three' })
  committee!: string[];
  @Field(() => Int, {
    nullable: true,
    defaultValue: 7,
    description: 'Days the award is shown (公示) for objections, 1 to 30',
  })
  noticeDays?: number;
}

const MAX_WINDOW_MS = 90 * DAY;

/** The need as the workflow takes it, or BAD_USER_INPUT / FORBIDDEN naming the field. */
export async function checkNeed(ctx: ProcessesContext, need: ProcurementNeedInput): Promise<ProcurementInput['need']> {
  const agencyId = requireUuid(need.agencyId, 'agencyId');
  const { identity } = ctx;
  if (!identity.roles.includes('AGENCY_OFFICER') || !identity.organizationIds.includes(agencyId)) {
    throw forbidden('Only an officer (AGENCY_OFFICER) of the buying agency may publish its procurement');
  }
  for (const [field, value, max] of [
    ['title', need.title, 200],
    ['description', need.description, 4000],
  ] as const) {
    const problem = textProblem(value, field, max);
    if (problem) throw badInput(problem.message, `need.${problem.field}`);
  }
  if (!Number.isSafeInteger(need.budgetFen) || need.budgetFen <= 0)
    throw badInput('budgetFen must be a whole number of fen above 0', 'need.budgetFen');
  const weights = { price: need.priceWeight, technical: need.technicalWeight };
  const problems = [...weightProblems(weights), ...committeeProblems(need.committee)];
  if (problems.length) throw badInput(problems[0].message, `need.${problems[0].field}`);
  if (need.minimumGrade != null && !(GRADES as readonly string[]).includes(need.minimumGrade))
    throw badInput(`minimumGrade must be one of ${GRADES.join(', ')}`, 'need.minimumGrade');
  const years = need.minimumYearsRegistered ?? 0;
  if (!Number.isInteger(years) || years < 0 || years > 20)
    throw badInput('minimumYearsRegistered must be 0 to 20', 'need.minimumYearsRegistered');
  const kinds = need.organizationKinds ?? DEFAULT_BIDDER_KINDS;
  const unknownKind = kinds.find((k) => !(BIDDER_KINDS as readonly string[]).includes(k));
  if (!kinds.length || unknownKind)
    throw badInput(
      `organizationKinds must be some of ${BIDDER_KINDS.join(', ')}${unknownKind ? `, not ${unknownKind}` : ''}`,
      'need.organizationKinds',
    );
  const noticeDays = need.noticeDays ?? 7;
  if (!Number.isInteger(noticeDays) || noticeDays < 1 || noticeDays > 30)
    throw badInput('noticeDays must be 1 to 30', 'need.noticeDays');
  const closesAt = need.closesAt.getTime();
  if (Number.isNaN(closesAt) || closesAt <= Date.now())
    throw badInput('closesAt must be in the future', 'need.closesAt');
  if (closesAt > Date.now() + MAX_WINDOW_MS) throw badInput('closesAt must be within 90 days', 'need.closesAt');
  const committee = need.committee.map((id, i) => requireUuid(id, `need.committee[${i}]`));

  // The registry's word on the agency, the catalogue and the committee (the caller's own rights).
  const agency = await registryReference(() => ctx.registry.organization(agencyId, ctx.authorization), 'need.agencyId');
  if (agency.kind !== 'GOVERNMENT_AGENCY')
    throw badInput(`${agency.name} is not a government agency (it is ${agency.kind})`, 'need.agencyId');
  const { serviceCategories } = await ctx.registry.asSystem<{ serviceCategories: { code: string; name: string }[] }>(
    '{ serviceCategories { code name } }',
  );
  const category = serviceCategories.find((c) => c.code === need.categoryCode);
  if (!category)
    throw badInput(
      `${need.categoryCode} is not in the guidance catalogue (${serviceCategories.map((c) => c.code).join(', ')})`,
      'need.categoryCode',
    );
  for (const [i, id] of committee.entries())
    await registryReference(() => ctx.registry.person(id, ctx.authorization), `need.committee[${i}]`);

  return {
    agencyId,
    agencyName: agency.name,
    categoryCode: category.code,
    categoryName: category.name,
    title: need.title,
    description: need.description,
    budgetFen: need.budgetFen,
    method: need.method as Method,
    weights,
    committee,
    noticeDays,
    eligibility: { minimumGrade: need.minimumGrade ?? null, minimumYearsRegistered: years, kinds },
  };
}

/**
 * Writes the procurement's row, then starts its workflow: the answer needs no wait for the
 * worker, and a start that fails leaves no row (nor, since the id is new, a second run on retry).
 */
export async function publish(
  ctx: ProcessesContext,
  need: ProcurementInput['need'],
  closesAt: Date,
): Promise<Procurement> {
  const procurementId = randomUUID();
  const year = Number(todayInChina().slice(0, 4));
  // The agency's code and the year read in the Temporal UI; the procurement's id keeps it unique.
  const agency = await ctx.registry.organization(need.agencyId, ctx.authorization);
  const workflowId = readableRunId('procurement', year, agency, procurementId);
  const input: ProcurementInput = {
    procurementId,
    workflowId,
    need,
    closesAt: closesAt.getTime(),
    year,
    publishedBy: ctx.identity.subject,
    deadlinesMs: DEFAULT_DEADLINES,
  };
  const em = ctx.em.fork();
  await em.transactional((tx) => writeProjection(tx, input, openingState(input.closesAt), 0));
  try {
    await ctx.temporal.workflow.start(PROCUREMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: ctx.settings.taskQueue,
      args: [input],
      staticSummary: `政府购买服务：${need.agencyName}《${need.title.slice(0, 60)}》`,
      typedSearchAttributes: [
        { key: PROCESS_TYPE, value: PROCUREMENT_PROCESS_TYPE },
        { key: ORGANIZATION_ID, value: need.agencyId },
        { key: STAGE, value: 'BIDDING' },
        { key: YEAR, value: year },
      ],
    });
  } catch (error) {
    await em.nativeDelete(Procurement, procurementId);
    throw error;
  }
  return em.findOneOrFail(Procurement, procurementId);
}
