import { seedId } from '../../../infra/seed/ids.js';
import { seedOrganizationId } from '../../../infra/seed/run.js';
import { addDays, addYears, todayInChina } from '../../../services/common/dates.js';

// What an annotation's strings may stand for, so that the docs' examples hold on any day and
// on a fresh seed (a string that is exactly one of these is replaced; any other stays as is):
//
//   @org:<key>  @person:<key>  @id:<natural key>   a seed id (infra/seed/ids.ts, run.ts)
//   $name                                            a value saved by an earlier example of the page
//   @today  @today+30d  @today-1y  @today+1y-1d      an Asia/Shanghai day, counted from today
//   @year  @year-1                                   this year (a number), or one before or after
//   @now+PT20S  @now+P1DT2H                          an instant (ISO 8601 duration from now)
//
// "Today" is the services' own (todayInChina, which HUB_CLOCK_OFFSET_DAYS moves); an instant
// is real time, as Temporal's timers are.

export type Saved = Map<string, unknown>;

const DAY_REF = /^@today((?:[+-]\d+[dmy])*)$/;
const YEAR_REF = /^@year([+-]\d+)?$/;
const NOW_REF = /^@now(?:([+-])P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)?$/;
const SEED_REF = /^@(org|person|id):(.+)$/;
const SAVED_REF = /^\$([a-zA-Z]\w*)$/;

/** Whether `value` is a reference this module knows (for the unit tier's check of the markers). */
export function isReference(value: string): boolean {
  return [DAY_REF, YEAR_REF, NOW_REF, SEED_REF, SAVED_REF].some((shape) => shape.test(value));
}

/** Every string in `value` that is a reference, replaced (recursively through objects and lists). */
export function resolve(value: unknown, saved: Saved, where: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, saved, where));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, saved, where)]));
  return typeof value === 'string' ? resolveString(value, saved, where) : value;
}

function resolveString(value: string, saved: Saved, where: string): unknown {
  const savedName = SAVED_REF.exec(value)?.[1];
  if (savedName !== undefined) {
    if (!saved.has(savedName))
      throw new Error(`${where}: $${savedName} was not saved by an earlier example of the page`);
    return saved.get(savedName);
  }
  const seed = SEED_REF.exec(value);
  if (seed)
    return seed[1] === 'org'
      ? seedOrganizationId(seed[2])
      : seedId(seed[1] === 'person' ? `person:${seed[2]}` : seed[2]);
  const day = DAY_REF.exec(value);
  if (day) return shiftDay(todayInChina(), day[1]);
  const year = YEAR_REF.exec(value);
  if (year) return Number(todayInChina().slice(0, 4)) + Number(year[1] ?? 0);
  const now = NOW_REF.exec(value);
  if (now) {
    const [, sign, days, hours, minutes, seconds] = now;
    const ms =
      (((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000;
    return new Date(Date.now() + (sign === '-' ? -ms : ms)).toISOString();
  }
  return value;
}

/** `day` moved by steps such as +30d, -1y, +2m, in order. */
function shiftDay(day: string, steps: string): string {
  let result = day;
  for (const [, sign, count, unit] of steps.matchAll(/([+-])(\d+)([dmy])/g)) {
    const n = Number(count) * (sign === '-' ? -1 : 1);
    if (unit === 'd') result = addDays(result, n);
    else if (unit === 'y') result = addYears(result, n);
    else result = addMonths(result, n);
  }
  return result;
}

/** The same day n months later, the month's last day where it has fewer days. */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + month - 1 + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(date, lastDay))).toISOString().slice(0, 10);
}
