import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { hubProblem, problemWord, type HubProblem } from '../../shell/errors';
import { defineMessages, useT, useBilingual } from '../../shell/i18n';

const messages = defineMessages(
  {
    reason: '原因',
    reasonHelp: '写明为什么这样做：会记入审计，其他管理员可见',
    reasonRequired: '请填写原因',
    cancel: '返回',
    failed: '操作未完成（{code}）：{message}',
  },
  {
    reason: 'Reason',
    reasonHelp: 'Why you do this: it goes into the audit, which other admins read',
    reasonRequired: 'A reason is required',
    cancel: 'Back',
    failed: 'The operation did not happen ({code}): {message}',
  },
);

export interface ReasonDialogProps<V extends object> {
  open: boolean;
  title: string;
  /** What the operation will do, said before the admin confirms. */
  description?: ReactNode;
  okText: string;
  danger?: boolean;
  /** The confirm button stays off (nothing to act on). */
  disabled?: boolean;
  /** The reason field's name in the mutation (`note` for pausing a schedule). */
  reasonField?: string;
  reasonLabel?: string;
  /** false for the few operations the API takes without a reason (a confirmation only). */
  askReason?: boolean;
  /** More Form.Items (a due date, candidates ...), each labelled. */
  children?: ReactNode;
  initialValues?: Partial<V>;
  /** Runs the operation; a refusal stays in the dialog with the hub's words. */
  onSubmit(values: V & { reason: string }): Promise<unknown>;
  onClose(): void;
}

/**
 * Every operation on a run, a task, a batch or a schedule asks why (the hub audits it, and
 * refuses it without one): the dialog does not submit with an empty reason and shows the hub's
 * refusal, with its field named, without closing.
 */
export function ReasonDialog<V extends object>(props: ReasonDialogProps<V>) {
  const t = useT(messages);
  const text = useBilingual();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<HubProblem>();
  const reasonField = props.reasonField ?? 'reason';

  async function finish(values: Record<string, unknown>) {
    setBusy(true);
    setProblem(undefined);
    try {
      const reason = values[reasonField];
      await props.onSubmit({ ...values, reason: typeof reason === 'string' ? reason.trim() : '' } as V & {
        reason: string;
      });
      form.resetFields();
      props.onClose();
    } catch (error) {
      const found = hubProblem(error);
      setProblem(found);
      if (found) form.setFields(Object.entries(found.fields).map(([name, message]) => ({ name, errors: [message] })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('cancel')}
      okButtonProps={{ danger: props.danger, loading: busy, disabled: props.disabled }}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(undefined);
        props.onClose();
      }}
      destroyOnHidden
    >
      {props.description && <div style={{ marginBottom: 16 }}>{props.description}</div>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void finish(values as Record<string, unknown>)}
        initialValues={props.initialValues}
        preserve={false}
      >
        {props.children}
        {props.askReason !== false && (
          <Form.Item
            name={reasonField}
            label={props.reasonLabel ?? t('reason')}
            extra={t('reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
    </Modal>
  );
}
