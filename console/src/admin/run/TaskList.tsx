import { useMutation } from '@apollo/client/react';
import { Button, DatePicker, Form, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AdminProcessRunQuery } from '../../gql/graphql';
import { defineMessages, useLocale, useT } from '../../shell/i18n';
import { usePeople } from '../../shell/people';
import { CandidateFields, candidatesInput } from '../common/CandidateFields';
import { when } from '../common/format';
import { ReasonDialog } from '../common/ReasonDialog';
import { ExtendTaskDue, ReassignTask } from './operations';
import { EmptyText } from '../common/EmptyText';
import { TASK_STATUSES, useCatalogWords, wordFor } from '../common/words';

type Task = AdminProcessRunQuery['processRun']['openTasks'][number];

const messages = defineMessages(
  {
    title: '待办',
    kind: '类型',
    status: '状态',
    candidates: '候选人',
    assignee: '认领人',
    due: '截止',
    escalated: '已升级',
    actions: '操作',
    reassign: '改派',
    reassignTitle: '改派待办「{title}」',
    reassignHint: '原认领将被释放，新的候选人会收到通知。',
    extend: '延期',
    extendTitle: '延长待办「{title}」的截止时间',
    extendHint: '当前截止：{due}。流程自己的期限会一起推后；只能延后，不能提前。',
    dueAt: '新的截止时间',
    dueRequired: '请选择一个比现在截止时间更晚的时间',
    none: '没有待办',
    in: '{role}（{org}）',
  },
  {
    title: 'Tasks',
    kind: 'Kind',
    status: 'Status',
    candidates: 'Candidates',
    assignee: 'Claimed by',
    due: 'Due',
    escalated: 'escalated',
    actions: 'Actions',
    reassign: 'Reassign',
    reassignTitle: 'Reassign the task “{title}”',
    reassignHint: 'Its claim is released and the new candidates are notified.',
    extend: 'Extend',
    extendTitle: 'Extend the due date of “{title}”',
    extendHint: 'Due now: {due}. The workflow’s own deadline moves with it; only later, never earlier.',
    dueAt: 'New due date',
    dueRequired: 'Pick a time later than the current due date',
    none: 'No open tasks',
    in: '{role} ({org})',
  },
);

/** The run's open tasks; an admin gives one to other candidates or moves its due date later. */
export function TaskList({ tasks, onChanged }: { tasks: Task[]; onChanged(): void }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const words = useCatalogWords();
  const person = usePeople(tasks.flatMap((task) => [task.assignee, ...task.candidates.map((c) => c.subject)]));
  const [reassigning, setReassigning] = useState<Task>();
  const [extending, setExtending] = useState<Task>();
  const [reassign] = useMutation(ReassignTask);
  const [extend] = useMutation(ExtendTaskDue);

  // A candidate in words: a named person, or a role (within an organization, by its name).
  const candidate = (c: Task['candidates'][number]) => {
    if (c.subject) return person(c.subject);
    const role = wordFor(words.roles, c.role, locale);
    return c.organization ? t('in', { role, org: c.organization.name }) : role;
  };
  const columns = [
    { title: t('title'), key: 'title', render: (task: Task) => task.title },
    { title: t('kind'), key: 'kind', render: (task: Task) => wordFor(words.taskKinds, task.kind, locale) },
    {
      title: t('status'),
      key: 'status',
      render: (task: Task) => (
        <Space>
          {wordFor(TASK_STATUSES, task.status, locale)}
          {task.escalated && <Tag color="warning">{t('escalated')}</Tag>}
        </Space>
      ),
    },
    { title: t('candidates'), key: 'candidates', render: (task: Task) => task.candidates.map(candidate).join('；') },
    { title: t('assignee'), key: 'assignee', render: (task: Task) => (task.assignee ? person(task.assignee) : '—') },
    { title: t('due'), key: 'due', render: (task: Task) => when(task.dueAt) },
    {
      title: t('actions'),
      key: 'actions',
      render: (task: Task) => (
        <Space>
          <Button size="small" onClick={() => setReassigning(task)} aria-label={`${t('reassign')}: ${task.title}`}>
            {t('reassign')}
          </Button>
          <Button size="small" onClick={() => setExtending(task)} aria-label={`${t('extend')}: ${task.title}`}>
            {t('extend')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Task>
        rowKey="id"
        columns={columns}
        dataSource={tasks}
        pagination={false}
        size="small"
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        scroll={{ x: 'max-content' }}
      />
      <ReasonDialog<{ candidates: { role?: string; organizationId?: string; subject?: string }[] }>
        open={!!reassigning}
        title={t('reassignTitle', { title: reassigning?.title ?? '' })}
        description={t('reassignHint')}
        okText={t('reassign')}
        onClose={() => setReassigning(undefined)}
        onSubmit={async (values) => {
          await reassign({
            variables: {
              taskId: reassigning!.id,
              candidates: candidatesInput(values.candidates),
              reason: values.reason,
            },
          });
          onChanged();
        }}
      >
        <CandidateFields />
      </ReasonDialog>
      <ReasonDialog<{ dueAt: Dayjs }>
        open={!!extending}
        title={t('extendTitle', { title: extending?.title ?? '' })}
        description={t('extendHint', { due: when(extending?.dueAt) })}
        okText={t('extend')}
        initialValues={extending ? { dueAt: dayjs(extending.dueAt).add(7, 'day') } : undefined}
        onClose={() => setExtending(undefined)}
        onSubmit={async (values) => {
          await extend({
            variables: { taskId: extending!.id, dueAt: values.dueAt.toISOString(), reason: values.reason },
          });
          onChanged();
        }}
      >
        <Form.Item
          name="dueAt"
          label={t('dueAt')}
          rules={[
            { required: true, message: t('dueRequired') },
            {
              validator: async (_, value?: Dayjs) => {
                if (value && extending && !value.isAfter(dayjs(extending.dueAt))) throw new Error(t('dueRequired'));
              },
            },
          ]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
      </ReasonDialog>
    </>
  );
}
