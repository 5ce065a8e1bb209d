import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { hubProblem, type HubProblem } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import type { Detail } from './detail';
import { placeProblem } from './form-errors';
import { PUBLISH_CHOICES, SIGN_CONTRACT } from './operations';
import { PersonPicker } from './PersonPicker';
import { ProblemAlert } from './ProblemAlert';
import { FormCard } from '../shell/FormCard';

const messages = defineMessages(
  {
    heading: '登记签订的合同',
    provider: '中标单位：{organization}',
    startsOn: '开始日期',
    endsOn: '结束日期',
    recurring: '经常性服务（期限可至三年）',
    milestones: '履约节点',
    deliverable: '交付内容',
    dueOn: '期限',
    share: '付款比例（%）',
    addMilestone: '添加节点',
    remove: '删除第 {n} 个节点',
    serviceUser: '服务对象代表（履约评价）',
    expert: '评价专家（履约评价）',
    required: '请填写{label}',
    sharesSum: '各节点付款比例之和须为 100（现为 {sum}）',
    submit: '登记合同',
    confirm: '登记这份合同？',
    confirmText: '合同登记后写入承接单位的信用记录，不能撤回。',
    ok: '登记',
    cancel: '取消',
    signed: '合同已登记',
  },
  {
    heading: 'Record the signed contract',
    provider: 'Awarded to: {organization}',
    startsOn: 'Starts on',
    endsOn: 'Ends on',
    recurring: 'Recurring service (up to three years)',
    milestones: 'Milestones',
    deliverable: 'Deliverable',
    dueOn: 'Due on',
    share: 'Payment share (%)',
    addMilestone: 'Add a milestone',
    remove: 'Remove milestone {n}',
    serviceUser: 'Service user (reviews the performance)',
    expert: 'Expert (reviews the performance)',
    required: 'Enter {label}',
    sharesSum: 'The shares must sum to 100 (now {sum})',
    submit: 'Record the contract',
    confirm: 'Record this contract?',
    confirmText: "It goes into the provider's credit record and cannot be taken back.",
    ok: 'Record',
    cancel: 'Cancel',
    signed: 'Contract recorded',
  },
);

interface Values {
  startsOn: Dayjs;
  endsOn: Dayjs;
  recurring: boolean;
  milestones: { deliverable: string; dueOn: Dayjs; sharePercent: number }[];
  serviceUserId: string;
  expertId: string;
}

const FIELDS = ['startsOn', 'endsOn', 'recurring', 'milestones', 'serviceUserId', 'expertId'] as const;
const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The agency's officer records the contract signed with the awarded bidder, milestone by milestone. */
export function SignContractForm({ procurement, onChanged }: { procurement: Detail; onChanged(): void }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const { session } = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [sign, { loading }] = useMutation(SIGN_CONTRACT);
  const officer = hasRole(session, 'AGENCY_OFFICER') && session!.organizationIds.includes(procurement.agency.id);
  const { data } = useQuery(PUBLISH_CHOICES, { skip: !officer, fetchPolicy: 'cache-first' });
  if (!officer || procurement.stage !== 'CONTRACTING') return null;
  const required = (label: string) => ({ required: true, message: t('required', { label }) });

  function submit(values: Values) {
    modal.confirm({
      title: t('confirm'),
      content: t('confirmText'),
      okText: t('ok'),
      cancelText: t('cancel'),
      onOk: async () => {
        setProblem(undefined);
        try {
          await sign({
            variables: {
              id: procurement.id,
              contract: {
                startsOn: day(values.startsOn),
                endsOn: day(values.endsOn),
                recurring: values.recurring,
                milestones: values.milestones.map((m) => ({
                  deliverable: m.deliverable.trim(),
                  dueOn: day(m.dueOn),
                  sharePercent: m.sharePercent,
                })),
                serviceUserId: values.serviceUserId,
                expertId: values.expertId,
              },
            },
          });
          void message.success(t('signed'));
          onChanged();
        } catch (error) {
          const found = hubProblem(error)!;
          setProblem({ ...found, placed: placeProblem(form, found, FIELDS) });
        }
      },
    });
  }

  return (
    <FormCard title={t('heading')}>
      {procurement.award && <p>{t('provider', { organization: procurement.award.organization.name })}</p>}
      <ProblemAlert problem={problem} testId="contract-problem" />
      <Form<Values>
        form={form}
        name="contract"
        layout="vertical"
        onFinish={submit}
        initialValues={{ recurring: false, milestones: [{ sharePercent: 100 }] }}
        scrollToFirstError={{ focus: true, block: 'center' }}
      >
        <Space wrap>
          <Form.Item name="startsOn" label={t('startsOn')} rules={[required(t('startsOn'))]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('endsOn')} rules={[required(t('endsOn'))]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="recurring" label={t('recurring')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('milestones')}
        </Typography.Title>
        <Form.List
          name="milestones"
          rules={[
            {
              validator: async (_rule, milestones: { sharePercent?: number }[] | undefined) => {
                const sum = (milestones ?? []).reduce((total, m) => total + (m?.sharePercent ?? 0), 0);
                if (sum !== 100) throw new Error(t('sharesSum', { sum }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, 'deliverable']}
                    label={`${index + 1}. ${t('deliverable')}`}
                    rules={[{ ...required(t('deliverable')), whitespace: true }]}
                  >
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} label={t('dueOn')} rules={[required(t('dueOn'))]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'sharePercent']} label={t('share')} rules={[required(t('share'))]}>
                    <InputNumber min={1} max={100} precision={0} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      aria-label={t('remove', { n: index + 1 })}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                {t('addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="serviceUserId" label={t('serviceUser')} rules={[required(t('serviceUser'))]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="expertId" label={t('expert')} rules={[required(t('expert'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(data?.evaluationExperts ?? []).map((p) => ({
              value: p.id,
              label: locale === 'en' && p.englishName ? p.englishName : p.name,
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
