import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, List, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { defineMessages, useT } from '../../shell/i18n';
import { Problem } from '../common/Problem';
import { ReasonDialog } from '../common/ReasonDialog';

const Batch = graphql(`
  query AdminBatchOperation($id: ID!) {
    batchOperation(id: $id) {
      id
      status
      total
      done
      failed
      failures
    }
  }
`);

const CancelBatch = graphql(`
  mutation AdminCancelBatch($id: ID!, $reason: String!) {
    cancelBatchOperation(id: $id, reason: $reason) {
      id
      status
      total
      done
      failed
      failures
    }
  }
`);

const messages = defineMessages(
  {
    title: '批量操作 {id}',
    LISTING: '正在列出运行',
    RUNNING: '进行中',
    DONE: '已完成',
    CANCELLED: '已停止',
    progress: '已处理 {done} / {total}，失败 {failed}',
    failures: '失败的运行',
    stop: '停止批量操作',
    stopTitle: '停止这个批量操作？',
    stopHint: '已经处理的运行保持原样，其余的不再处理。',
    close: '关闭',
    progressLabel: '批量操作进度',
  },
  {
    title: 'Batch operation {id}',
    LISTING: 'Listing the runs',
    RUNNING: 'Running',
    DONE: 'Done',
    CANCELLED: 'Stopped',
    progress: '{done} of {total} done, {failed} failed',
    failures: 'Runs that failed',
    stop: 'Stop the batch',
    stopTitle: 'Stop this batch operation?',
    stopHint: 'What it did stays done; the remaining runs are left alone.',
    close: 'Close',
    progressLabel: 'Batch progress',
  },
);

const FINISHED = ['DONE', 'CANCELLED'];

/** A batch's progress, polled until it is done or stopped; it can be stopped between runs. */
export function BatchProgress({ id, onClose, onFinished }: { id: string; onClose(): void; onFinished?(): void }) {
  const t = useT(messages);
  const [stopping, setStopping] = useState(false);
  const batch = useQuery(Batch, { variables: { id }, pollInterval: 1500, fetchPolicy: 'network-only' });
  const [cancel] = useMutation(CancelBatch);
  const op = batch.data?.batchOperation;
  const finished = !!op && FINISHED.includes(op.status);
  useEffect(() => {
    if (finished) batch.stopPolling();
  }, [finished, batch]);
  const percent = op && op.total ? Math.round(((op.done + op.failed) / op.total) * 100) : 0;
  const statusWord = op && (['LISTING', 'RUNNING', 'DONE', 'CANCELLED'] as const).find((s) => s === op.status);

  return (
    <Card
      title={t('title', { id })}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {!finished && (
            <Button danger onClick={() => setStopping(true)}>
              {t('stop')}
            </Button>
          )}
          <Button onClick={() => (finished && onFinished?.(), onClose())}>{t('close')}</Button>
        </Space>
      }
      data-testid="batch-progress"
    >
      <Problem error={batch.error} />
      {op && (
        <div aria-live="polite">
          <Typography.Paragraph>
            <strong>{statusWord ? t(statusWord) : op.status}</strong> ·{' '}
            {t('progress', { done: op.done, total: op.total, failed: op.failed })}
          </Typography.Paragraph>
          <Progress
            percent={percent}
            status={op.failed ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('progressLabel')}
          />
          {op.failures.length > 0 && (
            <Alert
              type="error"
              title={t('failures')}
              description={
                <List size="small" dataSource={op.failures} renderItem={(line) => <List.Item>{line}</List.Item>} />
              }
            />
          )}
        </div>
      )}
      <ReasonDialog
        open={stopping}
        title={t('stopTitle')}
        description={t('stopHint')}
        okText={t('stop')}
        danger
        onClose={() => setStopping(false)}
        onSubmit={async ({ reason }) => {
          await cancel({ variables: { id, reason } });
          await batch.refetch();
        }}
      />
    </Card>
  );
}
