import { signToken } from '../../../services/common/identity.js';
import { seedOrganizationId } from '../../seed/run.js';
import { AGENCY_LIST } from '../../seed/data/agencies.js';
import { gql } from '../processes/graphql.js';

// The procurement API as its users call it through the gateway: an agency officer publishes a
// need, each bidder's approver submits its bid. Tokens are signed with the hub's secret.

const PUBLISH = 'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id stage } }';
const SUBMIT_BID =
  'mutation ($procurementId: ID!, $bid: BidInput!) { submitBid(procurementId: $procurementId, bid: $bid) { id status } }';

/** 50万元: every bid is below it. */
const BUDGET_FEN = 50_000_000;

export interface Officer {
  agencyId: string;
  token: string;
}

/** An AGENCY_OFFICER token for each seeded agency: the procurements are spread over them. */
export const officers = (secret: string): Promise<Officer[]> =>
  Promise.all(
    AGENCY_LIST.map(async ({ key }) => {
      const agencyId = seedOrganizationId(key);
      return {
        agencyId,
        token: await signToken(
          { subject: `bench-officer-${key}`, roles: ['AGENCY_OFFICER'], organizationIds: [agencyId] },
          secret,
        ),
      };
    }),
  );

/** An APPROVER token for each bidder, its subject its own (the gateway's rate limit is per subject). */
export const bidderTokens = (bidders: string[], secret: string): Promise<string[]> =>
  Promise.all(
    bidders.map((id, i) =>
      signToken({ subject: `bench-bidder-${i}`, roles: ['APPROVER'], organizationIds: [id] }, secret),
    ),
  );

/**
 * Publishes need number `n`: a public tender (three eligible bids needed) for an industry
 * survey, grade A3 and three years' registration asked, closing at `closesAt`. Its id.
 */
export async function publishNeed(
  gatewayUrl: string,
  officer: Officer,
  committee: string[],
  closesAt: Date,
  n: number,
): Promise<string> {
  const data = await gql(gatewayUrl, officer.token, PUBLISH, {
    need: {
      agencyId: officer.agencyId,
      categoryCode: 'INDUSTRY_SURVEY',
      title: `压测采购项目 ${n}：行业运行情况调查`,
      description: '对本市行业协会商会会员企业的运行情况开展抽样调查并形成分析报告（性能测试数据）。',
      budgetFen: BUDGET_FEN,
      method: 'PUBLIC_TENDER',
      priceWeight: 30,
      technicalWeight: 70,
      minimumGrade: 'A3',
      minimumYearsRegistered: 3,
      closesAt: closesAt.toISOString(),
      committee,
      noticeDays: 7,
    },
  });
  if (data.publishProcurement.stage !== 'BIDDING')
    throw new Error(`wrong answer: stage ${data.publishProcurement.stage}`);
  return data.publishProcurement.id as string;
}

/** Bidder `organizationId` bids for procurement `procurementId` (its `k`-th bid, priced below the budget). */
export async function submitBid(
  gatewayUrl: string,
  token: string,
  procurementId: string,
  organizationId: string,
  k: number,
): Promise<void> {
  const data = await gql(gatewayUrl, token, SUBMIT_BID, {
    procurementId,
    bid: {
      organizationId,
      priceFen: BUDGET_FEN - 100_000 * (k + 1),
      proposal: `第 ${k + 1} 份投标方案：抽样框、问卷、进度与质量控制（性能测试数据）。`,
    },
  });
  if (data.submitBid.status !== 'SUBMITTED') throw new Error(`wrong answer: status ${data.submitBid.status}`);
}
