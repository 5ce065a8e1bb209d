import { STAGE_WORDS } from '../../../workflows/stage-words.js';
import type { RunEvent } from './history.js';
import { chinaMinute } from '../../common/dates.js';

// A run's history in the domain's words, Chinese and English: what an admin reads instead of
// 300 Temporal events. A plain function of the events (history.ts) and the hub's own facts
// about the run (its task rows, reminders, admin operations), so it is unit-tested on saved
// histories without a server.
//
// Which task a kit step concerned: the TypeScript SDK records a local activity's type but not
// its arguments, so the n-th openTask marker is the run's n-th task by creation, the n-th
// remindTask its n-th reminder, the n-th escalateTask its n-th escalation and the n-th
// expireTask its n-th expired task (the kit writes each row inside that very local activity,
// in history order). Decisions name their task themselves (the decide update's argument).

export interface Words {
  zh: string;
  en: string;
}

export interface TimelineEntry extends Words {
  at: Date;
  /** RUN_STARTED, TASK_OPENED, TASK_DECIDED, TASK_REMINDED, TASK_ESCALATED, PAYMENT_MADE ... */
  kind: string;
  /** Who did it (a token subject), where a person did. */
  actor: string | null;
  taskId: string | null;
  /** The history event it was read from; null for an admin's operation that leaves none (run_audit). */
  eventId: number | null;
}

export interface TaskFact {
  id: string;
  kind: string;
  createdAt: Date;
  status: string;
  completedAt: Date | null;
}

export interface TimelineFacts {
  /** The process's name in the catalog (undefined for a run outside it). */
  processLabel?: Words;
  /** A task kind's name in the catalog. */
  kindLabel(kind: string): Words | undefined;
  /** The run's task rows. */
  tasks: TaskFact[];
  /** Reminders and escalations of the run's tasks (task_notification). */
  notifications: { taskId: string; kind: string; createdAt: Date }[];
  /** Admin operations on the run or its tasks (run_audit). */
  audit: { action: string; actor: string; target: string; reason: string; at: Date; outcome?: string }[];
}

/** The outcomes of the task forms, in words. */
export const OUTCOME_WORDS: Record<string, Words> = {
  APPROVE: { zh: '同意', en: 'approved' },
  REJECT: { zh: '不同意', en: 'rejected' },
  APPLY: { zh: '申请参评', en: 'applied' },
  DECLINE: { zh: '放弃参评', en: 'declined' },
  SUBMIT: { zh: '提交', en: 'submitted' },
  UPHOLD: { zh: '维持原结果', en: 'upheld' },
  CHANGE: { zh: '改变结果', en: 'changed' },
  SUSTAIN: { zh: '异议成立', en: 'sustained the objection' },
  REPUBLISH: { zh: '重新发布', en: 'republish' },
  CLOSE: { zh: '终止采购', en: 'close' },
  ACCEPT: { zh: '验收合格', en: 'accepted' },
  EXTEND: { zh: '延期', en: 'extended' },
  TERMINATE: { zh: '解除合同', en: 'terminate the contract' },
};

