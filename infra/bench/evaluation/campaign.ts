import type pg from 'pg';
import type { Client } from '@temporalio/client';
import { decideUpdate } from '../../../workflows/human-task/contracts.js';
import { INVITE_TASK_KIND, SELF_ASSESSMENT_TASK_KIND } from '../../../workflows/evaluation/types.js';
import { percentile } from '../load.js';
import { gql } from '../processes/graphql.js';

// The campaign's two measured phases, watched from the database the way an approver's inbox
// sees them (processes.human_task), plus the synthetic organisations they run over.

type Log = (line: string) => void;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A phase that has not finished by then is broken, not slow: fail rather than hang. */
const PHASE_LIMIT_MS = 20 * 60_000;

/**
 * `count` industry associations every 2020 rating rule admits: registered 2010 (over two years),
 * PASS inspections for 2018 and 2019, no rating, penalty or list entry. Plain SQL, one statement:
 * the registry's mutations would take minutes for a thousand and are not what is measured.
 */
export async function addEligibleOrganizations(pool: pg.Pool, count: number): Promise<void> {
  await pool.query(
    `with orgs as (
      insert into registry.organization (id, name, kind, region_code, registered_on, created_at, version)
      select gen_random_uuid(), '评估压测行业协会' || lpad(i::text, 5, '0'), 'INDUSTRY_ASSOCIATION', '330400', date '2010-03-01', now(), 1
      from generate_series(1, $1::int) i returning id)
    insert into registry.annual_inspection (id, organization_id, year, result)
    select gen_random_uuid(), orgs.id, y, 'PASS' from orgs cross join (values (2018), (2019)) years(y)`,
    [count],
  );
}

const openTasks = async (pool: pg.Pool, kind: string) =>
  (
    await pool.query<{ n: number }>(
      "select count(*)::int as n from processes.human_task where process_type = 'EVALUATION' and kind = $1 and status in ('OPEN', 'CLAIMED')",
      [kind],
    )
  ).rows[0].n;

/** Polls every 250 ms until `done`, logging progress every 5 s. */
async function until(what: string, poll: () => Promise<{ done: boolean; progress: string }>, log: Log): Promise<void> {
  const began = performance.now();
  let logged = began;
  for (;;) {
    const { done, progress } = await poll();
    if (done) return;
    if (performance.now() - logged >= 5000) {
      logged = performance.now();
      log(`  ${what}: ${progress}`);
    }
    if (performance.now() - began > PHASE_LIMIT_MS)
      throw new Error(`${what} not done after ${PHASE_LIMIT_MS / 60_000} min (${progress})`);
    await sleep(250);
  }
}

export interface InvitationPhase {
  eligible: number;
  ineligible: number;
  eligibilitySeconds: number;
  seconds: number;
}

/** startEvaluationCampaign through the gateway as ADMIN, then until every eligible applicant's invitation is open. */
export async function runInvitations(
  gatewayUrl: string,
  adminToken: string,
  pool: pg.Pool,
  log: Log,
): Promise<InvitationPhase> {
  const began = performance.now();
  await gql(gatewayUrl, adminToken, 'mutation { startEvaluationCampaign(year: 2020, track: RATING) { id stage } }', {});
  let eligibilitySeconds = NaN;
  let campaign = { stage: 'ELIGIBILITY', eligible: 0, ineligible: 0 };
  await until(
    'invitations',
    async () => {
      if (Number.isNaN(eligibilitySeconds)) {
        campaign =
          (
            await pool.query<typeof campaign>(
              "select stage, eligible_count as eligible, ineligible_count as ineligible from processes.evaluation_campaign where id = 'evaluation-rating-2020'",
            )
          ).rows[0] ?? campaign;
        if (campaign.stage !== 'ELIGIBILITY') {
          eligibilitySeconds = (performance.now() - began) / 1000;
          log(
            `  eligibility judged after ${eligibilitySeconds.toFixed(1)} s: ${campaign.eligible} eligible, ${campaign.ineligible} not`,
          );
        }
      }
      const open = await openTasks(pool, INVITE_TASK_KIND);
      return {
        done: !Number.isNaN(eligibilitySeconds) && open >= campaign.eligible,
        progress: `${open} of ${campaign.eligible || '?'} open`,
      };
    },
    log,
  );
  return { ...campaign, eligibilitySeconds, seconds: (performance.now() - began) / 1000 };
}

export interface ApplyPhase {
  applications: number;
  decidedSeconds: number;
  seconds: number;
  updateP50: number;
  updateP99: number;
}

/** Decides every open invitation APPLY (the `decide` update, `concurrency` at a time), then until every self-assessment is open. */
export async function runApplies(client: Client, pool: pg.Pool, concurrency: number, log: Log): Promise<ApplyPhase> {
  const tasks = (
    await pool.query<{ id: string; workflow_id: string }>(
      "select id, workflow_id from processes.human_task where process_type = 'EVALUATION' and kind = $1 and status = 'OPEN' order by created_at",
      [INVITE_TASK_KIND],
    )
  ).rows;
  const began = performance.now();
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      const sent = performance.now();
      // What decideTask sends after its checks (services/processes/tasks); updateId = task id, as there.
      await client.workflow.getHandle(task.workflow_id).executeUpdate(decideUpdate, {
        args: [{ taskId: task.id, decision: 'APPLY', comment: null, decidedBy: 'bench-approver', values: null }],
        updateId: task.id,
      });
      latencies.push(performance.now() - sent);
    }
  };
  const decided = Promise.all(Array.from({ length: concurrency }, lane)).then(() => (performance.now() - began) / 1000);
  let failed: Error | undefined;
  void decided.catch((error: unknown) => {
    failed = error instanceof Error ? error : new Error(String(error));
  });
  await until(
    'self-assessments',
    async () => {
      if (failed) throw failed;
      const open = await openTasks(pool, SELF_ASSESSMENT_TASK_KIND);
      return {
        done: open >= tasks.length,
        progress: `${latencies.length} of ${tasks.length} decided, ${open} self-assessments open`,
      };
    },
    log,
  );
  const seconds = (performance.now() - began) / 1000;
  const decidedSeconds = await decided; // a task's row may be seen before its update's answer arrives
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    applications: tasks.length,
    decidedSeconds,
    seconds,
    updateP50: percentile(sorted, 50),
    updateP99: percentile(sorted, 99),
  };
}
