import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { encodeToPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow/index.js';
import { temporal } from '@temporalio/proto';
import { readHistory, type RunEvent } from './history.js';
import { timelineOf, type TimelineFacts } from './timeline.js';
import { catalogFacts } from './timeline-facts.js';
import { CATALOG } from '../catalog.js';
import { historyReader, hubDataConverter } from '../../common/temporal.js';
import { parsePayloadKeys } from '../../common/payload-keys.js';

// The event → words mapping on a saved history of a whole procurement (bids, screening, scoring,
// award, notice, objection, contract, milestones, payments, an expired task) and on hand-made
// events for the task kit's steps, with the catalog's words for training.

// As the runs' loaders read histories (historyReader): the saved file and the core's markers are plain.
const converter = historyReader(
  loadDataConverter(hubDataConverter({ payloadKeys: parsePayloadKeys(`k1:${randomBytes(32).toString('base64')}`) })),
);
const saved = (path: string) => {
  // The saved files are proto3 JSON as the replay test reads them (not the SDK's historyFromJSON format).
  const history = temporal.api.history.v1.History.fromObject(
    JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')),
  );
  return (history.events ?? []) as temporal.api.history.v1.IHistoryEvent[];
};
const noFacts: TimelineFacts = { kindLabel: () => undefined, tasks: [], notifications: [], audit: [] };
const procurement = CATALOG.byType('PROCUREMENT')!;
const training = CATALOG.byType('TRAINING_ENROLLMENT')!;

describe("a run's timeline", () => {
  it('tells a saved procurement in words, decisions with who and what, payments with amounts', async () => {
    const events = await readHistory(
      saved('../../../workflows/procurement/histories/procurement-completed.json'),
      converter,
    );
    // The time-skipping server ran it without the hub's search attributes (no stage upserts):
    // put the NOTICE stage where the workflow moved to it (just before the 7-day sleep).
    const sleep = events.findIndex((e) => e.type === 'TIMER_STARTED' && e.durationMs === 7 * 86_400_000);
    expect(sleep).toBeGreaterThan(0);
    events.splice(sleep, 0, { type: 'STAGE', stage: 'NOTICE', eventId: events[sleep].eventId, at: events[sleep].at });
    const timeline = timelineOf(events, { ...noFacts, ...catalogFacts(CATALOG, procurement) });
    const kinds = timeline.map((e) => e.kind);

    expect(timeline[0]).toMatchObject({
      kind: 'RUN_STARTED',
      zh: '政府购买服务流程启动',
      en: 'Government service procurement started',
    });
    expect(kinds.filter((k) => k === 'BID_SUBMITTED')).toHaveLength(5);
    expect(timeline.find((e) => e.kind === 'BID_SUBMITTED')).toMatchObject({
      zh: '提交投标，报价 ¥260,000.00',
      en: 'Bid submitted: ¥260,000.00',
      actor: expect.stringMatching(/^approver-/),
    });
    expect(kinds).toContain('BIDS_SCREENED');
    expect(kinds.filter((k) => k === 'TASK_OPENED')).toHaveLength(22);
    const award = timeline.find((e) => e.kind === 'TASK_DECIDED' && e.actor === 'agency-officer')!;
    expect(award).toMatchObject({
      zh: 'agency-officer 决定「待办」：同意',
      en: 'agency-officer decided a task: Approve',
      taskId: '2565e03c-9469-4518-8c13-6c04a89caa70',
    });
    expect(timeline.find((e) => e.kind === 'NOTICE_STARTED')).toMatchObject({
      zh: '公示开始，为期 7 天',
      en: 'Public notice started: 7 days',
    });
    expect(timeline.find((e) => e.kind === 'OBJECTION_LODGED')).toMatchObject({
      zh: 'approver-yi 提出异议：甲协会报价高于我方',
      actor: 'approver-yi',
    });
    expect(kinds.indexOf('OBJECTION_LODGED')).toBeGreaterThan(kinds.indexOf('NOTICE_STARTED'));
    expect(kinds.indexOf('NOTICE_ENDED')).toBeGreaterThan(kinds.indexOf('OBJECTION_LODGED'));
    expect(timeline.filter((e) => e.kind === 'TASK_DECIDED' && e.zh.endsWith('维持原结果'))).toHaveLength(5);
    expect(timeline.find((e) => e.kind === 'CONTRACT_SIGNED')).toMatchObject({
      zh: '签订合同（2026-12-17 至 2027-11-11）',
    });
    // The first payment's answer was lost once in that run (it pays once): the retry shows.
    expect(timeline.filter((e) => e.kind === 'PAYMENT_MADE').map((e) => [e.zh, e.en])).toEqual([
      ['支付第 1 期款项 ¥100,000.00（第 2 次尝试成功）', 'Payment made: milestone 1, ¥100,000.00 (attempt 2)'],
      ['支付第 2 期款项 ¥150,000.00', 'Payment made: milestone 2, ¥150,000.00'],
    ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'TASK_REMINDED',
        'TASK_EXPIRED',
        'PARTIES_NOTIFIED',
        'CONTRACT_RECORDED',
        'PERFORMANCE_RECORDED',
      ]),
    );
    expect(timeline.at(-1)).toMatchObject({ kind: 'COMPLETED', zh: '流程完成', en: 'Run completed' });
    // Oldest first, each entry pointing at its event.
    expect(timeline.map((e) => e.eventId)).toEqual([...timeline.map((e) => e.eventId)].sort((a, b) => a! - b!));
  });

  it("names each task the kit opened, reminded, escalated or expired from the run's own rows, in the catalog's words", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 8, minute));
    const local = (eventId: number, activityType: string): RunEvent => ({
      eventId,
      at: at(eventId),
      type: 'LOCAL_ACTIVITY',
      activityType,
      attempt: 1,
      failed: null,
      result: null,
    });
    const events: RunEvent[] = [
      { eventId: 1, at: at(1), type: 'STARTED', parentId: null, args: [], stage: null },
      { eventId: 2, at: at(2), type: 'STAGE', stage: 'AWAITING_ENDORSEMENT' },
      local(3, 'openTask'),
      { eventId: 4, at: at(4), type: 'UPDATE', name: 'taskOpened', updateId: 'u0', args: [] },
      local(5, 'remindTask'),
      local(6, 'escalateTask'),
      {
        eventId: 7,
        at: at(7),
        type: 'UPDATE',
        name: 'decide',
        updateId: 't1',
        args: [{ taskId: 't1', decision: 'APPROVE', decidedBy: 'secretary-wenzhou', comment: '同意推荐' }],
      },
      local(8, 'completeTask'),
      { eventId: 9, at: at(9), type: 'STAGE', stage: 'AWAITING_CONFIRMATION' },
      local(10, 'openTask'),
      local(11, 'expireTask'),
      {
        eventId: 12,
        at: at(12),
        type: 'ACTIVITY_FAILED',
        activityType: 'issueCertificate',
        args: [],
        message: 'registry unavailable',
        timedOut: false,
      },
      ...[13, 14, 15].map((eventId): RunEvent => ({
        eventId,
        at: at(eventId),
        type: 'CHILD_STARTED',
        workflowId: `child-${eventId}`,
        workflowType: 'evaluationApplication',
      })),
      { eventId: 16, at: at(16), type: 'CANCEL_REQUESTED', reason: null },
      local(17, 'cancelTasks'),
      { eventId: 18, at: at(18), type: 'CLOSED', outcome: 'CANCELLED', result: null, message: null },
    ];
    const facts: TimelineFacts = {
      ...catalogFacts(CATALOG, training),
      tasks: [
        { id: 't2', kind: 'CONFIRM_ENROLLMENT', createdAt: at(10), status: 'EXPIRED', completedAt: at(11) },
        { id: 't1', kind: 'ENDORSE_ENROLLMENT', createdAt: at(3), status: 'DONE', completedAt: at(8) },
      ],
      notifications: [
        { taskId: 't1', kind: 'ESCALATION', createdAt: at(6) },
        { taskId: 't1', kind: 'REMINDER', createdAt: at(5) },
      ],
      audit: [
        { action: 'CANCEL', actor: 'admin-wang', target: 'run-1', reason: '重复报名', at: at(16) },
        {
          action: 'REASSIGN_TASK',
          actor: 'admin-wang',
          target: 't1',
          reason: '秘书长出差',
          at: new Date(at(5).getTime() + 30_000),
        },
        {
          action: 'REASSIGN_TASK',
          actor: 'admin-li',
          target: 't1',
          reason: '失败的那次',
          at: at(5),
          outcome: 'FAILED',
        },
      ],
    };
    const words = timelineOf(events, facts).map(({ kind, zh, en, actor, taskId }) => ({ kind, zh, en, actor, taskId }));
    expect(words).toEqual([
      { kind: 'RUN_STARTED', zh: '培训报名流程启动', en: 'Training enrollment started', actor: null, taskId: null },
      {
        kind: 'STAGE_CHANGED',
        zh: '进入阶段：待商会推荐',
        en: 'Stage: awaiting endorsement',
        actor: null,
        taskId: null,
      },
      {
        kind: 'TASK_OPENED',
        zh: '开启待办「商会推荐」',
        en: 'Task opened: Chamber endorsement',
        actor: null,
        taskId: 't1',
      },
      {
        kind: 'TASK_REMINDED',
        zh: '提醒办理「商会推荐」',
        en: 'Reminder sent: Chamber endorsement',
        actor: null,
        taskId: 't1',
      },
      {
        kind: 'TASK_REASSIGNED',
        zh: '「商会推荐」改派他人办理：秘书长出差',
        en: 'Chamber endorsement reassigned: 秘书长出差',
        actor: 'admin-wang',
        taskId: 't1',
      },
      {
        kind: 'TASK_ESCALATED',
        zh: '「商会推荐」逾期未办，已转交上级办理',
        en: 'Chamber endorsement overdue: escalated',
        actor: null,
        taskId: 't1',
      },
      {
        kind: 'TASK_DECIDED',
        zh: 'secretary-wenzhou 决定「商会推荐」：同意（意见：同意推荐）',
        en: 'secretary-wenzhou decided Chamber endorsement: Approve ("同意推荐")',
        actor: 'secretary-wenzhou',
        taskId: 't1',
      },
      {
        kind: 'STAGE_CHANGED',
        zh: '进入阶段：待工商联确认',
        en: 'Stage: awaiting confirmation',
        actor: null,
        taskId: null,
      },
      {
        kind: 'TASK_OPENED',
        zh: '开启待办「工商联确认」',
        en: 'Task opened: Federation confirmation',
        actor: null,
        taskId: 't2',
      },
      {
        kind: 'TASK_EXPIRED',
        zh: '「工商联确认」逾期未办，已失效',
        en: 'Federation confirmation expired without a decision',
        actor: null,
        taskId: 't2',
      },
      {
        kind: 'ACTIVITY_FAILED',
        zh: '步骤 issueCertificate 失败：registry unavailable',
        en: 'Step issueCertificate failed: registry unavailable',
        actor: null,
        taskId: null,
      },
      { kind: 'CHILD_STARTED', zh: '启动 3 个子流程', en: '3 child runs started', actor: null, taskId: null },
      {
        kind: 'CANCEL_REQUESTED',
        zh: '请求取消：重复报名',
        en: 'Cancellation requested: 重复报名',
        actor: 'admin-wang',
        taskId: null,
      },
      { kind: 'TASKS_CANCELLED', zh: '未办待办已取消', en: 'Open tasks cancelled', actor: null, taskId: null },
      { kind: 'CANCELLED', zh: '流程已取消', en: 'Run cancelled', actor: null, taskId: null },
    ]);
  });

  it('names each task of a batch from the ids it answered, and leaves them out of the older per-task markers', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 8, minute));
    const local = (eventId: number, activityType: string, taskIds?: string[]): RunEvent => ({
      eventId,
      at: at(eventId),
      type: 'LOCAL_ACTIVITY',
      activityType,
      attempt: 1,
      failed: null,
      result: taskIds ? { taskIds } : null,
    });
    // A run begun before the batches (its first task opened per task), then two tasks opened,
    // reminded and expired together. t0 was created last, yet the per-task marker is its own.
    const events: RunEvent[] = [
      local(1, 'openTask'),
      local(2, 'openTasks', ['t1', 't2']),
      local(3, 'remindTasks', ['t2', 't1']),
      local(4, 'expireTasks', ['t1']),
    ];
    const facts: TimelineFacts = {
      ...catalogFacts(CATALOG, training),
      tasks: [
        { id: 't1', kind: 'ENDORSE_ENROLLMENT', createdAt: at(2), status: 'EXPIRED', completedAt: at(4) },
        { id: 't2', kind: 'CONFIRM_ENROLLMENT', createdAt: at(2), status: 'OPEN', completedAt: null },
        { id: 't0', kind: 'CONFIRM_ENROLLMENT', createdAt: at(9), status: 'OPEN', completedAt: null },
      ],
      notifications: [],
      audit: [],
    };
    expect(timelineOf(events, facts).map(({ kind, taskId, en }) => ({ kind, taskId, en }))).toEqual([
      { kind: 'TASK_OPENED', taskId: 't0', en: 'Task opened: Federation confirmation' },
      { kind: 'TASK_OPENED', taskId: 't1', en: 'Task opened: Chamber endorsement' },
      { kind: 'TASK_OPENED', taskId: 't2', en: 'Task opened: Federation confirmation' },
      { kind: 'TASK_REMINDED', taskId: 't2', en: 'Reminder sent: Federation confirmation' },
      { kind: 'TASK_REMINDED', taskId: 't1', en: 'Reminder sent: Chamber endorsement' },
      { kind: 'TASK_EXPIRED', taskId: 't1', en: 'Chamber endorsement expired without a decision' },
    ]);
  });

  it("reads the decision from an encrypted update argument with the hub's codec", async () => {
    const args = await encodeToPayloads(converter, {
      taskId: 't9',
      decision: 'REJECT',
      decidedBy: 'officer-li',
      comment: '名额已满',
    });
    const stored = JSON.stringify(args);
    expect(stored).not.toContain(Buffer.from('officer-li').toString('base64'));
    const events = await readHistory(
      [
        {
          eventId: 5,
          eventTime: { seconds: 1_795_000_000, nanos: 0 },
          workflowExecutionUpdateAcceptedEventAttributes: {
            acceptedRequest: { meta: { updateId: 't9' }, input: { name: 'decide', args: { payloads: args } } },
          },
        } as unknown as temporal.api.history.v1.IHistoryEvent,
      ],
      converter,
    );
    expect(timelineOf(events, { ...noFacts, ...catalogFacts(CATALOG, training) })[0]).toMatchObject({
      kind: 'TASK_DECIDED',
      actor: 'officer-li',
      zh: 'officer-li 决定「待办」：不同意（意见：名额已满）',
    });
  });
});
