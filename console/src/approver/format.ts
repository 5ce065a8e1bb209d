import { beijingTime } from '../shell/china-days';

/** Beijing time is what everyone here reads, whatever the browser's own zone: to the minute. */
export const dateTime = (iso: string | null | undefined) => (iso ? beijingTime(iso, 'minute') : '');

const ACTIVE = ['OPEN', 'CLAIMED'];

/** A task still waiting for a person after its due date. */
export const isOverdue = (task: { status: string; dueAt: string }, now = Date.now()) =>
  ACTIVE.includes(task.status) && new Date(task.dueAt).getTime() < now;

export const isActive = (status: string) => ACTIVE.includes(status);

/** Fen (分) as yuan with two decimals and grouping: 1234500 → 12,345.00. */
export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
