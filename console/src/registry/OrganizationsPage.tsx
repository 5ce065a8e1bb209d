import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrganizationFilter, OrganizationKind, OrganizationOrderField, OrderDirection } from '../gql/graphql';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { downloadExport, type ExportFormat } from './download';
import { day, optionsOf, wordOf } from './format';
import { ORGANIZATIONS } from './operations';
import { gradeWord, ORGANIZATION_KINDS } from './words';

const messages = defineMessages(
  {
    title: '组织名录',
    name: '名称',
    kind: '类型',
    region: '行政区划代码',
    regionHint: '如 330400（含下辖区县）',
    anyKind: '全部类型',
    order: '排序',
    search: '查询',
    reset: '清空',
    exportCsv: '导出 CSV',
    exportXlsx: '导出 Excel',
    exported: '已导出：{name}',
    exportFailed: '导出失败：{message}',
    creditCode: '统一社会信用代码',
    registeredOn: '登记日期',
    rating: '现有等级',
    ended: '已注销 {day}',
    total: '共 {count} 个组织',
    previous: '上一页',
    next: '下一页',
    failed: '读取失败（{code}）：{message}',
    byName: '按名称（拼音）',
    byKind: '按类型',
    byRegion: '按区划',
    byRegistered: '按登记日期',
    byCreated: '按录入时间',
    asc: '升序',
    desc: '降序',
  },
  {
    title: 'Organisations',
    name: 'Name',
    kind: 'Kind',
    region: 'Region code',
    regionHint: 'e.g. 330400 (with its districts)',
    anyKind: 'Any kind',
    order: 'Order',
    search: 'Search',
    reset: 'Clear',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export Excel',
    exported: 'Exported: {name}',
    exportFailed: 'The export failed: {message}',
    creditCode: 'Credit code',
    registeredOn: 'Registered on',
    rating: 'Grade',
    ended: 'Ended {day}',
    total: '{count} organisations',
    previous: 'Previous',
    next: 'Next',
    failed: 'Could not read ({code}): {message}',
    byName: 'By name (pinyin)',
    byKind: 'By kind',
    byRegion: 'By region',
    byRegistered: 'By registration day',
    byCreated: 'By entry time',
    asc: 'Ascending',
    desc: 'Descending',
  },
);

const PAGE = 20;

interface Search {
  nameContains?: string;
  kind?: OrganizationKind;
  region?: string;
  field: OrganizationOrderField;
  direction: OrderDirection;
}

/** What the search asks, as the filter both the list and its exports take. */
function filterOf(search: Search): OrganizationFilter {
  return {
    ...(search.nameContains?.trim() ? { nameContains: search.nameContains.trim() } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.region?.trim() ? { region: search.region.trim() } : {}),
  };
}

/** The organisations list: search by name, kind and region, ordered, a page at a time, exported as it is filtered. */
export function OrganizationsPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Search>();
  const [search, setSearch] = useState<Search>({ field: 'NAME', direction: 'ASC' });
  const [page, setPage] = useState<{ after?: string; before?: string }>({});
  const [exporting, setExporting] = useState<ExportFormat>();
  const filter = filterOf(search);
  const { data, loading, error } = useQuery(ORGANIZATIONS, {
    variables: {
      filter,
      orderBy: [{ field: search.field, direction: search.direction }],
      ...(page.before ? { last: PAGE, before: page.before } : { first: PAGE, after: page.after }),
    },
  });
  const problem = hubProblem(error);
  const list = data?.organizations;

  async function exportAs(format: ExportFormat) {
    setExporting(format);
    try {
      const name = `${t('title')}-${Date.now()}`;
      await downloadExport('organizations', format, filter, name);
      void message.success(t('exported', { name: `${name}.${format}` }));
    } catch (failure) {
      void message.error(t('exportFailed', { message: (failure as Error).message }));
    } finally {
      setExporting(undefined);
    }
  }

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Form
        form={form}
        layout="inline"
        name="organization-search"
        initialValues={{ field: 'NAME', direction: 'ASC' }}
        onFinish={(values) => {
          setSearch(values);
          setPage({});
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="nameContains" label={t('name')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')}>
          <Select
            allowClear
            placeholder={t('anyKind')}
            style={{ width: 160 }}
            options={optionsOf(ORGANIZATION_KINDS, locale)}
          />
        </Form.Item>
        <Form.Item name="region" label={t('region')} tooltip={t('regionHint')}>
          <Input allowClear style={{ width: 110 }} maxLength={6} />
        </Form.Item>
        <Form.Item name="field" label={t('order')}>
          <Select
            style={{ width: 150 }}
            options={[
              { value: 'NAME', label: t('byName') },
              { value: 'KIND', label: t('byKind') },
              { value: 'REGION', label: t('byRegion') },
              { value: 'REGISTERED_ON', label: t('byRegistered') },
              { value: 'CREATED_AT', label: t('byCreated') },
            ]}
          />
        </Form.Item>
        <Form.Item name="direction" aria-label={t('order')}>
          <Select
            aria-label={t('order')}
            style={{ width: 90 }}
            options={[
              { value: 'ASC', label: t('asc') },
              { value: 'DESC', label: t('desc') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setSearch({ field: 'NAME', direction: 'ASC' });
              setPage({});
            }}
          >
            {t('reset')}
          </Button>
          <Button loading={exporting === 'csv'} onClick={() => void exportAs('csv')}>
            {t('exportCsv')}
          </Button>
          <Button loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            {t('exportXlsx')}
          </Button>
        </Space>
      </Form>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={list?.edges.map((edge) => edge.node) ?? []}
        columns={[
          {
            title: t('name'),
            key: 'name',
            render: (_, org) => (
              <Space>
                <Link to={`/registry/${org.id}`}>{org.name}</Link>
                {org.endedOn && <Tag>{t('ended', { day: org.endedOn })}</Tag>}
              </Space>
            ),
          },
          { title: t('kind'), key: 'kind', render: (_, org) => wordOf(ORGANIZATION_KINDS, org.kind, locale) },
          { title: t('region'), key: 'region', render: (_, org) => org.regionName ?? org.regionCode },
          { title: t('creditCode'), key: 'creditCode', render: (_, org) => org.creditCode ?? '—' },
          { title: t('registeredOn'), key: 'registeredOn', render: (_, org) => day(org.registeredOn) },
          {
            title: t('rating'),
            key: 'rating',
            render: (_, org) => (org.currentRating ? gradeWord(org.currentRating.grade) : '—'),
          },
        ]}
        footer={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{t('total', { count: list?.totalCount ?? 0 })}</span>
            {/* Relay answers hasPreviousPage only paging backward and hasNextPage only forward: the
                page we came from says the other. */}
            <Space>
              <Button
                disabled={!(list?.pageInfo.hasPreviousPage || page.after)}
                onClick={() => setPage({ before: list?.pageInfo.startCursor ?? undefined })}
              >
                {t('previous')}
              </Button>
              <Button
                disabled={!(list?.pageInfo.hasNextPage || page.before)}
                onClick={() => setPage({ after: list?.pageInfo.endCursor ?? undefined })}
              >
                {t('next')}
              </Button>
            </Space>
          </Space>
        )}
      />
    </div>
  );
}
