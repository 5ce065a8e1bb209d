import { EnrollmentStatus } from './enrollment.js';
import { addDays, isIsoDate } from '../../common/dates.js';
import { hasControlCharacters } from '../../../workflows/human-task/form.js';

// The rules of training enrollment (培训报名) a resolver or an activity checks.

/** An endorsed, confirmed applicant takes a seat while one is free, otherwise joins the waiting list. */
export function seatOutcome(
  enrolledCount: number,
  capacity: number,
): EnrollmentStatus.ENROLLED | EnrollmentStatus.WAITLISTED {
  return enrolledCount < capacity ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED;
}

export const TITLE_MAX = 200;

export interface CourseDraft {
  title: string;
  days: number;
  capacity: number;
  startsOn: string;
  completionDays?: number | null;
}

/** The first thing wrong with a course announcement, naming the field; undefined when sound. */
export function courseProblem(course: CourseDraft, today: string): { field: string; message: string } | undefined {
  const title = course.title.trim();
  if (title.length === 0) return { field: 'title', message: '请填写课程名称' };
  if (title.length > TITLE_MAX) return { field: 'title', message: `课程名称不能超过 ${TITLE_MAX} 个字` };
  if (hasControlCharacters(course.title) || /[\n\r\t]/.test(course.title))
    return { field: 'title', message: '课程名称含有控制字符或换行，请删去' };
  if (!Number.isInteger(course.days) || course.days < 1 || course.days > 365) {
    return { field: 'days', message: '天数须为 1 至 365 的整数' };
  }
  if (!Number.isInteger(course.capacity) || course.capacity < 1 || course.capacity > 10_000) {
    return { field: 'capacity', message: '名额须为 1 至 10000 的整数' };
  }
  if (!isIsoDate(course.startsOn))
    return {
      field: 'startsOn',
      message: `开班日期“${String(course.startsOn)}”不是日期，请写作 yyyy-mm-dd，如 2026-11-28`,
    };
  if (course.startsOn < today)
    return { field: 'startsOn', message: `开班日期 ${course.startsOn} 早于今天（${today}），请选今天或以后` };
  const completion = course.completionDays;
  if (completion != null && (!Number.isInteger(completion) || completion < 1 || completion > course.days)) {
    return {
      field: 'completionDays',
      message: `结业所需出勤天数须为 1 至课程天数 ${course.days} 的整数`,
    };
  }
  return undefined;
}

/** Whether the person holds a position in the organisation on `day` (ISO date). */
export function holdsPositionIn(
  positions: { validFrom: string; validTo: string | null; organization: { id: string } }[],
  organizationId: string,
  day: string,
): boolean {
  return positions.some(
    (p) => p.organization.id === organizationId && p.validFrom <= day && (p.validTo === null || day <= p.validTo),
  );
}

/**
 * Why a day's attendance cannot be recorded today (Beijing days), or undefined: a day is recorded
 * on that day or a later day of the course, never before it (a certificate would predate the
 * course) and never after the course's last day.
 */
export function attendanceDayProblem(
  course: { startsOn: string; days: number },
  day: number,
  today: string,
): string | undefined {
  const date = addDays(course.startsOn, day - 1);
  const lastDay = addDays(course.startsOn, course.days - 1);
  if (today < date) return `培训第 ${day} 天（${date}）尚未到来，出勤只能在当天或之后记录（今天是 ${today}）`;
  if (today > lastDay) return `培训已于 ${lastDay} 结束，不能再记录出勤`;
  return undefined;
}
