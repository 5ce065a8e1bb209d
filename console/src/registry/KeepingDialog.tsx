import { Alert, Button, Form, Input, Modal, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { refusalWords } from '../shell/FormCard';

const messages = defineMessages(
  {
    save: '保存',
    cancel: '取消',
    reason: '理由',
    reasonHint: '为什么记录或更正，将写入变更历史',
    reasonRequired: '请填写理由',
    refused: '未保存（{code}）：{message}',
    fixFields: '未保存（{code}）：请按字段旁的提示修改。',
    conflict: '未保存：此记录在你打开后已被他人修改，你的修改没有写入。请重新加载，看过最新内容后再改。',
    reload: '重新加载',
  },
  {
    save: 'Save',
    cancel: 'Cancel',
    reason: 'Reason',
    reasonHint: 'Why it is recorded or corrected; kept in the history',
    reasonRequired: 'Give a reason',
    refused: 'Not saved ({code}): {message}',
    fixFields: 'Not saved ({code}): see the notes beside the fields.',
    conflict:
      'Not saved: someone else changed this record after you opened it, and nothing of yours was written. Reload, read the latest, then change it again.',
    reload: 'Reload',
  },
);

interface KeepingDialogProps<V> {
  title: string;
  open: boolean;
  initialValues?: Partial<V>;
  /** The fields of the record; the reason field comes after them. */
  children: (form: FormInstance<V>) => ReactNode;
  /** A reason must be given (every correction); a new record may leave it out. */
  reasonRequired: boolean;
  /** False when the record's own fields carry its reason (a list entry's 列入事由). */
  withReason?: boolean;
  /** Sends the write; throws what the hub answered. */
  onSubmit(values: V & { reason?: string }): Promise<unknown>;
  onClose(saved: boolean): void;
  /** Reads the record again after a CONFLICT. */
  onReload(): void;
}

/**
 * The officers' write dialog: the record's fields and a reason. The hub's refusal of a field
 * (BAD_USER_INPUT with extensions.field) stands beside that field; a version race (CONFLICT)
 * says that nothing was written and offers to reload.
 */
export function KeepingDialog<V extends object>(props: KeepingDialogProps<V>) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const [form] = Form.useForm<V>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [saving, setSaving] = useState(false);

  async function submit(values: V & { reason?: string }) {
    setProblem(undefined);
    setSaving(true);
    try {
      await props.onSubmit({ ...values, reason: values.reason?.trim() || undefined });
      form.resetFields();
      props.onClose(true);
    } catch (error) {
      const found = hubProblem(error)!;
      const names = new Set(Object.keys(form.getFieldsValue(true) as object));
      names.add('reason');
      const placed = Object.entries(found.fields)
        .filter(([name]) => names.has(name))
        .map(([name, text]) => ({ name, errors: [text] }));
      form.setFields(placed as never);
      setProblem({ ...found, placed: placed.length > 0 });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={props.title}
      open={props.open}
      destroyOnHidden
      onCancel={() => {
        setProblem(undefined);
        props.onClose(false);
      }}
      footer={null}
    >
      {problem && (
        <Alert
          type={problem.code === 'CONFLICT' ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="keeping-problem"
          style={{ marginBottom: 16 }}
          title={problem.code === 'CONFLICT' ? t('conflict') : refusalWords(problem, problemText, t)}
          action={
            problem.code === 'CONFLICT' ? (
              <Button
                size="small"
                onClick={() => {
                  setProblem(undefined);
                  props.onReload();
                  props.onClose(false);
                }}
              >
                {t('reload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        name="keeping"
        preserve={false}
        initialValues={props.initialValues}
        onFinish={(values) => void submit(values)}
      >
        {props.children(form)}
        {props.withReason !== false && (
          <Form.Item
            name="reason"
            label={t('reason')}
            extra={t('reasonHint')}
            rules={[{ required: props.reasonRequired, whitespace: true, message: t('reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('save')}
          </Button>
          <Button onClick={() => props.onClose(false)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
