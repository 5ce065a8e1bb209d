import { Alert, Descriptions } from 'antd';
import type { AdminRunOperationResultFragment } from '../../gql/graphql';
import { defineMessages, useBilingual, useT } from '../../shell/i18n';
import { when } from '../common/format';
import { usePeople } from '../../shell/people';
import { AUDIT_ACTION_WORDS, AUDIT_OUTCOME_WORDS, RUN_STATUS_WORDS } from '../common/words';

const messages = defineMessages(
  {
    done: '「{action}」已记录：{outcome}',
    status: '运行状态',
    runId: '运行 ID',
    tasksClosed: '关闭的待办',
    reason: '原因',
    actor: '操作人',
    at: '时间',
    error: '失败原因',
    close: '关闭结果',
  },
  {
    done: '“{action}” recorded: {outcome}',
    status: 'Run status',
    runId: 'Run id',
    tasksClosed: 'Tasks closed',
    reason: 'Reason',
    actor: 'By',
    at: 'At',
    error: 'Why it failed',
    close: 'Close the result',
  },
);

/** What an operation answered (RunOperationResult): the run's status after it and its audit entry. */
export function OperationResult({ result, onClose }: { result: AdminRunOperationResultFragment; onClose(): void }) {
  const t = useT(messages);
  const text = useBilingual();
  const { audit } = result;
  const person = usePeople([audit.actor]);
  return (
    <Alert
      type={audit.outcome === 'FAILED' ? 'error' : 'success'}
      showIcon
      closable={{ onClose, 'aria-label': t('close') }}
      style={{ marginBottom: 16 }}
      role="status"
      data-testid="operation-result"
      title={t('done', {
        action: text(AUDIT_ACTION_WORDS[audit.action]) || audit.action,
        outcome: text(AUDIT_OUTCOME_WORDS[audit.outcome]) || audit.outcome,
      })}
      description={
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('status')}>
            {RUN_STATUS_WORDS[result.status] ? text(RUN_STATUS_WORDS[result.status]) : result.status}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasksClosed')}>{result.tasksClosed}</Descriptions.Item>
          {result.runId && (
            <Descriptions.Item label={t('runId')}>
              <span data-details>{result.runId}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('reason')}>{audit.reason}</Descriptions.Item>
          <Descriptions.Item label={t('actor')}>{person(audit.actor)}</Descriptions.Item>
          <Descriptions.Item label={t('at')}>{when(audit.at)}</Descriptions.Item>
          {audit.error && <Descriptions.Item label={t('error')}>{audit.error}</Descriptions.Item>}
        </Descriptions>
      }
    />
  );
}
