import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, gql, sql, token, type GraphQLResponse } from './support/hub.js';
import { procurementWorld } from './support/procurement-world.js';
import { until as poll } from './support/until.js';

// Government service procurement's key steps through the gateway, on the shared hub's real
// Temporal: an agency officer publishes (bad needs refused, nothing written), bidders submit,
// revise and withdraw sealed bids, bidding closes and screening explains itself, the committee
// scores from its inbox (a score over the maximum refused beside the field), the head approves
// the award, the bids become public, and the agency cancels with every party told. (The whole
// run to the last payment is on the time-skipping server: workflows/procurement/workflow.test.ts.)

const tag = randomUUID().slice(0, 6);
let world: Awaited<ReturnType<typeof procurementWorld>>;
let officer: string;
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) =>
  poll(read, done, what, { tries: 300, everyMs: 200 });
const fieldOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.field;

const PUBLISH =
  'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id workflowId stage round processType agency { name creditCode } weights { price technical } eligibility { minimumGrade kinds } } }';
const BID =
  'mutation ($id: ID!, $bid: BidInput!) { submitBid(procurementId: $id, bid: $bid) { id status version priceFen round } }';
const BIDS =
  'query ($id: ID!) { procurement(id: $id) { stage bids { organization { id name } status priceFen reasons version rank total } } }';
const DECIDE =
  'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status decision } } }';

function need(overrides: Record<string, unknown> = {}) {
  return {
    agencyId: world.agency.id,
    categoryCode: 'LEGAL_MEDIATION',
    title: `商会人民调解服务${tag}`,
    description: '为全市异地商会会员企业提供纠纷调解服务',
    budgetFen: 50_000_000,
    method: 'COMPETITIVE_CONSULTATION',
    priceWeight: 20,
    technicalWeight: 80,
    minimumGrade: 'A3',
    minimumYearsRegistered: 2,
    closesAt: new Date(Date.now() + 8_000).toISOString(),
    committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
    noticeDays: 5,
    ...overrides,
  };
}
const approver = (organizationId: string) => token(['APPROVER'], [organizationId], `approver-${organizationId}`);
const member = (personId: string) => token(['APPROVER'], [], personId);
const inbox = async (as: string, kind: string) =>
  (
    await gql(
      `{ myTasks(kind: "${kind}", status: OPEN, first: 50) { edges { node { id title summary processId organization { id } form { outcomes fields { name max } } } } } }`,
      {},
      as,
    )
  ).data.myTasks.edges.map((e: { node: unknown }) => e.node);

beforeAll(async () => {
  world = await procurementWorld(tag);
  officer = await token(['AGENCY_OFFICER'], [world.agency.id], world.officer.id);
});

