import { useQuery } from '@apollo/client/react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem, useProblemWord } from '../../shell/errors';
import { useT } from '../../shell/i18n';
import { Federations } from './operations';
import { messages } from './messages';

/** What the form edits: the registration without its secret. */
export interface ClientFields {
  name: string;
  operations: string[];
  requestsPerMinute: number | null;
  requestsPerDay: number | null;
  federationId: string | null;
}

interface FormValues {
  name: string;
  operations?: string;
  requestsPerMinute?: number | null;
  requestsPerDay?: number | null;
  federationId?: string | null;
}

/** Registers or edits a client: the hub's refusal is shown at the field it names. */
export function ClientForm({
  title,
  initial,
  onSubmit,
  onClose,
}: {
  title: string;
  initial?: ClientFields;
  onSubmit: (fields: ClientFields) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<HubProblem>();
  const [saving, setSaving] = useState(false);
  const federations = useQuery(Federations);
  const options = (federations.data?.organizations.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: node.name,
  }));

  async function submit(values: FormValues) {
    setSaving(true);
    setProblem(undefined);
    try {
      await onSubmit({
        name: values.name,
        operations: (values.operations ?? '')
          .split(/[\s,，]+/)
          .map((o) => o.trim())
          .filter(Boolean),
        requestsPerMinute: values.requestsPerMinute ?? null,
        requestsPerDay: values.requestsPerDay ?? null,
        federationId: values.federationId ?? null,
      });
      onClose();
    } catch (error) {
      const found = hubProblem(error);
      setProblem(found);
      if (found)
        form.setFields(
          Object.entries(found.fields).map(([name, message]) => ({
            name: name as keyof FormValues,
            errors: [message],
          })),
        );
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && !Object.keys(problem.fields).length && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          name: initial?.name,
          operations: initial?.operations.join('\n'),
          requestsPerMinute: initial?.requestsPerMinute,
          requestsPerDay: initial?.requestsPerDay,
          federationId: initial?.federationId ?? undefined,
        }}
      >
        <Form.Item
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
        >
          <Input maxLength={100} placeholder="嘉兴市统计局" />
        </Form.Item>
        <Form.Item name="operations" label={t('operations')} extra={t('operationsHelp')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="requestsPerMinute" label={t('perMinute')}>
          <InputNumber min={1} precision={0} placeholder={t('unlimited')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="requestsPerDay" label={t('perDay')}>
          <InputNumber min={1} precision={0} placeholder={t('unlimited')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="federationId" label={t('scope')} extra={t('scopeHelp')}>
          <Select allowClear options={options} placeholder={t('publicData')} loading={federations.loading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
