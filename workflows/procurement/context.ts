import { proxyActivities, proxyLocalActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { TaskBoard } from '../human-task/board.js';
import type { Candidate, TaskSpec } from '../human-task/contracts.js';
import { markStage } from '../human-task/search-attributes.js';
import { ACTIVITY_RETRY } from '../common/retry.js';
import type { ProcurementActivities } from './activities.js';
import { PROCUREMENT_PROCESS_TYPE, type ProcurementInput, type ProcurementState, type Stage } from './types.js';

// What the steps of one procurement share: its input and state, the task board, the activities,
// and how a task or a party of this procurement is named.

// Projection rows and notices are short writes to the hub's own database (local activities);
// registry reads, write-backs and payments go over the network (ordinary activities).
const local = proxyLocalActivities<ProcurementActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });
const remote = proxyActivities<ProcurementActivities>({ startToCloseTimeout: '2 minutes', retry: ACTIVITY_RETRY });
export const procurementActivities = {
  recordProcurement: local.recordProcurement,
  notifyParties: local.notifyParties,
  screenBids: remote.screenBids,
  objectionReviewers: remote.objectionReviewers,
  recordContract: remote.recordContract,
  payMilestone: remote.payMilestone,
  recordPerformance: remote.recordPerformance,
};

export interface ProcurementContext {
  input: ProcurementInput;
  state: ProcurementState;
  tasks: TaskBoard;
  /** Moves to a stage: the search attribute and the projection follow. */
  moveTo(stage: Stage): Promise<void>;
  /** Writes the projection as the state stands. */
  record(): Promise<void>;
  spec(kind: string, title: string, organizationId: string, candidates: Candidate[], dueInMs: number): TaskSpec;
  agency: { officers: Candidate[]; head: Candidate[] };
}

export function procurementContext(
  input: ProcurementInput,
  state: ProcurementState,
  tasks: TaskBoard,
): ProcurementContext {
  const { need } = input;
  let revision = 0;
  const record = () => procurementActivities.recordProcurement({ input, state, revision: ++revision });
  return {
    input,
    state,
    tasks,
    record,
    async moveTo(stage) {
      state.stage = stage;
      markStage(stage);
      await record();
    },
    spec: (kind, title, organizationId, candidates, dueInMs) => ({
      taskId: uuid4(),
      processType: PROCUREMENT_PROCESS_TYPE,
      processId: input.procurementId,
      workflowId: workflowInfo().workflowId,
      kind,
      title,
      summary: `政府购买服务 · ${need.agencyName} · ${need.title}`,
      organizationId,
      candidates,
      dueInMs: Math.max(dueInMs, 60_000),
      followUpInMs: Math.floor(Math.max(dueInMs, 60_000) / 2),
    }),
    agency: {
      officers: [{ role: 'AGENCY_OFFICER', organizationId: need.agencyId }],
      head: [{ role: 'AGENCY_HEAD', organizationId: need.agencyId }],
    },
  };
}
