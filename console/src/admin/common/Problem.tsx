import { Alert } from 'antd';
import { hubProblem } from '../../shell/errors';
import { defineMessages, useT } from '../../shell/i18n';

const messages = defineMessages(
  { failed: '读取失败（{code}）：{message}' },
  { failed: 'Could not load ({code}): {message}' },
);

/** What the hub said when a query failed, in an alert screen readers announce. */
export function Problem({ error }: { error: unknown }) {
  const t = useT(messages);
  const problem = hubProblem(error);
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('failed', { code: problem.code, message: problem.message })}
    />
  );
}
