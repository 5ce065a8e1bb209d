import { useMutation } from '@apollo/client/react';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { TRAINING_COURSE, WITHDRAW } from './operations';

const messages = defineMessages(
  {
    title: '撤回{name}的报名？',
    warning: '撤回后不能恢复：如需再参加须重新报名；已占的名额让给候补的第一位。',
    reason: '撤回原因（可选）',
    ok: '撤回报名',
    back: '返回',
    failed: '未能撤回（{code}）：{message}',
  },
  {
    title: 'Withdraw the application of {name}?',
    warning: 'This cannot be undone: applying again starts anew; a seat it held goes to the first on the wait-list.',
    reason: 'Reason (optional)',
    ok: 'Withdraw',
    back: 'Back',
    failed: 'Not withdrawn ({code}): {message}',
  },
);

/** Withdrawing an application cannot be undone: said, and confirmed, before it is sent. */
export function WithdrawDialog({
  courseId,
  enrollment,
  onClose,
}: {
  courseId: string;
  enrollment: { id: string; personName: string } | undefined;
  onClose(): void;
}) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const [form] = Form.useForm<{ reason?: string }>();
  const [problem, setProblem] = useState<HubProblem>();
  const [withdraw, { loading }] = useMutation(WITHDRAW, {
    refetchQueries: [{ query: TRAINING_COURSE, variables: { id: courseId } }],
    awaitRefetchQueries: true,
  });

  async function finish(values: { reason?: string }) {
    if (!enrollment) return;
    setProblem(undefined);
    try {
      await withdraw({ variables: { id: enrollment.id, reason: values.reason?.trim() || null } });
      onClose();
    } catch (error) {
      const found = hubProblem(error)!;
      if (found.fields.reason) form.setFields([{ name: 'reason', errors: [found.fields.reason] }]);
      setProblem(found);
    }
  }

  return (
    <Modal
      open={!!enrollment}
      title={t('title', { name: enrollment?.personName ?? '' })}
      okText={t('ok')}
      cancelText={t('back')}
      okButtonProps={{ danger: true, loading }}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('warning')} />
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)} preserve={false}>
        <Form.Item name="reason" label={t('reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
    </Modal>
  );
}
