import { chinaMinute } from '../../common/dates.js';

// Words in Chinese and English, the table a process hands the plumbing for its own steps in a
// run's timeline (process-definition.ts `timeline`), and the small helpers those tables use; the
// task kit's steps and Temporal's own are told by runs/timeline.ts for every process alike.

export interface Words {
  zh: string;
  en: string;
}

/** One step of a run: a code (BID_SUBMITTED ...) and its words. */
export interface StepWords extends Words {
  kind: string;
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

/** An instant (epoch ms) as people read it: Beijing time to the minute, said so in each language. */
export const when = (epochMs: unknown, language: 'zh' | 'en') =>
  `${chinaMinute(new Date(Number(epochMs)))}${language === 'zh' ? '（北京时间）' : ' (Beijing time)'}`;

/** Who a message says sent it: the usual field names of the hub's update arguments. */
export function senderOf(arg: unknown): string | null {
  const a = (arg ?? {}) as Args;
  for (const key of ['decidedBy', 'by', 'submittedBy', 'requestedBy', 'recordedBy', 'signedBy']) {
    if (typeof a[key] === 'string' && a[key]) return a[key];
  }
  return null;
}
