import { useMutation } from '@apollo/client/react';
import { App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { beijingToday } from '../shell/china-days';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { CREATE_COURSE, TRAINING_COURSES } from './operations';
import { FormCard, refusalWords } from '../shell/FormCard';

const messages = defineMessages(
  {
    title: '新建培训课程',
    name: '课程名称',
    days: '天数',
    capacity: '名额',
    startsOn: '开班日期',
    completionDays: '结业所需出勤天数（可选，默认全部天数）',
    submit: '发布课程',
    required: '请填写{label}',
    range: '{label}须为 {min} 至 {max} 的整数',
    tooLong: '{label}不能超过 {max} 个字',
    past: '开班日期不能早于今天（{today}）',
    moreThanDays: '结业所需天数不能超过课程天数',
    refused: '课程未发布（{code}）：{message}',
    fixFields: '课程未发布（{code}）：请按字段旁的提示修改。',
    created: '已发布课程：{title}',
  },
  {
    title: 'Announce a course',
    name: 'Title',
    days: 'Days',
    capacity: 'Seats',
    startsOn: 'First day',
    completionDays: 'Days to attend for the certificate (optional; default every day)',
    submit: 'Announce',
    required: 'Enter {label}',
    range: '{label} must be a whole number from {min} to {max}',
    tooLong: '{label} must be at most {max} characters',
    past: 'The first day cannot be before today ({today})',
    moreThanDays: 'Cannot be more than the course’s days',
    refused: 'The course was not announced ({code}): {message}',
    fixFields: 'The course was not announced ({code}): see the notes beside the fields.',
    created: 'Announced: {title}',
  },
);

interface Values {
  title: string;
  days: number;
  capacity: number;
  startsOn: Dayjs;
  completionDays?: number | null;
}

/** A Federation officer (or admin) announces a course; the hub's refusal stands beside its field. */
export function CourseForm() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [create, { loading }] = useMutation(CREATE_COURSE, { refetchQueries: [TRAINING_COURSES] });

  const whole = (label: string, min: number, max: number) => ({
    validator: async (_rule: unknown, value: unknown) => {
      if (value === undefined || value === null) return;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
        throw new Error(t('range', { label, min, max }));
    },
  });

  async function submit(values: Values) {
    setProblem(undefined);
    try {
      const { data } = await create({
        variables: {
          input: {
            title: values.title,
            days: values.days,
            capacity: values.capacity,
            startsOn: values.startsOn.format('YYYY-MM-DD'),
            completionDays: values.completionDays ?? null,
          },
        },
      });
      void message.success(t('created', { title: values.title.trim() }), 6);
      if (data) void navigate(`/training/${data.createTrainingCourse.id}`);
    } catch (error) {
      const found = hubProblem(error)!;
      const known = ['title', 'days', 'capacity', 'startsOn', 'completionDays'];
      const placed = Object.entries(found.fields)
        .filter(([name]) => known.includes(name))
        .map(([name, text]) => ({ name: name as keyof Values, errors: [text] }));
      form.setFields(placed);
      setProblem({ ...found, placed: placed.length > 0 });
    }
  }

  return (
    <FormCard title={t('title')} refusal={problem && refusalWords(problem, problemText, t)}>
      <Form form={form} name="course" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="title"
          label={t('name')}
          rules={[
            { required: true, whitespace: true, message: t('required', { label: t('name') }) },
            { max: 200, message: t('tooLong', { label: t('name'), max: 200 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('startsOn')}
          rules={[
            { required: true, message: t('required', { label: t('startsOn') }) },
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                const today = beijingToday();
                if (value && value.format('YYYY-MM-DD') < today) throw new Error(t('past', { today }));
              },
            },
          ]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('days')}
          rules={[{ required: true, message: t('required', { label: t('days') }) }, whole(t('days'), 1, 365)]}
        >
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('capacity')}
          rules={[
            { required: true, message: t('required', { label: t('capacity') }) },
            whole(t('capacity'), 1, 10_000),
          ]}
        >
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="completionDays"
          label={t('completionDays')}
          dependencies={['days']}
          rules={[
            whole(t('days'), 1, 365),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: number | null | undefined) => {
                const days = getFieldValue('days') as number | undefined;
                if (value != null && typeof days === 'number' && value > days) throw new Error(t('moreThanDays'));
              },
            }),
          ]}
        >
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
