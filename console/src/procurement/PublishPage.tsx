import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ProcurementMethod } from '../gql/graphql';
import { hubProblem, type HubProblem } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { useSession } from '../shell/session';
import { useWords } from '../shell/words';
import { fromShanghaiWallClock, shanghaiDay } from './dates';
import { placeProblem } from './form-errors';
import { OrganizationName } from './Names';
import { PUBLISH, PUBLISH_CHOICES } from './operations';
import { ProblemAlert } from './ProblemAlert';
import { BIDDER_KINDS, GRADES, METHODS } from './words';

const messages = defineMessages(
  {
    heading: '发布采购需求',
    agency: '采购单位',
    title: '项目名称',
    description: '需求说明',
    category: '服务类别（指导性目录）',
    budget: '预算（元）',
    method: '采购方式',
    priceWeight: '价格权重（%）',
    technicalWeight: '技术权重（%）',
    minimumGrade: '最低评估等级',
    noGrade: '不限',
    minimumYears: '最少登记年限（年）',
    kinds: '可投标的组织类型',
    closesAt: '投标截止时间（北京时间）',
    committee: '评审委员会（评估专家）',
    noticeDays: '中标公示天数',
    submit: '发布',
    required: '请填写{label}',
    weightsSum: '价格权重与技术权重之和须为 100',
    oddCommittee: '评审委员会须为不少于 3 人的单数',
    future: '投标截止时间须晚于现在',
    published: '已发布：投标截止于 {day}',
  },
  {
    heading: 'Publish a need',
    agency: 'Agency',
    title: 'Title',
    description: 'What is needed',
    category: 'Service (guidance catalogue)',
    budget: 'Budget (yuan)',
    method: 'Method',
    priceWeight: 'Price weight (%)',
    technicalWeight: 'Technical weight (%)',
    minimumGrade: 'Lowest evaluation grade',
    noGrade: 'Any',
    minimumYears: 'Registered at least (years)',
    kinds: 'Who may bid',
    closesAt: 'Bidding closes (Beijing time)',
    committee: 'Evaluation committee (experts)',
    noticeDays: 'Days the award is shown',
    submit: 'Publish',
    required: 'Enter {label}',
    weightsSum: 'The price and technical weights must sum to 100',
    oddCommittee: 'The committee must be an odd number of at least 3',
    future: 'Bidding must close after now',
    published: 'Published: bidding closes on {day}',
  },
);

interface Values {
  agencyId: string;
  title: string;
  description: string;
  categoryCode: string;
  budget: number;
  method: ProcurementMethod;
  priceWeight: number;
  technicalWeight: number;
  minimumGrade?: string;
  minimumYearsRegistered: number;
  organizationKinds: string[];
  closesAt: Dayjs;
  committee: string[];
  noticeDays: number;
}

const FIELDS = [
  'agencyId',
  'title',
  'description',
  'categoryCode',
  'budget',
  'method',
  'priceWeight',
  'technicalWeight',
  'minimumGrade',
  'minimumYearsRegistered',
  'organizationKinds',
  'closesAt',
  'committee',
  'noticeDays',
] as const;

const FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An agency officer publishes a service need: bidding opens at once and closes when the need says. */
export function PublishPage() {
  const t = useT(messages);
  const word = useWords();
  const { locale } = useLocale();
  const { session } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const { data } = useQuery(PUBLISH_CHOICES, { fetchPolicy: 'cache-first' });
  const [publish, { loading }] = useMutation(PUBLISH, {
    update: (cache) => {
      cache.evict({ fieldName: 'procurements' });
      cache.gc();
    },
  });
  const agencies = session?.organizationIds ?? [];
  const required = (label: string) => ({ required: true, message: t('required', { label }) });

  async function submit(values: Values) {
    setProblem(undefined);
    const closesAt = fromShanghaiWallClock(values.closesAt.format(FORMAT));
    try {
      const answer = await publish({
        variables: {
          need: {
            agencyId: values.agencyId,
            title: values.title.trim(),
            description: values.description.trim(),
            categoryCode: values.categoryCode,
            budgetFen: Math.round(values.budget * 100),
            method: values.method,
            priceWeight: values.priceWeight,
            technicalWeight: values.technicalWeight,
            minimumGrade: values.minimumGrade ?? null,
            minimumYearsRegistered: values.minimumYearsRegistered,
            organizationKinds: values.organizationKinds,
            closesAt,
            committee: values.committee,
            noticeDays: values.noticeDays,
          },
        },
      });
      void message.success(t('published', { day: shanghaiDay(closesAt) }), 6);
      void navigate(`/procurements/${answer.data!.publishProcurement.id}`);
    } catch (error) {
      const found = hubProblem(error)!;
      setProblem({ ...found, placed: placeProblem(form, found, FIELDS) });
    }
  }

  return (
    <div className="approver-page">
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 16 }}>
        {t('heading')}
      </Typography.Title>
      <Card size="small" style={{ maxWidth: 880 }}>
        <ProblemAlert problem={problem} testId="publish-problem" />
        <Form<Values>
          form={form}
          name="publish"
          layout="vertical"
          onFinish={submit}
          scrollToFirstError={{ focus: true, block: 'center' }}
          initialValues={{
            agencyId: agencies[0],
            method: 'COMPETITIVE_CONSULTATION',
            priceWeight: 20,
            technicalWeight: 80,
            minimumYearsRegistered: 0,
            organizationKinds: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'],
            noticeDays: 7,
            closesAt: dayjs(`${shanghaiDay(new Date(Date.now() + 14 * 86_400_000).toISOString())} 17:00:00`),
            committee: [],
          }}
        >
          <Form.Item name="agencyId" label={t('agency')} rules={[required(t('agency'))]}>
            <Select options={agencies.map((id) => ({ value: id, label: <OrganizationName id={id} /> }))} />
          </Form.Item>
          <Form.Item name="title" label={t('title')} rules={[required(t('title')), { whitespace: true, max: 200 }]}>
            <Input showCount maxLength={200} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('description')}
            rules={[required(t('description')), { whitespace: true, max: 4000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={4000} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('category')} rules={[required(t('category'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.serviceCategories ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="budget" label={t('budget')} rules={[required(t('budget'))]}>
            <InputNumber min={0.01} precision={2} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="method" label={t('method')} rules={[required(t('method'))]}>
            <Radio.Group options={Object.keys(METHODS).map((code) => ({ value: code, label: word(METHODS, code) }))} />
          </Form.Item>
          <Form.Item name="priceWeight" label={t('priceWeight')} rules={[required(t('priceWeight'))]} extra="10–30">
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item
            name="technicalWeight"
            label={t('technicalWeight')}
            dependencies={['priceWeight']}
            rules={[
              required(t('technicalWeight')),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: number | undefined) => {
                  if (value != null && value + Number(getFieldValue('priceWeight') ?? 0) !== 100)
                    throw new Error(t('weightsSum'));
                },
              }),
            ]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="minimumGrade" label={t('minimumGrade')}>
            <Select
              allowClear
              placeholder={t('noGrade')}
              style={{ width: 160 }}
              options={Object.keys(GRADES).map((code) => ({ value: code, label: word(GRADES, code) }))}
            />
          </Form.Item>
          <Form.Item name="minimumYearsRegistered" label={t('minimumYears')}>
            <InputNumber min={0} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="organizationKinds" label={t('kinds')} rules={[required(t('kinds'))]}>
            <Select
              mode="multiple"
              options={Object.keys(BIDDER_KINDS).map((code) => ({ value: code, label: word(BIDDER_KINDS, code) }))}
            />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label={t('closesAt')}
            rules={[
              required(t('closesAt')),
              {
                validator: async (_rule, value: Dayjs | undefined) => {
                  if (value && new Date(fromShanghaiWallClock(value.format(FORMAT))).getTime() <= Date.now())
                    throw new Error(t('future'));
                },
              },
            ]}
          >
            <DatePicker showTime needConfirm={false} format={FORMAT} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="committee"
            label={t('committee')}
            rules={[
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if (!value || value.length < 3 || value.length % 2 === 0) throw new Error(t('oddCommittee'));
                },
              },
            ]}
            required
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.evaluationExperts ?? []).map((p) => ({
                value: p.id,
                label: locale === 'en' && p.englishName ? p.englishName : p.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="noticeDays" label={t('noticeDays')} rules={[required(t('noticeDays'))]} extra="1–30">
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
