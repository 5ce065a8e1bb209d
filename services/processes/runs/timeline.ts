import { DAY } from '../../../workflows/common/time.js';
import type { RunEvent } from './history.js';
import { collapse } from './timeline-collapse.js';
import { clip, senderOf, type StepWords } from '../kit/words.js';
import { type TimelineEntry, type TimelineFacts } from './timeline-facts.js';
import { asIs, kitSteps, type KitStep } from './timeline-kit.js';
import { auditSteps, runStep } from './timeline-run.js';

export type { TimelineEntry, TimelineFacts } from './timeline-facts.js';

// A run's history in the domain's words, Chinese and English: what an admin reads instead of
// 300 Temporal events. A plain function of the events (history.ts) and the hub's own facts
// about the run (its task rows, reminders, admin operations), so it is unit-tested on saved
// histories without a server. The task kit's steps and Temporal's are told here for every
// process; a process's own updates, signals and activities come from its table (facts.words).
//
// Which task a kit step concerned: the TypeScript SDK records a local activity's type and result
// but not its arguments. The batched steps (openTasks, remindTasks, expireTasks) answer the ids
// they wrote; for the per-task steps of runs begun before them, the n-th openTask marker is the
// run's n-th task by creation among those no batch named, the n-th remindTask its n-th
// reminder, the n-th escalateTask its n-th escalation and the n-th expireTask its n-th expired
// task (the kit writes each row inside that very local activity, in history order). Decisions
// name their task themselves (the decide update's argument).

/** The timeline of a run, oldest first. */
export function timelineOf(events: RunEvent[], facts: TimelineFacts): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (event: RunEvent, step: StepWords, actor: string | null = null, taskId: string | null = null) =>
    entries.push({ at: event.at, kind: step.kind, zh: step.zh, en: step.en, actor, taskId, eventId: event.eventId });
  const kit = kitSteps(facts, events);
  const own = facts.words ?? {};
  let stage: string | null = null;
  let noticeWanted = false;
  const noticeTimers = new Set<string>();

  for (const event of events) {
    switch (event.type) {
      case 'STARTED': {
        stage = event.stage; // the stage it started in is no change
        const label = facts.processLabel;
        const by = event.parentId
          ? { zh: `（由 ${event.parentId} 启动）`, en: ` (started by ${event.parentId})` }
          : { zh: '', en: '' };
        add(event, {
          kind: 'RUN_STARTED',
          zh: `${label?.zh ?? ''}流程启动${by.zh}`,
          en: `${label?.en ?? 'Run'} started${by.en}`,
        });
        break;
      }
      case 'LOCAL_ACTIVITY': {
        if (event.failed) {
          add(event, {
            kind: 'ACTIVITY_FAILED',
            zh: `步骤 ${event.activityType} 失败：${clip(event.failed)}`,
            en: `Step ${event.activityType} failed: ${clip(event.failed)}`,
          });
          break;
        }
        const ownStep = own.localActivities?.[event.activityType];
        // completeTask (the decision is its own entry) and the projections' writes say nothing new.
        const steps: KitStep[] = kit.local(event.activityType, event.result) ?? (ownStep ? [ownStep] : []);
        for (const step of steps) add(event, step, null, step.taskId ?? null);
        break;
      }
      case 'UPDATE': {
        const arg = (event.args[0] ?? {}) as Record<string, unknown>;
        const actor = senderOf(arg);
        const told = kit.update(event.name, arg, event.at);
        if (told) add(event, told.step, told.actor ?? actor, told.taskId);
        else if (event.name in (own.updates ?? {})) {
          const step = own.updates![event.name](arg);
          if (step) add(event, step, actor);
        } else add(event, { kind: 'UPDATE', zh: `收到更新 ${event.name}`, en: `Update ${event.name}` }, actor);
        break;
      }
      case 'UPDATE_FAILED':
        add(event, {
          kind: 'UPDATE_FAILED',
          zh: `更新未完成：${clip(event.message)}`,
          en: `An update failed: ${clip(event.message)}`,
        });
        break;
      case 'SIGNAL': {
        const arg = (event.args[0] ?? {}) as Record<string, unknown>;
        const told = own.signals?.[event.name];
        add(
          event,
          told ? told(arg) : { kind: 'SIGNAL', zh: `收到信号 ${event.name}`, en: `Signal ${event.name}` },
          senderOf(arg),
        );
        break;
      }
      case 'ACTIVITY_COMPLETED': {
        const arg = (event.args[0] ?? {}) as Record<string, unknown>;
        const step = own.activities?.[event.activityType]?.(arg) ?? {
          kind: 'STEP_DONE',
          zh: `完成步骤 ${event.activityType}`,
          en: `Step done: ${event.activityType}`,
        };
        const retried = event.attempt > 1;
        add(event, {
          kind: step.kind,
          zh: step.zh + (retried ? `（第 ${event.attempt} 次尝试成功）` : ''),
          en: step.en + (retried ? ` (attempt ${event.attempt})` : ''),
        });
        break;
      }
      case 'ACTIVITY_FAILED':
        add(event, {
          kind: 'ACTIVITY_FAILED',
          zh: `步骤 ${event.activityType} ${event.timedOut ? '超时' : '失败'}：${clip(event.message)}`,
          en: `Step ${event.activityType} ${event.timedOut ? 'timed out' : 'failed'}: ${clip(event.message)}`,
        });
        break;
      case 'STAGE':
        if (event.stage !== stage) {
          stage = event.stage;
          noticeWanted = own.noticeStage !== undefined && stage === own.noticeStage;
          const s = facts.stageWords?.(stage) ?? asIs(stage);
          add(event, { kind: 'STAGE_CHANGED', zh: `进入阶段：${s.zh}`, en: `Stage: ${s.en}` });
        }
        break;
      case 'TIMER_STARTED':
        // The notice (公示) is the first timer after the stage became the notice (a sleep of its days).
        if (noticeWanted) {
          noticeWanted = false;
          noticeTimers.add(event.timerId);
          const days = Math.round(event.durationMs / DAY);
          add(event, {
            kind: 'NOTICE_STARTED',
            zh: `公示开始，为期 ${days} 天`,
            en: `Public notice started: ${days} days`,
          });
        }
        break;
      case 'TIMER_FIRED':
        if (noticeTimers.delete(event.timerId))
          add(event, { kind: 'NOTICE_ENDED', zh: '公示期满', en: 'Public notice over' });
        break;
      default: {
        const told = runStep(event, kit.admin);
        if (told) add(event, told.step, told.actor);
      }
    }
  }
  entries.push(...auditSteps(facts, kit.kindOf));
  // Stable: entries of one instant keep the history's order.
  return collapse(
    entries
      .map((e, i) => [e, i] as const)
      .sort(([a, i], [b, j]) => a.at.getTime() - b.at.getTime() || i - j)
      .map(([e]) => e),
  );
}
