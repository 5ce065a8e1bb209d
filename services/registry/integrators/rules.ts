import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../entities/organization.js';
import { OrganizationKind } from '../entities/kinds.js';
import type { RuleViolation } from '../rules/violation.js';
import { UUID_PATTERN } from '../../common/ids.js';

// What an integrator client's registration may hold, in words the admin can act on. The
// operations are names of trusted documents: the registry cannot see the gateway's files, so it
// checks their shape; a name no file holds simply never matches (docs/integrators.md).

/** A trusted document's name, as the gateway's files write them. */
const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const MAX_OPERATIONS = 100;
/** A quota above this is no quota: the gateway's own rate limit comes first. */
const MAX_PER_MINUTE = 100_000;
const MAX_PER_DAY = 100_000_000;

export interface RegistrationFields {
  name?: string | null;
  operations?: string[] | null;
  requestsPerMinute?: number | null;
  requestsPerDay?: number | null;
}

export function registrationViolations(draft: RegistrationFields): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (draft.name !== undefined) {
    const name = draft.name?.trim() ?? '';
    if (!name) violations.push({ field: 'name', message: '名称不能为空（例如：嘉兴市统计局）' });
    else if (name.length > 100) violations.push({ field: 'name', message: '名称最长 100 个字' });
    else if (/[\u0000-\u001f\u007f]/.test(name))
      violations.push({ field: 'name', message: '名称里不能有换行、制表符等控制字符' });
  }
  if (draft.operations !== undefined) {
    const operations = draft.operations ?? [];
    if (draft.operations === null)
      violations.push({ field: 'operations', message: '可调用的操作不能清空为 null；不允许任何操作请给空列表 []' });
    const bad = operations.find((o) => !OPERATION_NAME.test(o));
    if (bad !== undefined)
      violations.push({
        field: 'operations',
        message: `操作名「${bad}」不是可信文档的名称（字母开头，只含字母、数字、- 和 _，最长 64 个字符）`,
      });
    if (new Set(operations).size !== operations.length)
      violations.push({ field: 'operations', message: '操作名重复了，每个只写一次' });
    if (operations.length > MAX_OPERATIONS)
      violations.push({ field: 'operations', message: `最多登记 ${MAX_OPERATIONS} 个操作` });
  }
  const quota = (field: 'requestsPerMinute' | 'requestsPerDay', max: number, words: string) => {
    const value = draft[field];
    if (value != null && (!Number.isInteger(value) || value < 1 || value > max))
      violations.push({ field, message: `${words}须是 1 到 ${max} 之间的整数；不限请留空` });
  };
  quota('requestsPerMinute', MAX_PER_MINUTE, '每分钟请求上限');
  quota('requestsPerDay', MAX_PER_DAY, '每日请求上限');
  return violations;
}

/** The data scope: null (public data only) or the id of an organization of kind FEDERATION. */
export async function federationViolations(em: EntityManager, federationId: string | null | undefined) {
  if (federationId == null) return [];
  if (!UUID_PATTERN.test(federationId))
    return [{ field: 'federationId', message: '数据范围须是一个工商联的组织编号；只看公开数据请留空' }];
  const organization = await em.findOne(Organization, { id: federationId.toLowerCase() });
  if (!organization) return [{ field: 'federationId', message: '没有这个编号的组织；请从工商联列表中选择' }];
  if (organization.kind !== OrganizationKind.FEDERATION)
    return [{ field: 'federationId', message: `${organization.name}不是工商联；数据范围只能是一个工商联的管辖范围` }];
  return [];
}
