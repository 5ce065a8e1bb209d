import { Button, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { defineMessages, useT } from '../shell/i18n';
import { TASK_STATUSES, useWords, useCatalogWords } from './labels';
import { OrganizationPicker } from './OrganizationPicker';

export const filterMessages = defineMessages(
  {
    filters: '筛选待办',
    status: '状态',
    allStatuses: '全部状态',
    waiting: '待我处理（含我已认领的）',
    processType: '流程',
    kind: '事项',
    any: '不限',
    organization: '组织',
    assigned: '认领',
    mine: '我认领的',
    unassigned: '无人认领',
    dueBefore: '到期早于',
    orderBy: '排序',
    byDue: '按到期时间（最早在前）',
    byPriority: '按优先级（最高在前）',
    byCreated: '按创建时间（最新在前）',
    reset: '清除筛选',
  },
  {
    filters: 'Filter the inbox',
    status: 'Status',
    allStatuses: 'All statuses',
    waiting: 'Waiting for me (claimed by me included)',
    processType: 'Process',
    kind: 'Task kind',
    any: 'Any',
    organization: 'Organisation',
    assigned: 'Claimed',
    mine: 'Claimed by me',
    unassigned: 'Claimed by nobody',
    dueBefore: 'Due before',
    orderBy: 'Sort',
    byDue: 'By due date (soonest first)',
    byPriority: 'By priority (highest first)',
    byCreated: 'By creation (newest first)',
    reset: 'Clear filters',
  },
);

/** The inbox's filters as they stand in the address (so a link or Back keeps them). */
export interface InboxFilter {
  status: string; // a TaskStatus, WAITING (open ones I may claim and the ones I claimed) or ALL
  processType?: string;
  kind?: string;
  organizationId?: string;
  organizationName?: string;
  assigned?: string;
  dueBefore?: string; // YYYY-MM-DD, inclusive
  orderBy: string;
}

export function filterFromParams(params: URLSearchParams): InboxFilter {
  return {
    status: params.get('status') ?? 'WAITING',
    processType: params.get('processType') ?? undefined,
    kind: params.get('kind') ?? undefined,
    organizationId: params.get('organizationId') ?? undefined,
    organizationName: params.get('organizationName') ?? undefined,
    assigned: params.get('assigned') ?? undefined,
    dueBefore: params.get('dueBefore') ?? undefined,
    orderBy: params.get('orderBy') ?? 'DUE_AT',
  };
}

export function paramsFromFilter(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as [string, string | undefined][])
    if (value) params.set(key, value);
  return params;
}

export function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange(next: InboxFilter): void }) {
  const t = useT(filterMessages);
  const word = useWords();
  const words = useCatalogWords();
  const set = (change: Partial<InboxFilter>) => onChange({ ...filter, ...change });
  const kinds = Object.entries(words.taskKinds).filter(
    ([, kind]) => !filter.processType || kind.processType === filter.processType,
  );

  return (
    <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item label={t('status')} htmlFor="inbox-status">
        <Select
          id="inbox-status"
          style={{ minWidth: 120 }}
          value={filter.status}
          onChange={(status: string) => set({ status })}
          options={[
            { value: 'WAITING', label: t('waiting') },
            ...Object.keys(TASK_STATUSES).map((code) => ({ value: code, label: word(TASK_STATUSES, code) })),
            { value: 'ALL', label: t('allStatuses') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('processType')} htmlFor="inbox-process-type">
        <Select
          id="inbox-process-type"
          style={{ minWidth: 160 }}
          value={filter.processType ?? ''}
          onChange={(processType: string) => set({ processType: processType || undefined, kind: undefined })}
          options={[
            { value: '', label: t('any') },
            ...Object.keys(words.processTypes).map((code) => ({ value: code, label: word(words.processTypes, code) })),
          ]}
        />
      </Form.Item>
      <Form.Item label={t('kind')} htmlFor="inbox-kind">
        <Select
          id="inbox-kind"
          style={{ minWidth: 160 }}
          value={filter.kind ?? ''}
          onChange={(kind: string) => set({ kind: kind || undefined })}
          options={[
            { value: '', label: t('any') },
            ...kinds.map(([code]) => ({ value: code, label: word(words.taskKinds, code) })),
          ]}
        />
      </Form.Item>
      <Form.Item label={t('organization')} htmlFor="inbox-organization">
        <OrganizationPicker
          id="inbox-organization"
          value={filter.organizationId}
          knownName={filter.organizationName}
          onChange={(organizationId) => set({ organizationId, organizationName: undefined })}
        />
      </Form.Item>
      <Form.Item label={t('assigned')} htmlFor="inbox-assigned">
        <Select
          id="inbox-assigned"
          style={{ minWidth: 120 }}
          value={filter.assigned ?? ''}
          onChange={(assigned: string) => set({ assigned: assigned || undefined })}
          options={[
            { value: '', label: t('any') },
            { value: 'MINE', label: t('mine') },
            { value: 'UNASSIGNED', label: t('unassigned') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('dueBefore')} htmlFor="inbox-due-before">
        <DatePicker
          id="inbox-due-before"
          value={filter.dueBefore ? dayjs(filter.dueBefore) : null}
          onChange={(date) => set({ dueBefore: date ? date.format('YYYY-MM-DD') : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('orderBy')} htmlFor="inbox-order">
        <Select
          id="inbox-order"
          style={{ minWidth: 200 }}
          value={filter.orderBy}
          onChange={(orderBy: string) => set({ orderBy })}
          options={[
            { value: 'DUE_AT', label: t('byDue') },
            { value: 'PRIORITY', label: t('byPriority') },
            { value: 'CREATED_AT', label: t('byCreated') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({ status: 'WAITING', orderBy: 'DUE_AT' })}>{t('reset')}</Button>
      </Form.Item>
    </Form>
  );
}
