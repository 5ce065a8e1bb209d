import { condition, setHandler } from '@temporalio/workflow';
import { procurementActivities, type ProcurementContext } from './context.js';
import {
  chinaDay,
  contractProblems,
  endOfChinaDay,
  paymentAmounts,
  performanceOutcome,
  performanceScore,
} from './rules.js';
import {
  ACCEPT_MILESTONE_FORM,
  ACCEPT_MILESTONE_TASK_KIND,
  DELIVER_MILESTONE_FORM,
  DELIVER_MILESTONE_TASK_KIND,
  OVERDUE_MILESTONE_FORM,
  OVERDUE_MILESTONE_TASK_KIND,
  PERFORMANCE_REVIEW_FORM,
  PERFORMANCE_REVIEW_TASK_KIND,
  signContractUpdate,
  type Bid,
  type Milestone,
} from './types.js';
import { DAY } from '../common/time.js';
import { badRequest, notNow } from '../common/failures.js';

// After the award: the contract (terms checked by the same rules as the resolver's), then each
// milestone in turn (the provider delivers, the agency accepts or rejects with a new due date,
// an accepted milestone is paid once; an overdue one reminds, then goes to the agency to extend
// or terminate), and at the end the performance review written to the provider's credit record.

/** Waits for the signed contract; false when none came in time. */
export async function contract(ctx: ProcurementContext, bid: Bid): Promise<boolean> {
  const { state, input } = ctx;
  setHandler(
    signContractUpdate,
    async (terms) => {
      const amounts = paymentAmounts(
        bid.priceFen,
        terms.milestones.map((m) => m.sharePercent),
      );
      state.contract = {
        ...terms,
        providerId: bid.organizationId,
        bidId: bid.bidId,
        priceFen: bid.priceFen,
        milestones: terms.milestones.map((m, i): Milestone => ({
          ...m,
          no: i + 1,
          amountFen: amounts[i]!,
          status: 'PENDING',
          currentDueOn: m.dueOn,
          submissions: [],
          rejections: [],
          paymentId: null,
        })),
      };
      // Answered once the workflow has taken the contract in (the projection shows PERFORMING).
      await condition(() => state.stage !== 'CONTRACTING');
      return state;
    },
    {
      validator: (terms) => {
        if (state.stage !== 'CONTRACTING' || state.contract)
          throw notNow('The contract is signed after the award notice, once');
        const problems = contractProblems(terms, chinaDay(Date.now()));
        if (problems.length) throw badRequest(problems[0]!.message, problems[0]!.field);
      },
    },
  );
  await ctx.moveTo('CONTRACTING');
  if (!(await condition(() => state.contract !== null, input.deadlinesMs.contract))) {
    state.closeReason = '未在期限内签订合同';
    return false;
  }
  await procurementActivities.recordContract({ input, contract: state.contract! });
  await ctx.moveTo('PERFORMING');
  return true;
}

