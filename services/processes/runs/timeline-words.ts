import { chinaMinute } from '../../common/dates.js';
import type { ProcessCatalog } from '../process-catalog.js';
import type { ProcessDefinition } from '../process-definition.js';

// The words a run's timeline is told in, and the table a process hands the plumbing for its own
// steps (process-definition.ts `timeline`); the task kit's steps and Temporal's own (start,
// stages, children, cancel, close) are told by timeline.ts for every process alike.

export interface Words {
  zh: string;
  en: string;
}

/** One step of a run: a code (BID_SUBMITTED ...) and its words. */
export interface StepWords extends Words {
  kind: string;
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
  /** An outcome's words (APPROVE ...). */
  outcomeWords?(outcome: string): Words | undefined;
  /** A stage's words. */
  stageWords?(stage: string): Words | undefined;
  /** The process's own steps in words. */
  words?: TimelineWords;
  /** The run's task rows. */
  tasks: TaskFact[];
  /** Reminders and escalations of the run's tasks (task_notification). */
  notifications: { taskId: string; kind: string; createdAt: Date }[];
  /** Admin operations on the run or its tasks (run_audit). */
  audit: { action: string; actor: string; target: string; reason: string; at: Date; outcome?: string }[];
}

type Args = Record<string, unknown>;

export interface TimelineWords {
  /** Updates people send it, by update name; null when the update is no step of the process. */
  updates?: Record<string, (arg: Args) => StepWords | null>;
  /** Signals it receives, by signal name. */
  signals?: Record<string, (arg: Args) => StepWords>;
  /** Ordinary activities that completed, by activity type (their first argument given). */
  activities?: Record<string, (arg: Args) => StepWords>;
  /** Its local activities worth a line (the rest are projection writes that say nothing new). */
  localActivities?: Record<string, StepWords>;
  /** The stage whose first timer is the public notice (公示), so its start and end are told. */
  noticeStage?: string;
}

/** A value of an update's argument as text ('' when absent). */
export const text = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);

/** Free text cut to a line. */
export const clip = (value: string, max = 120) => (value.length > max ? `${value.slice(0, max)}…` : value);

/** An amount in fen as yuan, e.g. ¥1,234.50. */
export const yuan = (fen: unknown) =>
  `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** An instant (epoch ms) as people read it: Beijing time to the minute. */
export const when = (epochMs: unknown) => `${chinaMinute(new Date(Number(epochMs)))} 北京时间`;

/** Who a message says sent it: the usual field names of the hub's update arguments. */
export function senderOf(arg: unknown): string | null {
  const a = (arg ?? {}) as Args;
  for (const key of ['decidedBy', 'by', 'submittedBy', 'requestedBy', 'recordedBy', 'signedBy']) {
    if (typeof a[key] === 'string' && a[key]) return a[key];
  }
  return null;
}

/** The words a run of `definition` is told in: its catalog record's (and every outcome's). */
export function catalogFacts(
  catalog: ProcessCatalog,
  definition: ProcessDefinition | undefined,
): Pick<TimelineFacts, 'processLabel' | 'kindLabel' | 'outcomeWords' | 'stageWords' | 'words'> {
  return {
    processLabel: definition?.label,
    kindLabel: (kind) => definition?.taskKinds[kind]?.label,
    outcomeWords: (outcome) => catalog.outcomeWords[outcome],
    stageWords: (stage) => definition?.stages[stage],
    words: definition?.timeline,
  };
}
