import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { WorkflowHandle } from '@temporalio/client';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { FilterQuery } from '@mikro-orm/core';
import { Procurement } from './procurement.js';
import { ProcurementBid } from './bid.js';
import { ProcurementPayment } from './payment.js';
import { checkNeed, ProcurementNeedInput, publish } from './publish.js';
import { registryReference } from '../registry/refusals.js';
import { isAgencyStaff, isCommitteeMember, visibleBids } from './visibility.js';
import {
  BidInputGql,
  ContractInput,
  contractView,
  ProcurementContract,
  ProcurementEligibility,
  ProcurementObjection,
  ProcurementRecusal,
  ProcurementWeights,
} from './views.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import { HumanTask } from '../kit/human-task.js';
import { textProblem } from '../kit/text.js';
import type { ProcessesContext } from '../kit/context.js';
import { Connection, findPage, PageArgs } from '../../common/connection.js';
import { hasRole } from '../../common/identity.js';
import { requireUuid } from '../../common/ids.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { toRun } from '../kit/update-refusals.js';
import { contractProblems } from '../../../workflows/procurement/rules.js';
import { procurementLoaders } from './loaders.js';
import { answeredBid } from './report.js';
import { chinaMinute, todayInChina } from '../../common/dates.js';
import { organizationSeen, requireSeen } from '../kit/jurisdiction.js';
import {
  cancelProcurementUpdate,
  lodgeObjectionUpdate,
  signContractUpdate,
  submitBidUpdate,
  withdrawBidUpdate,
} from '../../../workflows/procurement/types.js';

const ProcurementConnection = Connection('Procurement', Procurement);

@ArgsType()
class ProcurementArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'The buying agency' }) agencyId?: string;
  @Field(() => String, { nullable: true, description: 'A guidance catalogue code' }) categoryCode?: string;
  @Field(() => String, { nullable: true, description: 'e.g. BIDDING, PERFORMING, COMPLETED' }) stage?: string;
  @Field(() => Int, { nullable: true, description: 'The year it was published (Beijing time)' }) year?: number;
}

/** A procurement the caller sees: one whose agency another Federation supervises is NOT_FOUND to its officers and admins. */
async function procurementOf(id: string, ctx: ProcessesContext): Promise<Procurement> {
  const row = await ctx.em.findOne(Procurement, requireUuid(id, 'procurementId'));
  const missing = `No procurement has id ${id}`;
  if (!row) throw notFound(missing);
  await requireSeen(ctx, row.agencyId, missing);
  return row;
}

function requireAgencyOfficer(ctx: ProcessesContext, procurement: Procurement, what: string): void {
  if (!hasRole(ctx.identity, 'AGENCY_OFFICER') || !ctx.identity.organizationIds.includes(procurement.agencyId)) {
    throw forbidden(`Only an officer (AGENCY_OFFICER) of ${procurement.agencyName} may ${what}`);
  }
}

const mayBidFor = (ctx: ProcessesContext, organizationId: string) =>
  hasRole(ctx.identity, 'APPROVER') && ctx.identity.organizationIds.includes(organizationId);

function requireBidder(ctx: ProcessesContext, organizationId: string): string {
  const id = requireUuid(organizationId, 'organizationId');
  if (!mayBidFor(ctx, id)) {
    throw forbidden('Only an approver (APPROVER) of the bidding organization may act on its bid');
  }
  return id;
}

const send = <T>(ctx: ProcessesContext, procurement: Procurement, update: (run: WorkflowHandle) => Promise<T>) =>
  toRun(ctx.temporal, procurement.workflowId, `Procurement ${procurement.id}`, update);

