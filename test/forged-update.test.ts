import { describe, expect, inject, it } from 'vitest';
import { Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { orgId, sql, temporalClient, token } from './support/hub.js';
import { createCourse, decide, enrolled } from './support/training.js';
import { testDataConverter } from './support/time-skipping.js';

// Issue 23: Temporal accepted an unencrypted `decide` Update sent straight to its frontend, with
// any `decidedBy` (a task rejected as "nobody"), because the payload codec let plain payloads
// through. Now the codec refuses what the hub did not encrypt, and the SDK rejects an Update
// whose argument cannot be read before anything is recorded: the task stays open, the run does
// not move, and the chamber's real decision still works afterwards.

const wenzhou = orgId('wenzhou');
const { UpdateWorkflowExecutionLifecycleStage: Stage } = temporal.api.enums.v1;

describe('a decide Update sent to Temporal without the hub', () => {
  it('is rejected for its plain payload, and the task and the run are unchanged', async () => {
    const enrollment = await enrolled(await createCourse(3), wenzhou);
    const hub = await temporalClient();
    const stateOf = () => hub.workflow.getHandle(enrollment.workflowId).query('state');
    const acceptedUpdates = async () =>
      ((await hub.workflow.getHandle(enrollment.workflowId).fetchHistory()).events ?? []).filter(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
      ).length;
    const before = await stateOf();
    const updatesBefore = await acceptedUpdates(); // the application's own (update-with-start)

    // Someone who reaches the frontend, with no key: the Update's argument is plain JSON.
    const intruder = await Connection.connect({ address: inject('temporalAddress') });
    const forged = { taskId: enrollment.taskId, decision: 'REJECT', decidedBy: 'nobody', values: { reason: '伪造' } };
    const answer = await intruder.workflowService.updateWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: enrollment.workflowId },
      waitPolicy: { lifecycleStage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED },
      request: {
        meta: { updateId: `forged-${enrollment.taskId}`, identity: 'intruder' },
        input: { name: 'decide', args: { payloads: [defaultPayloadConverter.toPayload(forged)] } },
      },
    });
    await intruder.close();
    // Rejected, not accepted: a failure outcome, whose message (encrypted like every failure's)
    // the hub's key reads as the codec's refusal.
    expect(answer.outcome?.success).toBeFalsy();
    const failure = answer.outcome?.failure;
    expect(failure).toBeTruthy();
    const [attributes] = await testDataConverter().payloadCodecs![0].decode([failure!.encodedAttributes!]);
    const { message } = defaultPayloadConverter.fromPayload<{ message: string }>(attributes);
    console.log(`[forged] the intruder's Update was rejected: ${message.slice(0, 160)}`);
    expect(message).toMatch(/Unknown encoding: refused by the hub: a payload not encrypted/);

    const [task] = await sql('select status, decision, decided_by from processes.human_task where id = $1', [
      enrollment.taskId,
    ]);
    expect(task).toEqual({ status: 'OPEN', decision: null, decided_by: null });
    expect(await stateOf()).toEqual(before);
    // Nothing of it in the history: a rejected Update leaves no event.
    expect(await acceptedUpdates()).toBe(updatesBefore);

    // The chamber's own decision, through the hub, goes through as before.
    const real = await decide(enrollment.taskId, 'APPROVE', await token(['APPROVER'], [wenzhou]), '同意推荐');
    expect(real.errors).toBeUndefined();
    expect(real.data.decideTask.task.status).toBe('DONE');
  });
});
