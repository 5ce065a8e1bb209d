import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import type { AdminProcessRunQuery, AdminRunOperationResultFragment } from '../../gql/graphql';
import { defineMessages, useT } from '../../shell/i18n';
import { ReasonDialog } from '../common/ReasonDialog';
import { CancelRun, ResetRun, TerminateRun } from './operations';

type Run = AdminProcessRunQuery['processRun'];
type Operation = 'cancel' | 'terminate' | 'reset';

const messages = defineMessages(
  {
    operations: '运行操作',
    cancel: '取消运行',
    terminate: '终止运行',
    reset: '重置运行',
    cancelTitle: '取消运行 {id}？',
    cancelHint: '流程会自行收尾（关闭待办、释放名额、通知各方），然后以“已取消”结束。',
    terminateTitle: '终止运行 {id}？',
    terminateHint: '运行立即结束，流程没有机会收尾：数据中台替它关闭待办，并把流程记录标为已终止。',
    resetTitle: '重置运行 {id}？',
    resetHint: '从较早的一个工作流任务结束处开始新的运行；旧运行在那之后开启的待办会被关闭。',
    toEventId: '重置到事件编号（WorkflowTaskCompleted；不填则为最后一个）',
    notRunning: '这个运行已经结束：只能重置。',
  },
  {
    operations: 'Run operations',
    cancel: 'Cancel run',
    terminate: 'Terminate run',
    reset: 'Reset run',
    cancelTitle: 'Cancel the run {id}?',
    cancelHint: 'The workflow cleans up (closes its tasks, hands back a seat, tells the parties), then ends CANCELLED.',
    terminateTitle: 'Terminate the run {id}?',
    terminateHint:
      'The run ends at once and the workflow gets no say: the hub closes its tasks and marks the process TERMINATED.',
    resetTitle: 'Reset the run {id}?',
    resetHint:
      'A new run starts from the end of an earlier workflow task; tasks the old run opened after that point are closed.',
    toEventId: 'Reset to event id (a WorkflowTaskCompleted; the last one when empty)',
    notRunning: 'This run has ended: it can only be reset.',
  },
);

/** Cancel, terminate and reset, each behind a dialog that asks why. */
export function RunOperations({ run, onDone }: { run: Run; onDone(result: AdminRunOperationResultFragment): void }) {
  const t = useT(messages);
  const [operation, setOperation] = useState<Operation>();
  const [cancel] = useMutation(CancelRun);
  const [terminate] = useMutation(TerminateRun);
  const [reset] = useMutation(ResetRun);
  const running = run.status === 'RUNNING';
  const close = () => setOperation(undefined);

  return (
    <div role="group" aria-label={t('operations')} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Button danger disabled={!running} onClick={() => setOperation('cancel')}>
          {t('cancel')}
        </Button>
        <Button danger disabled={!running} onClick={() => setOperation('terminate')}>
          {t('terminate')}
        </Button>
        <Button onClick={() => setOperation('reset')}>{t('reset')}</Button>
      </Space>
      {!running && <Alert style={{ marginTop: 8 }} type="info" title={t('notRunning')} />}
      <ReasonDialog
        open={operation === 'cancel'}
        title={t('cancelTitle', { id: run.id })}
        description={t('cancelHint')}
        okText={t('cancel')}
        danger
        onClose={close}
        onSubmit={async ({ reason }) => onDone((await cancel({ variables: { id: run.id, reason } })).data!.cancelRun)}
      />
      <ReasonDialog
        open={operation === 'terminate'}
        title={t('terminateTitle', { id: run.id })}
        description={t('terminateHint')}
        okText={t('terminate')}
        danger
        onClose={close}
        onSubmit={async ({ reason }) =>
          onDone((await terminate({ variables: { id: run.id, reason } })).data!.terminateRun)
        }
      />
      <ReasonDialog<{ toEventId?: number }>
        open={operation === 'reset'}
        title={t('resetTitle', { id: run.id })}
        description={t('resetHint')}
        okText={t('reset')}
        danger
        onClose={close}
        onSubmit={async ({ reason, toEventId }) =>
          onDone((await reset({ variables: { id: run.id, reason, toEventId: toEventId ?? null } })).data!.resetRun)
        }
      >
        <Form.Item name="toEventId" label={t('toEventId')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </ReasonDialog>
    </div>
  );
}
