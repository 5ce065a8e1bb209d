import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { ProcessRunFilter } from '../../gql/graphql';
import { defineMessages, useBilingual, useT } from '../../shell/i18n';
import { OrganizationPicker } from '../common/OrganizationPicker';
import { RUN_STATUS_WORDS, useCatalogWords } from '../common/words';
import { cleanFilter } from './filter';

const messages = defineMessages(
  {
    processType: '流程类型',
    status: '运行状态',
    stage: '阶段',
    organization: '组织',
    year: '年度',
    started: '启动时间',
    waiting: '等待办理超过',
    inTrouble: '只看有问题的运行（失败、待办逾期、活动重试中）',
    parentId: '由此运行启动（父流程 ID）',
    search: '查询',
    reset: '清空条件',
    any: '全部',
    days: '{n} 天',
    form: '运行筛选条件',
  },
  {
    processType: 'Process type',
    status: 'Run status',
    stage: 'Stage',
    organization: 'Organization',
    year: 'Year',
    started: 'Started between',
    waiting: 'Waiting for a person longer than',
    inTrouble: 'Only runs in trouble (failed, overdue tasks, retrying activities)',
    parentId: 'Started by this run (parent workflow id)',
    search: 'Search',
    reset: 'Clear',
    any: 'All',
    days: '{n} days',
    form: 'Run filter',
  },
);

interface FormValues {
  processType?: string;
  status?: string;
  stage?: string;
  organizationId?: string;
  year?: number;
  started?: [Dayjs | null, Dayjs | null];
  waitingLongerThan?: number;
  inTrouble?: boolean;
  parentId?: string;
}

const DAY = 86_400;

function toForm(filter: ProcessRunFilter): FormValues {
  const { startedAfter, startedBefore, closedAfter: _a, closedBefore: _b, ...rest } = filter;
  return {
    ...(rest as FormValues),
    started:
      startedAfter || startedBefore
        ? [startedAfter ? dayjs(startedAfter) : null, startedBefore ? dayjs(startedBefore) : null]
        : undefined,
  };
}

function fromForm(values: FormValues, previous: ProcessRunFilter): ProcessRunFilter {
  const { started, ...rest } = values;
  return cleanFilter({
    ...rest,
    // Close times have no field here; a filter that came with them (a link, a view) keeps them.
    closedAfter: previous.closedAfter,
    closedBefore: previous.closedBefore,
    startedAfter: started?.[0]?.startOf('day').toISOString(),
    startedBefore: started?.[1]?.add(1, 'day').startOf('day').toISOString(),
    inTrouble: values.inTrouble || undefined,
  });
}

/** The filter of ProcessRunFilter, each field labelled; submitting it searches. */
export function RunFilterForm({
  filter,
  onSearch,
}: {
  filter: ProcessRunFilter;
  onSearch(filter: ProcessRunFilter): void;
}) {
  const t = useT(messages);
  const text = useBilingual();
  const words = useCatalogWords();
  const [form] = Form.useForm<FormValues>();
  const processType = Form.useWatch('processType', form);
  useEffect(() => form.setFieldsValue({ ...EMPTY, ...toForm(filter) }), [filter, form]);

  const stages = processType ? (words.stagesOf[processType] ?? []) : [...new Set(Object.values(words.stagesOf).flat())];
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={t('form')}
      onFinish={(values) => onSearch(fromForm(values, filter))}
      initialValues={toForm(filter)}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="processType" label={t('processType')}>
            <Select
              allowClear
              placeholder={t('any')}
              options={Object.entries(words.processTypes).map(([value, words]) => ({ value, label: text(words) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={t('status')}>
            <Select
              allowClear
              placeholder={t('any')}
              options={Object.entries(RUN_STATUS_WORDS).map(([value, words]) => ({ value, label: text(words) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="stage" label={t('stage')}>
            <Select
              allowClear
              showSearch
              placeholder={t('any')}
              options={stages.map((value) => ({ value, label: text(words.stages[value]) || value }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="organizationId" label={t('organization')}>
            <OrganizationPicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="year" label={t('year')}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="started" label={t('started')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="waitingLongerThan" label={t('waiting')}>
            <Select
              allowClear
              placeholder={t('any')}
              options={[1, 3, 7, 14, 30].map((n) => ({ value: n * DAY, label: t('days', { n }) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="parentId" label={t('parentId')}>
            <Input allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="inTrouble" valuePropName="checked">
        <Checkbox>{t('inTrouble')}</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('search')}
        </Button>
        <Button onClick={() => onSearch({})}>{t('reset')}</Button>
      </Space>
    </Form>
  );
}

const EMPTY: FormValues = {
  processType: undefined,
  status: undefined,
  stage: undefined,
  organizationId: undefined,
  year: undefined,
  started: undefined,
  waitingLongerThan: undefined,
  inTrouble: undefined,
  parentId: undefined,
};
