import { useMutation } from '@apollo/client/react';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { CHAMBER_EVALUATIONS, LODGE_OBJECTION } from './operations';

const messages = defineMessages(
  {
    title: '对{campaign}的结果提出异议',
    warning: '异议提交后不能撤回，将交评估复核委员会复核。',
    reason: '异议理由',
    required: '请写明异议理由',
    ok: '提交异议',
    back: '返回',
    failed: '异议未提交（{code}）：{message}',
  },
  {
    title: 'Object to the result of {campaign}',
    warning: 'An objection cannot be withdrawn; the review committee decides it.',
    reason: 'Reason',
    required: 'Say why you object',
    ok: 'Lodge the objection',
    back: 'Back',
    failed: 'Not lodged ({code}): {message}',
  },
);

/** During the public notice (公示) the organisation may object; it cannot be taken back. */
export function ObjectionDialog({
  application,
  organizationId,
  onClose,
}: {
  application: { id: string; campaign: string } | undefined;
  organizationId: string;
  onClose(): void;
}) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<HubProblem>();
  const [lodge, { loading }] = useMutation(LODGE_OBJECTION, {
    refetchQueries: [{ query: CHAMBER_EVALUATIONS, variables: { id: organizationId } }],
  });

  async function finish(values: { reason: string }) {
    if (!application) return;
    setProblem(undefined);
    try {
      await lodge({ variables: { id: application.id, reason: values.reason.trim() } });
      onClose();
    } catch (error) {
      const found = hubProblem(error)!;
      if (found.fields.reason) form.setFields([{ name: 'reason', errors: [found.fields.reason] }]);
      setProblem(found);
    }
  }

  return (
    <Modal
      open={!!application}
      title={t('title', { campaign: application?.campaign ?? '' })}
      okText={t('ok')}
      cancelText={t('back')}
      okButtonProps={{ loading }}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('warning')} />
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)} preserve={false}>
        <Form.Item
          name="reason"
          label={t('reason')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
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
