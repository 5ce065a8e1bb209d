import { useMutation } from '@apollo/client/react';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AdminProcessRunQuery, AdminRunOperationResultFragment } from '../../gql/graphql';
import { defineMessages, useBilingual, useT, type Bilingual } from '../../shell/i18n';
import { when } from '../common/format';
import { ReasonDialog } from '../common/ReasonDialog';
import { RetryActivity } from './operations';
import { EmptyText } from '../common/EmptyText';

type Activity = AdminProcessRunQuery['processRun']['pendingActivities'][number];

const messages = defineMessages(
  {
    type: '活动',
    state: '状态',
    attempt: '尝试次数',
    of: '{attempt} / {max}',
    unlimited: '{attempt} / 不限',
    lastFailure: '最近一次失败',
    next: '下次尝试',
    retry: '立即重试',
    retryAll: '全部立即重试',
    retryTitle: '立即重试活动 {type}？',
    retryAllTitle: '立即重试这个运行的所有等待中的活动？',
    retryHint: '尝试次数从 1 重新计算。',
    none: '没有等待中的活动（任务组件与投影的写入是本地活动，不在此列）',
  },
  {
    type: 'Activity',
    state: 'State',
    attempt: 'Attempts',
    of: '{attempt} of {max}',
    unlimited: '{attempt} of unlimited',
    lastFailure: 'Last failure',
    next: 'Next attempt',
    retry: 'Retry now',
    retryAll: 'Retry all now',
    retryTitle: 'Retry the activity {type} now?',
    retryAllTitle: 'Retry every pending activity of this run now?',
    retryHint: 'Its attempts start again at 1.',
    none: 'No pending activities (the task kit’s and projections’ writes are local activities and never show here)',
  },
);

// Temporal's states of a pending activity.
const ACTIVITY_STATES: Record<string, Bilingual> = {
  SCHEDULED: { zh: '等待执行', en: 'Scheduled' },
  STARTED: { zh: '执行中', en: 'Running' },
  CANCEL_REQUESTED: { zh: '已请求取消', en: 'Cancel requested' },
  PAUSED: { zh: '已暂停', en: 'Paused' },
};

/** Ordinary activities the run waits on, with attempts and the last failure; each (or all) can be retried now. */
export function Activities({
  runId,
  activities,
  onDone,
}: {
  runId: string;
  activities: Activity[];
  onDone(result: AdminRunOperationResultFragment): void;
}) {
  const t = useT(messages);
  const text = useBilingual();
  // undefined: no dialog; null: every pending activity; else the one to retry.
  const [retrying, setRetrying] = useState<Activity | null>();
  const [retry] = useMutation(RetryActivity);
  const columns = [
    // The activity's name in the workflow's code: a details line, as in Temporal's own UI.
    {
      title: t('type'),
      key: 'type',
      render: (a: Activity) => <span data-details>{`${a.activityType} (${a.activityId})`}</span>,
    },
    { title: t('state'), key: 'state', render: (a: Activity) => text(ACTIVITY_STATES[a.state]) || a.state },
    {
      title: t('attempt'),
      key: 'attempt',
      render: (a: Activity) =>
        a.maximumAttempts
          ? t('of', { attempt: a.attempt, max: a.maximumAttempts })
          : t('unlimited', { attempt: a.attempt }),
    },
    {
      title: t('lastFailure'),
      key: 'lastFailure',
      render: (a: Activity) => (a.lastFailure ? <Typography.Text type="danger">{a.lastFailure}</Typography.Text> : '—'),
    },
    { title: t('next'), key: 'next', render: (a: Activity) => when(a.nextAttemptAt) },
    {
      title: t('retry'),
      key: 'retry',
      render: (a: Activity) => (
        <Button size="small" onClick={() => setRetrying(a)} aria-label={`${t('retry')}: ${a.activityType}`}>
          {t('retry')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<Activity>
        rowKey="activityId"
        columns={columns}
        dataSource={activities}
        pagination={false}
        size="small"
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        scroll={{ x: 'max-content' }}
      />
      {activities.length > 1 && (
        <Button style={{ marginTop: 12 }} onClick={() => setRetrying(null)}>
          {t('retryAll')}
        </Button>
      )}
      <ReasonDialog
        open={retrying !== undefined}
        title={retrying ? t('retryTitle', { type: retrying.activityType }) : t('retryAllTitle')}
        description={t('retryHint')}
        okText={t('retry')}
        onClose={() => setRetrying(undefined)}
        onSubmit={async ({ reason }) => {
          const result = await retry({ variables: { id: runId, activityId: retrying?.activityId ?? null, reason } });
          onDone(result.data!.retryActivity);
        }}
      />
    </>
  );
}
