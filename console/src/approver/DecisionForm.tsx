import { useMutation } from '@apollo/client/react';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Decision } from '../gql/graphql';
import { hubProblem, problemWord, type HubProblem } from '../shell/errors';
import { defineMessages, useLocale, useT, useBilingual } from '../shell/i18n';
import { appliesTo, decisionValues, formPathOf, type FormField, type FormShape } from './decision';
import { useWords, useCatalogWords } from './labels';
import { DECIDE } from './operations';
import { FormCard, refusalWords } from '../shell/FormCard';

const messages = defineMessages(
  {
    title: '作出决定',
    outcome: '决定',
    comment: '意见（可选）',
    submit: '提交决定',
    required: '请填写{label}',
    chooseOutcome: '请选择一个决定',
    whole: '{label}须为整数',
    range: '{label}须在 {min} 至 {max} 之间',
    atMost: '{label}不能超过 {max}',
    atLeast: '{label}不能低于 {min}',
    tooLong: '{label}不能超过 {max} 个字',
    maxScore: '满分 {max}',
    refused: '决定未被接受（{code}）：{message}',
    fixFields: '决定未被接受（{code}）：请按字段旁的提示修改。',
    decided: '已决定：{outcome}。流程现处于：{stage}',
    decidedOnly: '已决定：{outcome}。',
  },
  {
    title: 'Decide',
    outcome: 'Decision',
    comment: 'Comment (optional)',
    submit: 'Submit the decision',
    required: 'Enter {label}',
    chooseOutcome: 'Choose a decision',
    whole: '{label} must be a whole number',
    range: '{label} must be between {min} and {max}',
    atMost: '{label} must be at most {max}',
    atLeast: '{label} must be at least {min}',
    tooLong: '{label} must be at most {max} characters',
    maxScore: 'out of {max}',
    refused: 'The decision was not accepted ({code}): {message}',
    fixFields: 'The decision was not accepted ({code}): see the notes beside the fields.',
    decided: 'Decided: {outcome}. The process is now at: {stage}',
    decidedOnly: 'Decided: {outcome}.',
  },
);

const COMMENT_MAX = 2000;

/** The task kind's decision form, generated from its shape: outcomes, then the fields they take. */
export function DecisionForm({ taskId, form: shape }: { taskId: string; form: FormShape }) {
  const t = useT(messages);
  const text = useBilingual();
  const word = useWords();
  const words = useCatalogWords();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const outcome = Form.useWatch<string | undefined>('outcome', form);
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [decide, { loading }] = useMutation(DECIDE, {
    // The inbox reads afresh: the decided task has left it (and the next one may have come).
    update: (cache) => {
      cache.evict({ fieldName: 'myTasks' });
      cache.evict({ fieldName: 'myNotifications' });
      cache.gc();
    },
  });

  const labelOf = (field: FormField) => (locale === 'en' ? (words.fields[field.name]?.en ?? field.label) : field.label);

  function rulesOf(field: FormField): Rule[] {
    const label = labelOf(field);
    const rules: Rule[] = [{ required: field.required, message: t('required', { label }) }];
    if (field.type === 'INT') {
      rules.push({
        validator: async (_rule, value: unknown) => {
          if (value === undefined || value === null || value === '') return;
          if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(t('whole', { label }));
          const { min, max } = field;
          if (min !== null && max !== null && (value < min || value > max))
            throw new Error(t('range', { label, min, max }));
          if (max !== null && value > max) throw new Error(t('atMost', { label, max }));
          if (min !== null && value < min) throw new Error(t('atLeast', { label, min }));
        },
      });
    }
    if (field.type === 'TEXT')
      rules.push(
        { whitespace: field.required, message: t('required', { label }) },
        { max: field.maxLength ?? COMMENT_MAX, message: t('tooLong', { label, max: field.maxLength ?? COMMENT_MAX }) },
      );
    return rules;
  }

  function control(field: FormField) {
    switch (field.type) {
      case 'INT':
        return <InputNumber style={{ width: 160 }} keyboard />;
      case 'DATE':
        return <DatePicker />;
      case 'CHOICE':
        return (
          <Select
            style={{ minWidth: 160 }}
            options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
          />
        );
      default:
        return (
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            showCount={{ formatter: ({ count }) => `${count} / ${field.maxLength ?? COMMENT_MAX}` }}
          />
        );
    }
  }

  async function submit(raw: { outcome: string; comment?: string; values?: Record<string, unknown> }) {
    setProblem(undefined);
    try {
      const { data } = await decide({
        variables: {
          id: taskId,
          input: {
            outcome: raw.outcome as Decision,
            comment: raw.comment?.trim() || null,
            values: decisionValues(shape, raw.outcome, raw.values),
          },
        },
      });
      const stage = word(words.stages, data?.decideTask.process?.stage);
      void message.success(
        t(stage ? 'decided' : 'decidedOnly', { outcome: word(words.outcomes, raw.outcome), stage }),
        6,
      );
      void navigate('/tasks');
    } catch (error) {
      const found = hubProblem(error)!;
      const placed = Object.entries(found.fields)
        .map(([name, text]) => ({ name: formPathOf(shape, name), errors: [text] }))
        .filter((entry): entry is { name: (string | number)[]; errors: string[] } => !!entry.name);
      form.setFields(placed);
      setProblem({ ...found, placed: placed.length > 0 });
    }
  }

  return (
    <FormCard
      title={t('title')}
      refusal={problem && refusalWords(problem, (code) => text(problemWord(code)), t)}
      refusalTestId="decision-problem"
    >
      <Form
        form={form}
        name="decision"
        layout="vertical"
        onFinish={submit}
        initialValues={{ outcome: shape.outcomes.length === 1 ? shape.outcomes[0] : undefined }}
        scrollToFirstError={{ focus: true, block: 'center' }}
      >
        <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, message: t('chooseOutcome') }]}>
          <Radio.Group options={shape.outcomes.map((code) => ({ value: code, label: word(words.outcomes, code) }))} />
        </Form.Item>
        {shape.fields
          .filter((field) => appliesTo(field, outcome))
          .map((field) => (
            <Form.Item
              key={field.name}
              name={['values', field.name]}
              label={
                field.type === 'INT' && field.max !== null
                  ? `${labelOf(field)}（${t('maxScore', { max: field.max })}）`
                  : labelOf(field)
              }
              rules={rulesOf(field)}
              required={field.required}
            >
              {control(field)}
            </Form.Item>
          ))}
        <Form.Item
          name="comment"
          label={t('comment')}
          rules={[{ max: COMMENT_MAX, message: t('tooLong', { label: t('comment'), max: COMMENT_MAX }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
