import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { App, Button, Form, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import type { EvaluationTrack } from '../gql/graphql';
import { beijingToday } from '../shell/china-days';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { CAMPAIGNS, START_CAMPAIGN } from './operations';
import { DEFAULTS, GRADES, TRACKS, gradeWord } from './words';
import { FormCard, refusalWords } from '../shell/FormCard';

const messages = defineMessages(
  {
    title: '启动评价活动',
    year: '年度',
    track: '类别',
    noticeDays: '公示天数',
    reviewers: '每份申请的评审专家人数',
    spread: '评分差额上限（超过则增派一名专家）',
    cutoffs: '各等级分数线（满分 1000）',
    cutoff: '{grade} 分数线',
    submit: '启动活动',
    required: '请填写{label}',
    range: '{label}须为 {min} 至 {max} 的整数',
    falling: '{grade} 的分数线应低于 {higher} 的（{points} 分）',
    confirmTitle: '启动 {year} 年{track}？',
    confirmBody: '启动后将对全部社会组织做资格审查并向符合条件的发出邀请，不能撤销；同一年度和类别只能启动一次。',
    confirm: '启动',
    back: '返回',
    refused: '活动未启动（{code}）：{message}',
    fixFields: '活动未启动（{code}）：请按字段旁的提示修改。',
    started: '已启动：{year} 年{track}',
  },
  {
    title: 'Start a campaign',
    year: 'Year',
    track: 'Track',
    noticeDays: 'Days of public notice',
    reviewers: 'Reviewers per application',
    spread: 'Largest spread of totals (beyond it a further reviewer is drawn)',
    cutoffs: 'Cut-off per grade (of 1000)',
    cutoff: '{grade} cut-off',
    submit: 'Start the campaign',
    required: 'Enter {label}',
    range: '{label} must be a whole number from {min} to {max}',
    falling: 'The {grade} cut-off must be below {higher}’s ({points})',
    confirmTitle: 'Start the {year} {track}?',
    confirmBody:
      'It checks every social organisation’s eligibility and invites those eligible; it cannot be undone, and a year and track start once.',
    confirm: 'Start',
    back: 'Back',
    refused: 'Not started ({code}): {message}',
    fixFields: 'Not started ({code}): see the notes beside the fields.',
    started: 'Started: {year} {track}',
  },
);

interface Values {
  year: number;
  track: EvaluationTrack;
  params: typeof DEFAULTS;
}

/** The field a hub problem names (`params.cutoffs.A4`) as the form's path to it. */
const pathOf = (field: string) => field.split('.');

/**
 * A Federation officer (or admin) starts a year's campaign with its parameters: the browser
 * checks ranges and falling cut-offs; every problem the hub finds stands beside its field.
 */
export function StartCampaignForm() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [start, { loading }] = useMutation(START_CAMPAIGN, { refetchQueries: [CAMPAIGNS] });

  const whole = (label: string, min: number, max: number) => [
    { required: true, message: t('required', { label }) },
    {
      validator: async (_rule: unknown, value: unknown) => {
        if (value === undefined || value === null) return;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
          throw new Error(t('range', { label, min, max }));
      },
    },
  ];

  async function send(values: Values) {
    setProblem(undefined);
    const track = TRACKS[values.track][locale];
    try {
      await start({ variables: { year: values.year, track: values.track, params: values.params } });
      void message.success(t('started', { year: values.year, track }), 6);
    } catch (error) {
      const found = hubProblem(error)!;
      const named = { ...found.fields };
      // The hub lists every problem of the parameters, not only the first.
      if (CombinedGraphQLErrors.is(error))
        for (const e of error.errors) {
          const problems = (e.extensions as { problems?: unknown } | undefined)?.problems;
          if (Array.isArray(problems))
            for (const p of problems as { field?: unknown; message?: unknown }[])
              if (typeof p.field === 'string' && typeof p.message === 'string') named[p.field] = p.message;
        }
      const placed = Object.entries(named).map(([field, text]) => ({ name: pathOf(field), errors: [text] }));
      form.setFields(placed as never);
      setProblem({ ...found, placed: placed.length > 0 });
    }
  }

  function confirmThenSend(values: Values) {
    modal.confirm({
      title: t('confirmTitle', { year: values.year, track: TRACKS[values.track][locale] }),
      content: t('confirmBody'),
      okText: t('confirm'),
      cancelText: t('back'),
      onOk: () => send(values),
    });
  }

  return (
    <FormCard title={t('title')} refusal={problem && refusalWords(problem, problemText, t)}>
      <Form
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={{ year: Number(beijingToday().slice(0, 4)), track: 'RATING', params: DEFAULTS }}
        onFinish={confirmThenSend}
      >
        <Space wrap size="large" align="start">
          <Form.Item name="year" label={t('year')} rules={whole(t('year'), 2000, 2100)}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="track" label={t('track')}>
            <Radio.Group options={Object.entries(TRACKS).map(([value, word]) => ({ value, label: word[locale] }))} />
          </Form.Item>
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item name={['params', 'noticeDays']} label={t('noticeDays')} rules={whole(t('noticeDays'), 1, 60)}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name={['params', 'reviewersPerApplication']}
            label={t('reviewers')}
            rules={whole(t('reviewers'), 1, 15)}
          >
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['params', 'spreadLimit']} label={t('spread')} rules={whole(t('spread'), 0, 1000)}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('cutoffs')}</legend>
          <Space wrap size="large" align="start">
            {GRADES.map((grade, index) => {
              const label = t('cutoff', { grade: gradeWord(grade) });
              return (
                <Form.Item
                  key={grade}
                  name={['params', 'cutoffs', grade]}
                  label={label}
                  dependencies={index > 0 ? [['params', 'cutoffs', GRADES[index - 1]]] : []}
                  rules={[
                    ...whole(label, 0, 1000),
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: unknown) => {
                        if (index === 0 || typeof value !== 'number') return;
                        const higher = getFieldValue(['params', 'cutoffs', GRADES[index - 1]]) as unknown;
                        if (typeof higher === 'number' && value >= higher)
                          throw new Error(
                            t('falling', {
                              grade: gradeWord(grade),
                              higher: gradeWord(GRADES[index - 1]),
                              points: higher,
                            }),
                          );
                      },
                    }),
                  ]}
                >
                  <InputNumber style={{ width: 120 }} />
                </Form.Item>
              );
            })}
          </Space>
        </fieldset>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