@Resolver(() => Procurement)
export class ProcurementResolver {
  @Query(() => ProcurementConnection, {
    description: 'Procurements, newest first (public notices: every signed-in user)',
  })
  async procurements(@Args(() => ProcurementArgs) args: ProcurementArgs, @Ctx() ctx: ProcessesContext) {
    const where: FilterQuery<Procurement> = { ...(await organizationSeen(ctx, 'agencyId')) };
    if (args.agencyId) where.agencyId = requireUuid(args.agencyId, 'agencyId');
    if (args.categoryCode) where.categoryCode = args.categoryCode;
    if (args.stage) where.stage = args.stage as Procurement['stage'];
    if (args.year != null) where.year = args.year;
    return findPage(ctx.em, Procurement, where, { publishedAt: 'desc', id: 'desc' }, args);
  }

  @Query(() => Procurement)
  procurement(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    return procurementOf(id, ctx);
  }

  @Mutation(() => Procurement, {
    description: 'AGENCY_OFFICER of the agency: publish a need; bidding opens at once and closes at closesAt',
  })
  async publishProcurement(
    @Arg('need', () => ProcurementNeedInput) need: ProcurementNeedInput,
    @Ctx() ctx: ProcessesContext,
  ) {
    return publish(ctx, await checkNeed(ctx, need), need.closesAt);
  }

  @Mutation(() => ProcurementBid, {
    description:
      'APPROVER of the bidding organization: submit its bid, or revise it (one per round) while the window is open',
  })
  async submitBid(
    @Arg('procurementId', () => ID) procurementId: string,
    @Arg('bid', () => BidInputGql) bid: BidInputGql,
    @Ctx() ctx: ProcessesContext,
  ) {
    // The registry is asked about the bidder while the procurement's row is read (a caller who
    // may not bid for the organisation is refused below without it); its answer is taken in
    // the order of the checks, so a request with several faults is told the same first one.
    const inRegistry = mayBidFor(ctx, bid.organizationId)
      ? registryReference(() => ctx.registry.organization(bid.organizationId, ctx.authorization), 'bid.organizationId')
      : null;
    void inRegistry?.catch(() => undefined); // awaited below unless an earlier check refuses
    const procurement = await procurementOf(procurementId, ctx);
    const organizationId = requireBidder(ctx, bid.organizationId);
    if (organizationId === procurement.agencyId)
      throw badInput('The buying agency cannot bid for its own procurement', 'bid.organizationId');
    if (procurement.stage !== 'BIDDING' || procurement.closesAt.getTime() <= Date.now()) {
      throw conflict(
        `Bidding for this procurement closed at ${chinaMinute(procurement.closesAt)} (Beijing time); late bids are refused`,
      );
    }
    const problem = textProblem(bid.proposal, 'bid.proposal', 2000);
    if (problem) throw badInput(problem.message, problem.field);
    await inRegistry;
    const answer = await send(ctx, procurement, (run) =>
      run.executeUpdate(submitBidUpdate, {
        args: [{ organizationId, priceFen: bid.priceFen, proposal: bid.proposal, submittedBy: ctx.identity.subject }],
      }),
    );
    return answeredBid(procurement.id, answer);
  }

  @Mutation(() => ProcurementBid, {
    description: 'APPROVER of the bidding organization: withdraw its bid while the window is open',
  })
  async withdrawBid(
    @Arg('procurementId', () => ID) procurementId: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const procurement = await procurementOf(procurementId, ctx);
    const id = requireBidder(ctx, organizationId);
    const answer = await send(ctx, procurement, (run) =>
      run.executeUpdate(withdrawBidUpdate, { args: [{ organizationId: id, by: ctx.identity.subject }] }),
    );
    return answeredBid(procurement.id, answer);
  }

  @Mutation(() => Procurement, {
    description: 'APPROVER of a bidder: object (质疑) to the award during its notice; the review committee decides',
  })
  async lodgeProcurementObjection(
    @Arg('procurementId', () => ID) procurementId: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const procurement = await procurementOf(procurementId, ctx);
    const id = requireBidder(ctx, organizationId);
    const problem = textProblem(reason, 'reason', 1000);
    if (problem) throw badInput(problem.message, problem.field);
    await send(ctx, procurement, (run) =>
      run.executeUpdate(lodgeObjectionUpdate, { args: [{ organizationId: id, by: ctx.identity.subject, reason }] }),
    );
    return ctx.em.fork().findOneOrFail(Procurement, procurement.id);
  }

