import { Alert } from 'antd';
import type { HubProblem } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';

const messages = defineMessages(
  { refused: '未被接受（{code}）：{message}', fixFields: '未被接受（{code}）：请按字段旁的提示修改。' },
  { refused: 'Not accepted ({code}): {message}', fixFields: 'Not accepted ({code}): see the notes beside the fields.' },
);

/** What the hub refused, above a form: the fields it named carry their own message. */
export function ProblemAlert({ problem, testId }: { problem?: HubProblem & { placed: boolean }; testId: string }) {
  const t = useT(messages);
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={
        problem.placed
          ? t('fixFields', { code: problem.code })
          : t('refused', { code: problem.code, message: problem.message })
      }
    />
  );
}