describe('government service procurement through the gateway', () => {
  it('refuses a bad need with the field named, and writes nothing', async () => {
    const before = (await sql('select count(*)::int as n from processes.procurement'))[0].n;
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ categoryCode: 'FIREWORKS' }, 'BAD_USER_INPUT', 'need.categoryCode'],
      [{ priceWeight: 40, technicalWeight: 60 }, 'BAD_USER_INPUT', 'need.weights.price'],
      [{ committee: [world.committee.zhang.id, world.committee.li.id] }, 'BAD_USER_INPUT', 'need.committee'],
      [
        { committee: [world.committee.zhang.id, world.committee.li.id, randomUUID()] },
        'BAD_USER_INPUT',
        'need.committee[2]',
      ],
      [{ closesAt: new Date(Date.now() - 1000).toISOString() }, 'BAD_USER_INPUT', 'need.closesAt'],
      [{ budgetFen: 0 }, 'BAD_USER_INPUT', 'need.budgetFen'],
      [{ title: '调'.repeat(201) }, 'BAD_USER_INPUT', 'need.title'],
      [{ minimumGrade: '3A' }, 'BAD_USER_INPUT', 'need.minimumGrade'],
    ];
    for (const [overrides, code, field] of cases) {
      const r = await gql(PUBLISH, { need: need(overrides) }, officer);
      expect([codeOf(r), fieldOf(r)], JSON.stringify(overrides)).toEqual([code, field]);
      expect(r.errors![0].message).not.toMatch(/\n\s+at /);
    }
    // Only the agency's own officers publish, and only for a government agency.
    expect(codeOf(await gql(PUBLISH, { need: need() }, await token(['AGENCY_OFFICER'], [world.bidders.jia.id])))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(PUBLISH, { need: need() }, await approver(world.agency.id)))).toBe('FORBIDDEN');
    const asChamber = await gql(
      PUBLISH,
      { need: need({ agencyId: world.bidders.jia.id }) },
      await token(['AGENCY_OFFICER'], [world.bidders.jia.id]),
    );
    expect([codeOf(asChamber), asChamber.errors?.[0]?.message]).toEqual([
      'BAD_USER_INPUT',
      expect.stringContaining('is not a government agency'),
    ]);
    expect((await sql('select count(*)::int as n from processes.procurement'))[0].n).toBe(before);
  });

  it(
    'takes sealed bids, screens them at closing, scores, awards, and is cancelled with every party told',
    { timeout: 120_000 },
    async () => {
      const { bidders, committee } = world;
      const published = await gql(PUBLISH, { need: need() }, officer);
      expect(published.errors).toBeUndefined();
      const p = published.data.publishProcurement;
      expect(p).toMatchObject({
        stage: 'BIDDING',
        round: 1,
        processType: 'PROCUREMENT',
        agency: { name: world.agency.name },
        weights: { price: 20, technical: 80 },
        eligibility: { minimumGrade: 'A3' },
      });
      // Its run's id reads in the Temporal UI: the process, the year, the agency's code.
      expect(p.workflowId).toMatch(
        new RegExp(`^procurement-\\d{4}-${p.agency.creditCode ?? '[0-9a-f]{8}'}-[0-9a-f]{10}$`),
      );

      // Listed for everyone, with filters.
      const listed = async (filter: string) =>
        (
          await gql(
            `{ procurements(first: 100${filter}) { totalCount edges { node { id } } } }`,
            {},
            await token(['INTEGRATOR']),
          )
        ).data.procurements.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(
        await listed(
          `, agencyId: "${world.agency.id}", categoryCode: "LEGAL_MEDIATION", stage: "BIDDING", year: ${new Date().getFullYear()}`,
        ),
      ).toEqual([p.id]);
      expect(await listed(`, agencyId: "${world.agency.id}", categoryCode: "INDUSTRY_SURVEY"`)).toEqual([]);

      // Bids: submit, revise, withdraw; over the budget and someone else's name refused.
      const bid = async (organizationId: string, priceFen: number, as?: string) =>
        gql(
          BID,
          { id: p.id, bid: { organizationId, priceFen, proposal: '专职调解员三名，全年驻点' } },
          as ?? (await approver(organizationId)),
        );
      expect((await bid(bidders.jia.id, 40_000_000)).data.submitBid).toMatchObject({
        status: 'SUBMITTED',
        version: 1,
        round: 1,
      });
      expect((await bid(bidders.jia.id, 38_000_000)).data.submitBid).toMatchObject({
        version: 2,
        priceFen: 38_000_000,
      });
      expect((await bid(bidders.yi.id, 36_000_000)).errors).toBeUndefined();
      expect((await bid(bidders.bing.id, 30_000_000)).errors).toBeUndefined();
      expect((await bid(bidders.ding.id, 30_000_000)).errors).toBeUndefined();
      const over = await bid(bidders.wu.id, 50_000_001);
      expect([codeOf(over), fieldOf(over)]).toEqual(['BAD_USER_INPUT', 'priceFen']);
      expect(codeOf(await bid(bidders.jia.id, 1, await approver(bidders.yi.id)))).toBe('FORBIDDEN');
      const withdrawn = await gql(
        'mutation ($id: ID!, $org: ID!) { withdrawBid(procurementId: $id, organizationId: $org) { status } }',
        { id: p.id, org: bidders.ding.id },
        await approver(bidders.ding.id),
      );
      expect(withdrawn.data.withdrawBid.status).toBe('WITHDRAWN');

      // Sealed: a bidder sees its own; the agency and others see none before closing.
      const seenBy = async (as: string) =>
        (await gql(BIDS, { id: p.id }, as)).data.procurement.bids.map(
          (b: { organization: { id: string } }) => b.organization.id,
        );
      expect(await seenBy(await approver(bidders.yi.id))).toEqual([bidders.yi.id]);
      expect(await seenBy(officer)).toEqual([]);
      expect(await seenBy(await token(['INTEGRATOR']))).toEqual([]);

      // Closing: late bids refused; screening as of the closing day, every refusal in words.
      await until(
        async () => (await gql(BIDS, { id: p.id }, officer)).data.procurement.stage,
        (s) => s === 'SCORING',
        'scoring',
      );
      expect(codeOf(await bid(bidders.wu.id, 30_000_000))).toBe('CONFLICT');
      const screened = (await gql(BIDS, { id: p.id }, officer)).data.procurement.bids;
      const byOrg = (id: string) => screened.find((b: { organization: { id: string } }) => b.organization.id === id);
      expect(byOrg(bidders.jia.id)).toMatchObject({ status: 'ELIGIBLE', version: 2, reasons: [] });
      expect(byOrg(bidders.yi.id).status).toBe('ELIGIBLE');
      expect(byOrg(bidders.bing.id)).toMatchObject({
        status: 'REJECTED',
        reasons: ['近三年内有重大违法记录：2025-06-01 受到嘉兴市民政局行政处罚'],
      });
      expect(byOrg(bidders.ding.id).status).toBe('WITHDRAWN');
      expect(await seenBy(await approver(bidders.yi.id))).toEqual([bidders.yi.id]);
      const recusals = (
        await gql(
          'query ($id: ID!) { procurement(id: $id) { recusals { personId organizationId reason } } }',
          { id: p.id },
          officer,
        )
      ).data.procurement.recusals;
      expect(recusals).toEqual([
        { personId: committee.li.id, organizationId: bidders.jia.id, reason: `在${bidders.jia.name}任职` },
      ]);

      // The committee scores from its inbox; 李 has only 乙's bid.
      const li = await member(committee.li.id);
      const liTasks = await until(
        () => inbox(li, 'SCORE_BID'),
        (t) => t.length === 1,
        '李的评审任务',
      );
      expect(liTasks[0]).toMatchObject({
        organization: { id: bidders.yi.id },
        summary: `政府购买服务 · ${world.agency.name} · 商会人民调解服务${tag}`,
        form: {
          outcomes: ['SUBMIT'],
          fields: [
            { name: 'technical', max: 100 },
            { name: 'opinion', max: null },
          ],
        },
      });
      expect(liTasks[0].title).toMatch(/^评审打分：商会人民调解服务/);
      const tooHigh = await gql(
        DECIDE,
        { id: liTasks[0].id, input: { outcome: 'SUBMIT', values: { technical: 101 } } },
        li,
      );
      expect([codeOf(tooHigh), fieldOf(tooHigh)]).toEqual(['BAD_USER_INPUT', 'technical']);
      for (const [who, score] of [[li, 75]] as const)
        expect(
          (await gql(DECIDE, { id: liTasks[0].id, input: { outcome: 'SUBMIT', values: { technical: score } } }, who))
            .errors,
        ).toBeUndefined();
      for (const person of [committee.zhang, committee.chen]) {
        const as = await member(person.id);
        for (const task of await until(
          () => inbox(as, 'SCORE_BID'),
          (t) => t.length === 2,
          'two scoring tasks',
        )) {
          const decided = await gql(
            DECIDE,
            {
              id: task.id,
              input: {
                outcome: 'SUBMIT',
                values: { technical: task.organization.id === bidders.jia.id ? 90 : 75, opinion: '方案完整' },
              },
            },
            as,
          );
          expect(decided.errors).toBeUndefined();
        }
      }

      // The head approves the award; the bids become public.
      const head = await token(['AGENCY_HEAD'], [world.agency.id], world.head.id);
      const [approval] = await until(
        () => inbox(head, 'APPROVE_AWARD'),
        (t) => t.length === 1,
        'the award approval',
      );
      expect(approval.title).toMatch(/^审批中标结果：商会人民调解服务.*（第 1 名，综合得分 /);
      expect((await gql(DECIDE, { id: approval.id, input: { outcome: 'APPROVE' } }, head)).errors).toBeUndefined();
      await until(
        async () => (await gql(BIDS, { id: p.id }, officer)).data.procurement.stage,
        (s) => s === 'NOTICE',
        'the award notice',
      );
      const award = await gql(
        'query ($id: ID!) { procurement(id: $id) { award { organization { name } rank } bids { organization { id } } } }',
        { id: p.id },
        await approver(bidders.yi.id),
      );
      expect(award.data.procurement.award).toEqual({ organization: { name: bidders.jia.name }, rank: 1 });
      expect(award.data.procurement.bids).toHaveLength(4);

      // A contract is checked before anything else, then refused at this step.
      const contract = {
        startsOn: '2027-01-01',
        endsOn: '2028-06-30',
        milestones: [{ deliverable: '年度调解报告', dueOn: '2027-12-01', sharePercent: 100 }],
        serviceUserId: world.serviceUser.id,
        expertId: world.expert.id,
      };
      const SIGN =
        'mutation ($id: ID!, $c: ContractInput!) { signProcurementContract(procurementId: $id, contract: $c) { stage } }';
      const tooLong = await gql(SIGN, { id: p.id, c: contract }, officer);
      expect([codeOf(tooLong), fieldOf(tooLong)]).toEqual(['BAD_USER_INPUT', 'contract.endsOn']);
      expect(codeOf(await gql(SIGN, { id: p.id, c: { ...contract, endsOn: '2027-12-31' } }, officer))).toBe('CONFLICT');

      // The agency cancels: a reason is required, only its officers may, and then once.
      const CANCEL =
        'mutation ($id: ID!, $reason: String!) { cancelProcurement(procurementId: $id, reason: $reason) { stage cancelReason } }';
      expect(codeOf(await gql(CANCEL, { id: p.id, reason: '  ' }, officer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(CANCEL, { id: p.id, reason: '政策调整' }, head))).toBe('FORBIDDEN');
      const lodged = await gql(
        'mutation ($id: ID!, $org: ID!) { lodgeProcurementObjection(procurementId: $id, organizationId: $org, reason: "评分畸高") { objections { reason outcome } } }',
        { id: p.id, org: bidders.yi.id },
        await approver(bidders.yi.id),
      );
      expect(lodged.data.lodgeProcurementObjection.objections).toEqual([{ reason: '评分畸高', outcome: null }]);
      const cancelled = await gql(CANCEL, { id: p.id, reason: '政策调整，项目取消' }, officer);
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data.cancelProcurement).toMatchObject({
        stage: 'CANCELLED',
        cancelReason: '政策调整，项目取消',
      });
      expect(
        (
          await sql(
            "select count(*)::int as n from processes.human_task where process_id = $1 and status in ('OPEN', 'CLAIMED')",
            [p.id],
          )
        )[0].n,
      ).toBe(0);
      expect(
        (
          await sql("select count(*)::int as n from processes.human_task where process_id = $1 and status = 'DONE'", [
            p.id,
          ])
        )[0].n,
      ).toBe(6);
      expect(codeOf(await gql(CANCEL, { id: p.id, reason: '再次取消' }, officer))).toBe('CONFLICT');
      for (const party of [await approver(bidders.bing.id), li, officer, head]) {
        const notices = (
          await gql('{ myNotifications(first: 20) { edges { node { kind message processId } } } }', {}, party)
        ).data.myNotifications.edges.map((e: { node: unknown }) => e.node);
        expect(notices).toContainEqual({
          kind: 'NOTICE',
          processId: p.id,
          message: `《商会人民调解服务${tag}》已由${world.agency.name}取消：政策调整，项目取消`,
        });
      }
    },
  );
});