  @Mutation(() => Procurement, {
    description: 'AGENCY_OFFICER of the agency: record the signed contract after the award notice',
  })
  async signProcurementContract(
    @Arg('procurementId', () => ID) procurementId: string,
    @Arg('contract', () => ContractInput) contract: ContractInput,
    @Ctx() ctx: ProcessesContext,
  ) {
    const procurement = await procurementOf(procurementId, ctx);
    requireAgencyOfficer(ctx, procurement, 'sign its contract');
    const terms = { ...contract, subcontracts: contract.subcontracts ?? [], signedBy: ctx.identity.subject };
    const problems = contractProblems(terms, todayInChina());
    if (problems.length) throw badInput(problems[0].message, `contract.${problems[0].field}`);
    if (procurement.stage !== 'CONTRACTING')
      throw conflict(`The contract is signed after the award notice; this procurement is at ${procurement.stage}`);
    for (const field of ['serviceUserId', 'expertId'] as const) {
      await registryReference(
        () => ctx.registry.person(requireUuid(terms[field], `contract.${field}`), ctx.authorization),
        `contract.${field}`,
      );
    }
    for (const [i, s] of terms.subcontracts.entries()) {
      await registryReference(
        () =>
          ctx.registry.organization(
            requireUuid(s.subcontractorId, `contract.subcontracts[${i}].subcontractorId`),
            ctx.authorization,
          ),
        `contract.subcontracts[${i}].subcontractorId`,
      );
    }
    await send(ctx, procurement, (run) => run.executeUpdate(signContractUpdate, { args: [terms] }));
    return ctx.em.fork().findOneOrFail(Procurement, procurement.id);
  }

  @Mutation(() => Procurement, {
    description:
      'AGENCY_OFFICER of the agency: cancel before the contract, with a reason; open tasks are cancelled and every party told',
  })
  async cancelProcurement(
    @Arg('procurementId', () => ID) procurementId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const procurement = await procurementOf(procurementId, ctx);
    requireAgencyOfficer(ctx, procurement, 'cancel its procurement');
    const problem = textProblem(reason, 'reason', 1000);
    if (problem) throw badInput(problem.message, problem.field);
    await send(ctx, procurement, (run) =>
      run.executeUpdate(cancelProcurementUpdate, { args: [{ reason, by: ctx.identity.subject }] }),
    );
    return ctx.em.fork().findOneOrFail(Procurement, procurement.id);
  }

  @FieldResolver(() => OrganizationRef, { description: 'The buying government agency' })
  agency(@Root() procurement: Procurement) {
    return organizationRef(procurement.agencyId);
  }

  @FieldResolver(() => ProcurementWeights)
  weights(@Root() procurement: Procurement) {
    return procurement.weights;
  }

  @FieldResolver(() => ProcurementEligibility)
  eligibility(@Root() procurement: Procurement) {
    return { ...procurement.eligibility, cleanRecordRequired: true };
  }

  @FieldResolver(() => [ProcurementBid], {
    description:
      'Bids the caller may see: a bidder its own until the award is public; the agency and the committee after closing',
  })
  async bids(
    @Root() procurement: Procurement,
    @Arg('round', () => Int, { nullable: true }) round: number | undefined,
    @Ctx() ctx: ProcessesContext,
  ) {
    const { identity } = ctx;
    const bids = await procurementLoaders(ctx).bidsByProcurement.load(procurement.id);
    return visibleBids(procurement, bids, identity).filter((b) => round == null || b.round === round);
  }

