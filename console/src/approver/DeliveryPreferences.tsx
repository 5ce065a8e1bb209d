import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { defineMessages, useT } from '../shell/i18n';
import { hubProblem } from '../shell/errors';
import { NOTIFICATION_PREFERENCES, SET_NOTIFICATION_PREFERENCES } from './operations';

const messages = defineMessages(
  {
    title: '控制台以外的提醒',
    hint: '填写邮箱后，提醒会同时发到你的邮箱；开启钉钉后会发到你所在工商联的钉钉群（需管理员已设置发送渠道）。',
    email: '邮箱',
    dingTalk: '发到钉钉群',
    save: '保存',
    saved: '已保存',
    failed: '未能保存（{code}）：{message}',
  },
  {
    title: 'Reminders outside the console',
    hint: "With an email address, reminders also go to your mailbox; with DingTalk on, to your Federation's DingTalk group (once an admin has set the channels up).",
    email: 'Email',
    dingTalk: 'Send to DingTalk',
    save: 'Save',
    saved: 'Saved',
    failed: 'Could not save ({code}): {message}',
  },
);

interface Values {
  email?: string;
  dingTalk: boolean;
}

/** A person's own choice: their email address, DingTalk on or off. */
export function DeliveryPreferences() {
  const t = useT(messages);
  const [form] = Form.useForm<Values>();
  const { data } = useQuery(NOTIFICATION_PREFERENCES);
  const [save, saving] = useMutation(SET_NOTIFICATION_PREFERENCES, { refetchQueries: [NOTIFICATION_PREFERENCES] });
  const [outcome, setOutcome] = useState<string>();
  const current = data?.myNotificationPreferences;

  useEffect(() => {
    if (current) form.setFieldsValue({ email: current.email ?? '', dingTalk: current.dingTalk });
  }, [current, form]);

  async function submit(values: Values) {
    try {
      await save({ variables: { email: values.email?.trim() || null, dingTalk: values.dingTalk } });
      setOutcome(t('saved'));
    } catch (error) {
      const problem = hubProblem(error);
      setOutcome(t('failed', { code: problem?.code ?? '', message: problem?.message ?? String(error) }));
    }
  }

  return (
    <section aria-label={t('title')} style={{ marginTop: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" onFinish={(values) => void submit(values)}>
        <Form.Item name="email" label={t('email')}>
          {/* no type="email": the hub says what is wrong, in words, rather than the browser in its own language */}
          <Input inputMode="email" autoComplete="email" placeholder="name@example.org" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="dingTalk" label={t('dingTalk')} valuePropName="checked" initialValue={false}>
          <Switch />
        </Form.Item>
        <Space>
          <Button htmlType="submit" size="small" loading={saving.loading}>
            {t('save')}
          </Button>
          {outcome && <span role="status">{outcome}</span>}
        </Space>
      </Form>
    </section>
  );
}
