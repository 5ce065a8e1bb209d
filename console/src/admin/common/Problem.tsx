import { Alert } from 'antd';
import { hubProblem, problemWord } from '../../shell/errors';
import { defineMessages, useT, useBilingual } from '../../shell/i18n';

const messages = defineMessages(
  { failed: '读取失败（{code}）：{message}' },
  { failed: 'Could not load ({code}): {message}' },
);

/** What the hub said when a query failed, in an alert screen readers announce. */
export function Problem({ error }: { error: unknown }) {
  const t = useT(messages);
  const text = useBilingual();
  const problem = hubProblem(error);
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
    />
  );
}