  @FieldResolver(() => ProcurementBid, { nullable: true, description: 'The awarded bid, once the award is public' })
  async award(@Root() procurement: Procurement, @Ctx() ctx: ProcessesContext) {
    const { identity } = ctx;
    if (
      !procurement.awardedBidId ||
      !(procurement.awardPublic || hasRole(identity, 'ADMIN') || isAgencyStaff(procurement, identity))
    )
      return null;
    return (
      (await procurementLoaders(ctx).bidsByProcurement.load(procurement.id)).find(
        (b) => b.id === procurement.awardedBidId,
      ) ?? null
    );
  }

  @FieldResolver(() => [ProcurementObjection])
  objections(@Root() procurement: Procurement) {
    return procurement.objections.map(({ organizationId, reason, outcome }) => ({ organizationId, reason, outcome }));
  }

  @FieldResolver(() => [ID], { description: 'Committee members (person ids): the agency, the members and admins' })
  committee(@Root() procurement: Procurement, @Ctx() { identity }: ProcessesContext) {
    const may =
      hasRole(identity, 'ADMIN') || isAgencyStaff(procurement, identity) || isCommitteeMember(procurement, identity);
    return may ? procurement.committee : [];
  }

  @FieldResolver(() => [ProcurementRecusal], {
    description: 'Members who stepped aside (回避) and why: the agency and admins',
  })
  recusals(@Root() procurement: Procurement, @Ctx() { identity }: ProcessesContext) {
    return hasRole(identity, 'ADMIN') || isAgencyStaff(procurement, identity) ? procurement.recusals : [];
  }

  @FieldResolver(() => ProcurementContract, {
    nullable: true,
    description: 'The signed contract (public, as contracts are announced)',
  })
  contract(@Root() procurement: Procurement) {
    return contractView(procurement);
  }

  @FieldResolver(() => [HumanTask], { description: 'Its tasks the caller may see' })
  tasks(@Root() procurement: Procurement, @Ctx() { loaders }: ProcessesContext) {
    return loaders.visibleTasksByProcess.load(procurement.id);
  }
}

@Resolver(() => ProcurementBid)
export class ProcurementBidResolver {
  @FieldResolver(() => OrganizationRef, { description: 'The bidder' })
  organization(@Root() bid: ProcurementBid) {
    return organizationRef(bid.organizationId);
  }

  @FieldResolver(() => Number, { nullable: true, description: "The committee's mean technical score, once scored" })
  technicalScore(@Root() bid: ProcurementBid) {
    const scores = Object.values(bid.technicalScores);
    return scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
  }

  @FieldResolver(() => Int, { description: 'Members who scored it' })
  scoredBy(@Root() bid: ProcurementBid) {
    return Object.keys(bid.technicalScores).length;
  }
}

@Resolver(() => ProcurementContract)
export class ProcurementContractResolver {
  @FieldResolver(() => OrganizationRef, { description: 'The provider' })
  provider(@Root() contract: ProcurementContract) {
    return organizationRef(contract.providerId);
  }

  @FieldResolver(() => Procurement)
  procurement(@Root() contract: ProcurementContract) {
    return contract.procurementRow;
  }

  @FieldResolver(() => [ProcurementPayment], { description: 'Payments made, one per accepted milestone' })
  payments(@Root() contract: ProcurementContract, @Ctx() ctx: ProcessesContext) {
    return procurementLoaders(ctx).paymentsByProcurement.load(contract.id);
  }

  @FieldResolver(() => GraphQLSafeInt, { description: 'Paid so far, in fen' })
  async paidFen(@Root() contract: ProcurementContract, @Ctx() ctx: ProcessesContext) {
    return (await procurementLoaders(ctx).paymentsByProcurement.load(contract.id)).reduce(
      (sum, p) => sum + p.amountFen,
      0,
    );
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationContractsResolver {
  @FieldResolver(() => [ProcurementContract], {
    description: 'Government service contracts this organization holds as the provider, newest first',
  })
  async contracts(@Root() organization: OrganizationRef, @Ctx() ctx: ProcessesContext) {
    return (await procurementLoaders(ctx).contractsByProvider.load(organization.id)).flatMap(
      (row) => contractView(row) ?? [],
    );
  }
}
