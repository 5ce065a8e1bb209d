import { Table, Tag } from 'antd';
import type { AdminProcessRunQuery } from '../../gql/graphql';
import { defineMessages, useBilingual, useT } from '../../shell/i18n';
import { usePeople } from '../../shell/people';
import { AUDIT_ACTION_WORDS, AUDIT_OUTCOME_WORDS } from '../common/words';
import { when } from '../common/format';
import { EmptyText } from '../common/EmptyText';

type Entry = AdminProcessRunQuery['processRun']['audit'][number];

const messages = defineMessages(
  {
    at: '时间',
    actor: '操作人',
    action: '操作',
    target: '对象',
    reason: '原因',
    outcome: '结果',
    none: '还没有管理员操作过这个运行',
  },
  {
    at: 'At',
    actor: 'By',
    action: 'Action',
    target: 'Target',
    reason: 'Reason',
    outcome: 'Outcome',
    none: 'No admin has acted on this run',
  },
);

const COLORS: Record<string, string> = { DONE: 'success', FAILED: 'error', REQUESTED: 'processing' };

/** What admins did to the run and its tasks (run_audit), oldest first, with their reasons. */
export function AuditTable({ entries }: { entries: Entry[] }) {
  const t = useT(messages);
  const text = useBilingual();
  const person = usePeople(entries.map((e) => e.actor));
  const columns = [
    { title: t('at'), key: 'at', render: (e: Entry) => when(e.at) },
    { title: t('actor'), key: 'actor', render: (e: Entry) => person(e.actor) },
    { title: t('action'), key: 'action', render: (e: Entry) => text(AUDIT_ACTION_WORDS[e.action]) || e.action },
    // The run's or a task's id: a details line.
    { title: t('target'), key: 'target', render: (e: Entry) => <span data-details>{e.target}</span> },
    { title: t('reason'), key: 'reason', render: (e: Entry) => e.reason },
    {
      title: t('outcome'),
      key: 'outcome',
      render: (e: Entry) => (
        <>
          <Tag color={COLORS[e.outcome]}>{text(AUDIT_OUTCOME_WORDS[e.outcome]) || e.outcome}</Tag>
          {e.error ?? ''}
        </>
      ),
    },
  ];
  return (
    <Table<Entry>
      rowKey="id"
      columns={columns}
      dataSource={entries}
      pagination={false}
      size="small"
      locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
    />
  );
}