/** Runs every milestone to payment; false when the agency terminated the contract. */
export async function deliver(ctx: ProcurementContext): Promise<boolean> {
  const { state, input, tasks } = ctx;
  const provider = state.contract!.providerId;
  const supplier = [{ role: 'APPROVER', organizationId: provider }];
  for (const milestone of state.contract!.milestones) {
    for (;;) {
      const untilDue = endOfChinaDay(milestone.currentDueOn) - Date.now();
      const delivered = await tasks.ask(
        {
          ...ctx.spec(
            DELIVER_MILESTONE_TASK_KIND,
            `提交第 ${milestone.no} 期成果：${milestone.deliverable}（${milestone.currentDueOn} 前）`,
            provider,
            supplier,
            untilDue,
          ),
          followUpInMs: Math.max(untilDue - 3 * DAY, 0),
        },
        DELIVER_MILESTONE_FORM,
      );
      if (delivered.kind !== 'DECIDED') {
        milestone.status = 'OVERDUE';
        await ctx.record();
        await procurementActivities.notifyParties({
          procurementId: input.procurementId,
          key: `overdue-${milestone.no}-${milestone.currentDueOn}`,
          message: `《${input.need.title}》第 ${milestone.no} 期成果（${milestone.deliverable}）已于 ${milestone.currentDueOn} 逾期，已报采购单位处理`,
          audience: [...supplier, ...ctx.agency.officers],
        });
        const overdue = await tasks.ask(
          ctx.spec(
            OVERDUE_MILESTONE_TASK_KIND,
            `第 ${milestone.no} 期成果逾期未交：${input.need.title}`,
            provider,
            ctx.agency.officers,
            input.deadlinesMs.overdue,
          ),
          OVERDUE_MILESTONE_FORM,
          { escalateTo: ctx.agency.head },
        );
        if (overdue.kind === 'DECIDED' && overdue.decision.decision === 'EXTEND') {
          milestone.currentDueOn = String(overdue.decision.values?.newDueOn);
          continue;
        }
        state.closeReason =
          overdue.kind === 'DECIDED'
            ? `合同终止：${String(overdue.decision.values?.reason ?? '')}`
            : `第 ${milestone.no} 期成果逾期，合同终止`;
        return false;
      }
      milestone.submissions.push({
        summary: String(delivered.decision.values?.summary ?? ''),
        by: delivered.decision.decidedBy,
        at: Date.now(),
      });
      milestone.status = 'SUBMITTED';
      await ctx.record();
      const acceptance = await tasks.ask(
        ctx.spec(
          ACCEPT_MILESTONE_TASK_KIND,
          `验收第 ${milestone.no} 期成果：${milestone.deliverable}`,
          provider,
          ctx.agency.officers,
          input.deadlinesMs.acceptance,
        ),
        ACCEPT_MILESTONE_FORM,
        { escalateTo: ctx.agency.head },
      );
      // 逾期未验收：the buyer's silence after escalation counts as acceptance; the provider is not held hostage.
      if (acceptance.kind === 'DECIDED' && acceptance.decision.decision === 'REJECT') {
        const { reason, newDueOn } = acceptance.decision.values as { reason: string; newDueOn: string };
        milestone.rejections.push({ reason, by: acceptance.decision.decidedBy, newDueOn });
        milestone.currentDueOn = newDueOn;
        milestone.status = 'REJECTED';
        await ctx.record();
        continue;
      }
      const { paymentId } = await procurementActivities.payMilestone({
        procurementId: input.procurementId,
        milestoneNo: milestone.no,
        providerId: provider,
        amountFen: milestone.amountFen,
      });
      milestone.paymentId = paymentId;
      milestone.status = 'PAID';
      await ctx.record();
      break;
    }
  }
  return true;
}

/** The buyer, a service user and an expert score the performance; the result goes to the credit record. */
export async function reviewPerformance(ctx: ProcurementContext, terminated: boolean): Promise<void> {
  const { state, input, tasks } = ctx;
  const contract = state.contract!;
  await ctx.moveTo('PERFORMANCE_REVIEW');
  const reviewers = [
    { role: 'BUYER' as const, candidates: ctx.agency.officers },
    { role: 'SERVICE_USER' as const, candidates: [{ subject: contract.serviceUserId }] },
    { role: 'EXPERT' as const, candidates: [{ subject: contract.expertId }] },
  ];
  const results = await Promise.all(
    reviewers.map(({ candidates }) =>
      tasks.ask(
        ctx.spec(
          PERFORMANCE_REVIEW_TASK_KIND,
          `履约评价：${input.need.title}`,
          contract.providerId,
          candidates,
          input.deadlinesMs.review,
        ),
        PERFORMANCE_REVIEW_FORM,
      ),
    ),
  );
  const scores = results.flatMap((r, i) =>
    r.kind === 'DECIDED'
      ? [{ by: r.decision.decidedBy, role: reviewers[i]!.role, score: Number(r.decision.values?.score) }]
      : [],
  );
  const score = performanceScore(scores);
  const outcome = performanceOutcome(score, terminated);
  state.performance = { scores, score, outcome };
  await procurementActivities.recordPerformance({ input, contract, score, outcome, terminated });
  await ctx.record();
}
