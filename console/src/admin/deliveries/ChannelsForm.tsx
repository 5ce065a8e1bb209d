import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import type { NotificationChannelsInput } from '../../gql/graphql';
import { hubProblem, useProblemWord } from '../../shell/errors';
import { useT } from '../../shell/i18n';
import { dateTime } from '../../approver/format';
import { Problem } from '../common/Problem';
import { Channels, SetChannels } from './operations';
import { messages } from './messages';

type Values = Omit<NotificationChannelsInput, 'smtpPort'> & { smtpPort?: number | null };

/** The Federation's SMTP server and sender, and its DingTalk robot; secrets are written, never shown. */
export function ChannelsForm() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const channels = useQuery(Channels);
  const [save, saving] = useMutation(SetChannels, { refetchQueries: [Channels] });
  const current = channels.data?.notificationChannels;

  useEffect(() => {
    if (!current) return;
    form.setFieldsValue({
      smtpHost: current.smtpHost ?? '',
      smtpPort: current.smtpPort ?? undefined,
      smtpSecure: current.smtpSecure,
      smtpUser: current.smtpUser ?? '',
      senderAddress: current.senderAddress ?? '',
      senderName: current.senderName ?? '',
      // The stored webhook's token is hidden: typed anew to change it.
      dingTalkWebhook: undefined,
    });
  }, [current, form]);

  async function submit(values: Values) {
    const input: NotificationChannelsInput = {
      ...values,
      smtpPort: values.smtpPort ?? undefined,
      // Empty secret fields keep what is stored.
      smtpPassword: values.smtpPassword || undefined,
      dingTalkSecret: values.dingTalkSecret || undefined,
      dingTalkWebhook: values.dingTalkWebhook || undefined,
    };
    try {
      await save({ variables: { input } });
      form.setFieldsValue({ smtpPassword: undefined, dingTalkSecret: undefined, dingTalkWebhook: undefined });
      void message.success(t('saved'));
    } catch (error) {
      const problem = hubProblem(error);
      void message.error(problem ? `${problemText(problem.code)}：${problem.message}` : String(error));
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('channels')}
        </Typography.Title>
      }
      extra={current?.updatedAt ? t('updatedAt', { at: dateTime(current.updatedAt) }) : undefined}
      style={{ marginBottom: 16 }}
    >
      <Problem error={channels.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ maxWidth: 640 }}>
        <Form.Item name="smtpHost" label={t('smtpHost')}>
          <Input placeholder="smtp.example.org" />
        </Form.Item>
        <Form.Item name="smtpPort" label={t('smtpPort')}>
          <InputNumber min={1} max={65535} placeholder="587" />
        </Form.Item>
        <Form.Item name="smtpSecure" valuePropName="checked">
          <Checkbox>{t('smtpSecure')}</Checkbox>
        </Form.Item>
        <Form.Item name="smtpUser" label={t('smtpUser')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="smtpPassword" label={t('smtpPassword')}>
          <Input.Password autoComplete="new-password" placeholder={current?.smtpPasswordSet ? t('passwordKept') : ''} />
        </Form.Item>
        <Form.Item name="senderAddress" label={t('senderAddress')}>
          <Input placeholder="notice@example.org" />
        </Form.Item>
        <Form.Item name="senderName" label={t('senderName')}>
          <Input />
        </Form.Item>
        <Form.Item name="dingTalkWebhook" label={t('dingTalkWebhook')} extra={current?.dingTalkWebhook ?? undefined}>
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
        </Form.Item>
        <Form.Item name="dingTalkSecret" label={t('dingTalkSecret')}>
          <Input.Password
            autoComplete="new-password"
            placeholder={current?.dingTalkSigned ? t('secretKept') : 'SEC…'}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving.loading}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
