import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/activity';
import type { ProcurementActivities } from '../../../workflows/procurement/activities.js';
import { OUTCOME_WORDS } from '../../../workflows/procurement/rules.js';
import type { RegistryClient } from '../registry/client.js';
import { permanentOnRefusal } from '../registry/refusals.js';
import { candidateKey } from '../kit/access.js';
import { NotificationKind, TaskNotification } from '../kit/notification.js';
import { writeNotification } from '../kit/delivery/outbox.js';
import { committeeMembers } from '../committees/standing.js';
import { recusalReason } from '../committees/recusal.js';
import { todayInChina } from '../../common/dates.js';
import { bidderFacts, memberFacts } from './registry-facts.js';
import { writeProjection } from './projection.js';
import { bidderReasons, CONTROL_EDGES, relatedBidderReasons } from './screening.js';

// The procurement's side effects: projection rows, screening and recusal from registry facts,
// notices, the contract and performance written to the provider's credit record, and payments.
// Idempotent: rows upserted by revision, notices and payments keyed, registry writes keyed.

/** Relationship types whose live edge to a bidder makes a member's organisation too close to it. */
const RECUSAL_EDGES = ['MEMBER_OF', 'BANK_PAIRING', 'COLLEGE_PARTNERSHIP', ...CONTROL_EDGES];

const fen = (amount: number) => `${(amount / 1_000_000).toFixed(2).replace(/\.?0+$/, '')}万元`;

export function createProcurementActivities({ orm, registry }: { orm: MikroORM; registry: RegistryClient }) {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const creditEntry = (input: Record<string, unknown>, key: string) =>
    registry.asSystem(
      'mutation ($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id } }',
      { input, key },
    );

  return {
    async recordProcurement({ input, state, revision }) {
      await inTransaction((em) => writeProjection(em, input, state, revision));
    },

    async screenBids({ input, bids, closingDay }) {
      return permanentOnRefusal(async () => {
        const facts = await bidderFacts(registry, [...new Set(bids.map((b) => b.organizationId))], closingDay);
        const related = relatedBidderReasons(facts.map((f) => f.bidder));
        const rejected = bids.flatMap((bid) => {
          const bidder = facts.find((f) => f.bidder.id === bid.organizationId)!.bidder;
          const reasons = [
            ...bidderReasons(bidder, input.need.eligibility, closingDay),
            ...(related.get(bidder.id) ?? []),
          ];
          return reasons.length ? [{ bidId: bid.bidId, reasons }] : [];
        });
        const members = await memberFacts(registry, input.need.committee);
        const recusals = members.flatMap((member) =>
          facts.flatMap(({ applicant }) => {
            const reason = recusalReason(member, applicant, closingDay, RECUSAL_EDGES);
            return reason ? [{ personId: member.id, organizationId: applicant.id, reason }] : [];
          }),
        );
        return { rejected, recusals };
      });
    },

    async objectionReviewers({ asOf }) {
      return permanentOnRefusal(async () => (await committeeMembers(registry, asOf)).review);
    },

    async notifyParties({ procurementId, key, message, audience }) {
      await inTransaction(async (em) => {
        if (await em.findOne(TaskNotification, { processId: procurementId, noticeKey: key })) return;
        await writeNotification(em, {
          processId: procurementId,
          noticeKey: key,
          kind: NotificationKind.NOTICE,
          message,
          audience: [...new Set(audience.map(candidateKey))],
          createdAt: new Date(),
        });
      });
    },

    async recordContract({ input, contract }) {
      await permanentOnRefusal(() =>
        creditEntry(
          {
            organizationId: contract.providerId,
            kind: 'CONTRACT',
            recordedOn: todayInChina(),
            source: `procurement:${input.procurementId}`,
            summary: `${input.need.agencyName}《${input.need.title}》${input.need.categoryName}合同 ${fen(contract.priceFen)}（${contract.startsOn} 至 ${contract.endsOn}）`,
          },
          `procurement:${input.procurementId}:contract`,
        ),
      );
    },

    async payMilestone({ procurementId, milestoneNo, providerId, amountFen }) {
      // The unique (procurement, milestone) index makes a second payment impossible; a retry
      // after a lost answer finds the row its first attempt wrote.
      const conn = orm.em.getConnection();
      await conn.execute(
        `insert into processes.procurement_payment (id, procurement_id, milestone_no, provider_id, amount_fen, paid_at)
         values (gen_random_uuid(), ?, ?, ?, ?, now()) on conflict (procurement_id, milestone_no) do nothing`,
        [procurementId, milestoneNo, providerId, amountFen],
      );
      const [row] = await conn.execute<{ id: string; amount_fen: string }[]>(
        'select id, amount_fen from processes.procurement_payment where procurement_id = ? and milestone_no = ?',
        [procurementId, milestoneNo],
      );
      if (Number(row.amount_fen) !== amountFen)
        throw ApplicationFailure.nonRetryable(
          `milestone ${milestoneNo} was already paid a different amount`,
          'PaymentMismatch',
        );
      return { paymentId: row.id };
    },

    async recordPerformance({ input, contract, score, outcome, terminated }) {
      const words = OUTCOME_WORDS[outcome as keyof typeof OUTCOME_WORDS];
      await permanentOnRefusal(() =>
        creditEntry(
          {
            organizationId: contract.providerId,
            kind: 'PERFORMANCE',
            outcome,
            recordedOn: todayInChina(),
            source: `procurement:${input.procurementId}`,
            summary: `${input.need.agencyName}《${input.need.title}》履约评价：${words}${score === null ? '' : `（${score} 分）`}${terminated ? '，合同因违约终止' : ''}`,
          },
          `procurement:${input.procurementId}:performance`,
        ),
      );
    },
  } satisfies ProcurementActivities;
}
