import { isIsoDate } from '../../common/dates.js';
import { type OrganizationKind, SOCIAL_ORGANIZATION_KINDS } from '../entities/kinds.js';
import type { RuleViolation } from './violation.js';
import { ORGANIZATION_KIND_WORDS } from '../words.js';

// The rules of the facts officers keep (年检, 行政处罚, 活动异常名录 / 严重违法失信名单, 信用记录),
// as plain functions. Officers read the refusals in the console, so they are in Chinese and
// name the input field (extensions.field).

/** The first year an annual inspection can be for: 社会团体登记管理条例 dates from 1989. */
export const FIRST_INSPECTION_YEAR = 1989;

/** A text the record keeps: required (unless `optional`), at most `max` characters, no control characters. */
export function textViolations(
  value: string | null | undefined,
  field: string,
  label: string,
  max: number,
  optional = false,
): RuleViolation[] {
  if (value == null || value.trim() === '')
    return optional && value == null ? [] : [{ field, message: `${label}不能为空` }];
  if (value.trim().length > max)
    return [{ field, message: `${label}最长 ${max} 个字符（现为 ${value.trim().length} 个）` }];
  if (/[\u0000-\u001f\u007f]/.test(value)) return [{ field, message: `${label}含有控制字符（如换行），请删除` }];
  return [];
}

/** A calendar day yyyy-mm-dd, not after `today` when `notAfter` is given. */
export function dayViolations(
  value: string | null | undefined,
  field: string,
  label: string,
  notAfter?: string,
): RuleViolation[] {
  if (value == null) return [];
  if (!isIsoDate(value))
    return [{ field, message: `${label}“${String(value)}”不是有效日期，请用 yyyy-mm-dd 格式，例如 2026-11-28` }];
  if (notAfter != null && value > notAfter)
    return [{ field, message: `${label} ${value} 晚于今天（${notAfter}），不能预先登记` }];
  return [];
}

/** Inspections and list entries concern social organisations, which civil affairs registers. */
export function socialOrganizationViolations(organization: { name: string; kind: OrganizationKind }): RuleViolation[] {
  if (SOCIAL_ORGANIZATION_KINDS.includes(organization.kind)) return [];
  const kind = ORGANIZATION_KIND_WORDS[organization.kind];
  return [
    {
      field: 'organizationId',
      message: `${organization.name}是${kind}，不是社会组织（行业协会商会、异地商会、基层商会、基金会）；年检和名录只登记社会组织`,
    },
  ];
}

/** The year inspected: the inspection takes place the year after, so at most last year. */
export function inspectionYearViolations(
  year: number,
  currentYear: number,
  registeredOn?: string | null,
): RuleViolation[] {
  if (!Number.isInteger(year) || year < FIRST_INSPECTION_YEAR || year > currentYear - 1)
    return [
      {
        field: 'year',
        message: `年检年度应在 ${FIRST_INSPECTION_YEAR} 至 ${currentYear - 1} 年之间（年检检查的是上一年度），不是 ${year}`,
      },
    ];
  if (registeredOn && year < Number(registeredOn.slice(0, 4)))
    return [{ field: 'year', message: `年检年度 ${year} 早于该组织的登记日期 ${registeredOn}` }];
  return [];
}

/** An end day (servedUntil, revokedOn, removedOn) before the start day it follows. */
export function orderViolations(
  start: string,
  end: string | null | undefined,
  field: string,
  label: string,
  startLabel: string,
  strictlyAfter = false,
): RuleViolation[] {
  if (end == null || !isIsoDate(end) || !isIsoDate(start)) return [];
  if (strictlyAfter ? end > start : end >= start) return [];
  return [{ field, message: `${label} ${end} ${strictlyAfter ? '应晚于' : '不能早于'}${startLabel} ${start}` }];
}

export interface ListPeriod {
  listedOn: string;
  removedOn?: string | null;
}

/** Whether two stays on a list share a day: each runs from listedOn to the day before removedOn. */
export function listPeriodsOverlap(a: ListPeriod, b: ListPeriod): boolean {
  return (b.removedOn == null || a.listedOn < b.removedOn) && (a.removedOn == null || b.listedOn < a.removedOn);
}