const stageWords = (stage: string): Words => STAGE_WORDS[stage] ?? { zh: stage, en: stage };
const outcomeWords = (outcome: string): Words => OUTCOME_WORDS[outcome] ?? { zh: outcome, en: outcome };
const yuan = (fen: unknown) =>
  `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const text = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
const clip = (value: string, max = 120) => (value.length > max ? `${value.slice(0, max)}…` : value);
const day = (epochMs: unknown) => chinaMinute(Number(epochMs));

/** Who a message says sent it: the usual field names of the hub's update arguments. */
function senderOf(arg: unknown): string | null {
  const a = (arg ?? {}) as Record<string, unknown>;
  for (const key of ['decidedBy', 'by', 'submittedBy', 'requestedBy', 'recordedBy', 'signedBy']) {
    if (typeof a[key] === 'string' && a[key]) return a[key] as string;
  }
  return null;
}

/** Consumes, in order, the facts that local activities of one type wrote. */
function queue<T>(items: T[]): () => T | undefined {
  let next = 0;
  return () => items[next++];
}

/** The timeline of a run, oldest first. */
export function timelineOf(events: RunEvent[], facts: TimelineFacts): TimelineEntry[] {
  const byCreation = [...facts.tasks].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const tasksById = new Map(facts.tasks.map((t) => [t.id, t]));
  const notified = (kind: string) =>
    facts.notifications.filter((n) => n.kind === kind).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const nextOpened = queue(byCreation);
  const nextReminder = queue(notified('REMINDER'));
  const nextEscalation = queue(notified('ESCALATION'));
  const nextExpired = queue(
    facts.tasks
      .filter((t) => t.status === 'EXPIRED')
      .sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0)),
  );
  const kindOf = (taskId: string | undefined): Words => {
    const kind = taskId ? tasksById.get(taskId)?.kind : undefined;
    return (kind && facts.kindLabel(kind)) || (kind ? { zh: kind, en: kind } : { zh: '待办', en: 'a task' });
  };
  /** The admin who asked for it: the latest audit entry of that action (on `target`) up to a minute after. */
  const admin = (action: string, at: Date, target?: string) =>
    facts.audit
      .filter((a) => a.action === action && (!target || a.target === target) && a.at.getTime() <= at.getTime() + 60_000)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];

  const entries: TimelineEntry[] = [];
  const add = (
    event: RunEvent,
    kind: string,
    words: Words,
    actor: string | null = null,
    taskId: string | null = null,
  ) => entries.push({ at: event.at, kind, zh: words.zh, en: words.en, actor, taskId, eventId: event.eventId });
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
        add(event, 'RUN_STARTED', {
          zh: `${label?.zh ?? ''}流程启动${by.zh}`,
          en: `${label?.en ?? 'Run'} started${by.en}`,
        });
        break;
      }
      case 'LOCAL_ACTIVITY': {
        if (event.failed) {
          add(event, 'ACTIVITY_FAILED', {
            zh: `步骤 ${event.activityType} 失败：${clip(event.failed)}`,
            en: `Step ${event.activityType} failed: ${clip(event.failed)}`,
          });
          break;
        }
        const task = (fact: { id?: string; taskId?: string } | undefined) => fact?.taskId ?? fact?.id;
        if (event.activityType === 'openTask') {
          const id = task(nextOpened());
          const k = kindOf(id);
          add(event, 'TASK_OPENED', { zh: `开启待办「${k.zh}」`, en: `Task opened: ${k.en}` }, null, id ?? null);
        } else if (event.activityType === 'remindTask') {
          const id = task(nextReminder());
          const k = kindOf(id);
          add(event, 'TASK_REMINDED', { zh: `提醒办理「${k.zh}」`, en: `Reminder sent: ${k.en}` }, null, id ?? null);
        } else if (event.activityType === 'escalateTask') {
          const id = task(nextEscalation());
          const k = kindOf(id);
          add(
            event,
            'TASK_ESCALATED',
            { zh: `「${k.zh}」逾期未办，已转交上级办理`, en: `${k.en} overdue: escalated` },
            null,
            id ?? null,
          );
        } else if (event.activityType === 'expireTask') {
          const id = task(nextExpired());
          const k = kindOf(id);
          add(
            event,
            'TASK_EXPIRED',
            { zh: `「${k.zh}」逾期未办，已失效`, en: `${k.en} expired without a decision` },
            null,
            id ?? null,
          );
        } else if (event.activityType === 'cancelTasks') {
          add(event, 'TASKS_CANCELLED', { zh: '未办待办已取消', en: 'Open tasks cancelled' });
        } else if (event.activityType === 'notifyParties') {
          add(event, 'PARTIES_NOTIFIED', { zh: '已通知各方', en: 'Parties notified' });
        }
        // completeTask (the decision is its own entry) and the projections' writes say nothing new.
        break;
      }
      case 'UPDATE': {
        const arg = (event.args[0] ?? {}) as Record<string, unknown>;
        const actor = senderOf(arg);
        switch (event.name) {
          case 'decide': {
            const taskId = text(arg.taskId) || null;
            const k = kindOf(taskId ?? undefined);
            const o = outcomeWords(text(arg.decision));
            const comment = text(arg.comment);
            add(
              event,
              'TASK_DECIDED',
              {
                zh: `${actor ?? '有人'} 决定「${k.zh}」：${o.zh}${comment ? `（意见：${clip(comment)}）` : ''}`,
                en: `${actor ?? 'Someone'} decided ${k.en}: ${o.en}${comment ? ` ("${clip(comment)}")` : ''}`,
              },
              actor,
              taskId,
            );
            break;
          }
          case 'lodgeObjection':
            add(
              event,
              'OBJECTION_LODGED',
              {
                zh: `${actor ?? ''} 提出异议：${clip(text(arg.reason))}`.trim(),
                en: `${actor ?? 'Someone'} lodged an objection: ${clip(text(arg.reason))}`,
              },
              actor,
            );
            break;
          case 'submitBid':
            add(
              event,
              'BID_SUBMITTED',
              { zh: `提交投标，报价 ${yuan(arg.priceFen)}`, en: `Bid submitted: ${yuan(arg.priceFen)}` },
              actor,
            );
            break;
          case 'withdrawBid':
            add(event, 'BID_WITHDRAWN', { zh: '撤回投标', en: 'Bid withdrawn' }, actor);
            break;
          case 'signContract':
            add(
              event,
              'CONTRACT_SIGNED',
              {
                zh: `签订合同（${text(arg.startsOn)} 至 ${text(arg.endsOn)}）`,
                en: `Contract signed (${text(arg.startsOn)} to ${text(arg.endsOn)})`,
              },
              actor,
            );
            break;
          case 'cancelProcurement':
            add(
              event,
              'CANCELLATION_REQUESTED',
              { zh: `取消采购：${clip(text(arg.reason))}`, en: `Procurement cancelled: ${clip(text(arg.reason))}` },
              actor,
            );
            break;
          case 'withdraw':
            add(
              event,
              'WITHDRAWN',
              {
                zh: `撤回报名${arg.reason ? `：${clip(text(arg.reason))}` : ''}`,
                en: `Application withdrawn${arg.reason ? `: ${clip(text(arg.reason))}` : ''}`,
              },
              actor,
            );
            break;
          case 'recordAttendance':
            add(
              event,
              'ATTENDANCE_RECORDED',
              {
                zh: `记录第 ${text(arg.day)} 天${arg.attended ? '出勤' : '缺勤'}`,
                en: `Day ${text(arg.day)} recorded: ${arg.attended ? 'attended' : 'absent'}`,
              },
              actor,
            );
            break;
          case 'requestRecusal':
            add(
              event,
              'RECUSAL_REQUESTED',
              {
                zh: `申请评审专家回避：${clip(text(arg.reason))}`,
                en: `Asked a reviewer to step aside: ${clip(text(arg.reason))}`,
              },
              actor,
            );
            break;
          case 'extendTask': {
            const taskId = text(arg.taskId) || null;
            const k = kindOf(taskId ?? undefined);
            const by = taskId ? admin('EXTEND_TASK', event.at, taskId) : undefined;
            add(
              event,
              'TASK_EXTENDED',
              {
                zh: `「${k.zh}」截止时间延至 ${day(arg.dueAt)}（北京时间）`,
                en: `${k.en}: due date moved to ${day(arg.dueAt)} (Beijing time)`,
              },
              by?.actor ?? actor,
              taskId,
            );
            break;
          }
          case 'taskOpened':
            break; // the enrollment's caller waiting for its first task: no step of the process
          default:
            add(event, 'UPDATE', { zh: `收到更新 ${event.name}`, en: `Update ${event.name}` }, actor);
        }
        break;
      }
      case 'UPDATE_FAILED':
        add(event, 'UPDATE_FAILED', {
          zh: `更新未完成：${clip(event.message)}`,
          en: `An update failed: ${clip(event.message)}`,
        });
        break;
      case 'SIGNAL':
        if (event.name === 'seatGranted')
          add(event, 'SEAT_GRANTED', { zh: '候补获得空出的名额', en: 'Given a freed seat' });
        else
          add(event, 'SIGNAL', { zh: `收到信号 ${event.name}`, en: `Signal ${event.name}` }, senderOf(event.args[0]));
        break;
      case 'ACTIVITY_COMPLETED': {
        const arg = (event.args[0] ?? {}) as Record<string, unknown>;
        const retried =
          event.attempt > 1
            ? { zh: `（第 ${event.attempt} 次尝试成功）`, en: ` (attempt ${event.attempt})` }
            : { zh: '', en: '' };
        const done = (kind: string, words: Words) =>
          add(event, kind, { zh: words.zh + retried.zh, en: words.en + retried.en });
        switch (event.activityType) {
          case 'payMilestone':
            done('PAYMENT_MADE', {
              zh: `支付第 ${text(arg.milestoneNo)} 期款项 ${yuan(arg.amountFen)}`,
              en: `Payment made: milestone ${text(arg.milestoneNo)}, ${yuan(arg.amountFen)}`,
            });
            break;
          case 'screenBids':
            done('BIDS_SCREENED', { zh: '完成投标资格审查', en: 'Bids screened' });
            break;
          case 'issueCertificate':
            done('CERTIFICATE_ISSUED', { zh: '颁发结业证书', en: 'Completion certificate issued' });
            break;
          case 'writeBack':
            done('WRITTEN_BACK', { zh: '评定结果写入登记系统', en: 'Result written to the registry' });
            break;
          case 'recordContract':
            done('CONTRACT_RECORDED', { zh: '合同写入信用记录', en: 'Contract written to the credit record' });
            break;
          case 'recordPerformance':
            done('PERFORMANCE_RECORDED', {
              zh: '履约评价写入信用记录',
              en: 'Performance written to the credit record',
            });
            break;
          case 'assessEligibility':
            done('ELIGIBILITY_ASSESSED', { zh: '完成参评资格审查', en: 'Eligibility assessed' });
            break;
          case 'drawReviewers':
            done('REVIEWERS_DRAWN', { zh: '抽取评审专家', en: 'Reviewers drawn' });
            break;
          case 'releaseSeat':
            done('SEAT_RELEASED', { zh: '释放名额', en: 'Seat released' });
            break;
          default:
            done('STEP_DONE', { zh: `完成步骤 ${event.activityType}`, en: `Step done: ${event.activityType}` });
        }
        break;
      }
      case 'ACTIVITY_FAILED':
        add(event, 'ACTIVITY_FAILED', {
          zh: `步骤 ${event.activityType} ${event.timedOut ? '超时' : '失败'}：${clip(event.message)}`,
          en: `Step ${event.activityType} ${event.timedOut ? 'timed out' : 'failed'}: ${clip(event.message)}`,
        });
        break;
      case 'STAGE':
        if (event.stage !== stage) {
          stage = event.stage;
          noticeWanted = stage === 'NOTICE';
          const s = stageWords(stage);
          add(event, 'STAGE_CHANGED', { zh: `进入阶段：${s.zh}`, en: `Stage: ${s.en}` });
        }
        break;
      case 'TIMER_STARTED':
        // The notice (公示) is the first timer after the stage became NOTICE (a sleep of noticeDays).
        if (noticeWanted) {
          noticeWanted = false;
          noticeTimers.add(event.timerId);
          const days = Math.round(event.durationMs / 86_400_000);
          add(event, 'NOTICE_STARTED', { zh: `公示开始，为期 ${days} 天`, en: `Public notice started: ${days} days` });
        }
        break;
      case 'TIMER_FIRED':
        if (noticeTimers.delete(event.timerId))
          add(event, 'NOTICE_ENDED', { zh: '公示期满', en: 'Public notice over' });
        break;
      case 'CHILD_STARTED':
        add(event, 'CHILD_STARTED', {
          zh: `启动子流程 ${event.workflowId}`,
          en: `Child run started: ${event.workflowId}`,
        });
        break;
      case 'CHILD_CLOSED': {
        const o = {
          COMPLETED: { zh: '完成', en: 'completed' },
          FAILED: { zh: '失败', en: 'failed' },
          CANCELLED: { zh: '取消', en: 'cancelled' },
          TERMINATED: { zh: '终止', en: 'terminated' },
          TIMED_OUT: { zh: '超时', en: 'timed out' },
        }[event.outcome];
        add(event, 'CHILD_CLOSED', {
          zh: `子流程 ${event.workflowId} ${o.zh}`,
          en: `Child run ${event.workflowId} ${o.en}`,
        });
        break;
      }
      case 'WORKFLOW_TASK_FAILED':
        if (event.reset) {
          const by = admin('RESET', event.at);
          add(
            event,
            'RESET',
            { zh: `运行被重置：${clip(event.message)}`, en: `Run reset: ${clip(event.message)}` },
            by?.actor ?? null,
          );
        } else {
          add(event, 'WORKFLOW_TASK_FAILED', {
            zh: `工作流代码出错：${clip(event.message)}`,
            en: `Workflow task failed: ${clip(event.message)}`,
          });
        }
        break;
      case 'CANCEL_REQUESTED': {
        const by = admin('CANCEL', event.at);
        const reason = by?.reason ?? event.reason;
        add(
          event,
          'CANCEL_REQUESTED',
          {
            zh: `请求取消${reason ? `：${clip(reason)}` : ''}`,
            en: `Cancellation requested${reason ? `: ${clip(reason)}` : ''}`,
          },
          by?.actor ?? null,
        );
        break;
      }
      case 'CLOSED': {
        const reason = event.message ? clip(event.message) : '';
        if (event.outcome === 'COMPLETED') add(event, 'COMPLETED', { zh: '流程完成', en: 'Run completed' });
        else if (event.outcome === 'FAILED')
          add(event, 'FAILED', { zh: `流程失败：${reason}`, en: `Run failed: ${reason}` });
        else if (event.outcome === 'CANCELLED') add(event, 'CANCELLED', { zh: '流程已取消', en: 'Run cancelled' });
        else if (event.outcome === 'TERMINATED') {
          const by = admin('TERMINATE', event.at);
          add(
            event,
            'TERMINATED',
            { zh: `流程被终止${reason ? `：${reason}` : ''}`, en: `Run terminated${reason ? `: ${reason}` : ''}` },
            by?.actor ?? null,
          );
        } else if (event.outcome === 'TIMED_OUT') add(event, 'TIMED_OUT', { zh: '流程超时', en: 'Run timed out' });
        else add(event, 'CONTINUED_AS_NEW', { zh: '以新的运行继续', en: 'Continued as a new run' });
        break;
      }
    }
  }
  // Operations that change the hub's rows or Temporal's bookkeeping but write no event of the
  // run's own: from the audit, at their time.
  for (const entry of facts.audit) {
    if (entry.outcome === 'FAILED') continue;
    const reason = entry.reason ? clip(entry.reason) : '';
    if (entry.action === 'REASSIGN_TASK') {
      const k = kindOf(entry.target);
      entries.push({
        at: entry.at,
        kind: 'TASK_REASSIGNED',
        zh: `「${k.zh}」改派他人办理：${reason}`,
        en: `${k.en} reassigned: ${reason}`,
        actor: entry.actor,
        taskId: entry.target,
        eventId: null,
      });
    } else if (entry.action === 'RETRY_ACTIVITY') {
      entries.push({
        at: entry.at,
        kind: 'RETRY_REQUESTED',
        zh: `要求立即重试失败的步骤：${reason}`,
        en: `Retry now requested: ${reason}`,
        actor: entry.actor,
        taskId: null,
        eventId: null,
      });
    }
  }
  // Stable: entries of one instant keep the history's order.
  return collapse(
    entries
      .map((e, i) => [e, i] as const)
      .sort(([a, i], [b, j]) => a.at.getTime() - b.at.getTime() || i - j)
      .map(([e]) => e),
  );
}

/**
 * Runs of the same repeated entry become one: a campaign's hundreds of child starts and ends,
 * a workflow task failing again and again with the same message.
 */
function collapse(entries: TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (let i = 0; i < entries.length;) {
    const first = entries[i]!;
    let j = i + 1;
    const same = (e: TimelineEntry) =>
      e.kind === first.kind &&
      (first.kind === 'CHILD_STARTED' ||
        first.kind === 'CHILD_CLOSED' ||
        (first.kind === 'WORKFLOW_TASK_FAILED' && e.en === first.en));
    while (j < entries.length && same(entries[j]!)) j++;
    const n = j - i;
    if (n === 1) out.push(first);
    else if (first.kind === 'CHILD_STARTED')
      out.push({ ...first, zh: `启动 ${n} 个子流程`, en: `${n} child runs started` });
    else if (first.kind === 'CHILD_CLOSED')
      out.push({ ...first, zh: `${n} 个子流程结束`, en: `${n} child runs ended` });
    else out.push({ ...first, zh: `${first.zh}（连续 ${n} 次）`, en: `${first.en} (${n} times)` });
    i = j;
  }
  return out;
}
