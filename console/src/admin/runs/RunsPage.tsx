import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { RunLink } from '../common/RunLink';
import { graphql } from '../../gql';
import type { AdminProcessRunsQuery, ProcessRunFilter } from '../../gql/graphql';
import { defineMessages, useBilingual, useLocale, useT } from '../../shell/i18n';
import { EmptyText } from '../common/EmptyText';
import { when } from '../common/format';
import { Problem } from '../common/Problem';
import { RUN_STATUS_COLORS, RUN_STATUS_WORDS, wordFor, useCatalogWords } from '../common/words';
import { BatchDialog } from './BatchDialog';
import { BatchProgress } from './BatchProgress';
import { filterFromSearch, sameFilter, searchFromFilter } from './filter';
import { RunFilterForm } from './RunFilterForm';
import { RunViews, SavedViews, type AppliedView } from './SavedViews';

const ProcessRuns = graphql(`
  query AdminProcessRuns($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String, $withCounts: Boolean!) {
    processRuns(filter: $filter, view: $view, first: $first, after: $after) {
      totalCount
      candidatesLimited
      countsByStatus @include(if: $withCounts) {
        status
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          runId
          processType
          stage
          status
          year
          startTime
          closeTime
          summary
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

type Run = AdminProcessRunsQuery['processRuns']['edges'][number]['node'];

const PAGE = 20;

const messages = defineMessages(
  {
    title: '流程运行',
    intro: '按启动时间从新到旧列出各流程的运行。',
    total: '共 {count} 个运行',
    counts: '显示各状态的数量',
    countsTitle: '各状态数量',
    limited:
      '符合“等待办理”或“有问题”的候选运行超过了数据中台检查的上限：只显示了等待最久、逾期最久和最新的。请加上流程类型或年度缩小范围。',
    id: '运行',
    processType: '流程',
    organization: '组织',
    stage: '阶段',
    status: '状态',
    started: '启动',
    closed: '结束',
    previous: '上一页',
    next: '下一页',
    page: '第 {n} 页',
    batch: '批量操作……',
    viewApplied: '正在使用视图「{name}」',
    table: '流程运行列表',
    pages: '翻页',
    none: '没有符合条件的运行',
  },
  {
    title: 'Runs',
    intro: 'The runs of the processes, newest first by start time.',
    total: '{count} runs',
    counts: 'Show counts per status',
    countsTitle: 'Counts per status',
    limited:
      'More runs wait or are in trouble than the hub checks: the longest waiting, most overdue and newest are shown. Add a process type or a year to narrow it.',
    id: 'Run',
    processType: 'Process',
    organization: 'Organization',
    stage: 'Stage',
    status: 'Status',
    started: 'Started',
    closed: 'Closed',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {n}',
    batch: 'Batch operation…',
    viewApplied: 'Using the view “{name}”',
    table: 'Runs',
    pages: 'Pages',
    none: 'No run matches',
  },
);

/** /console/runs: the runs list with its filter in the address, saved views, counts and batches. */
export function RunsPage() {
  const t = useT(messages);
  const text = useBilingual();
  const { locale } = useLocale();
  const words = useCatalogWords();
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') ?? undefined;
  const batchId = search.get('batch') ?? undefined;
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const [withCounts, setWithCounts] = useState(false);
  const [batching, setBatching] = useState(false);
  // Cursors of the pages up to this one (forward-only paging: "previous" goes back through
  // them), for the address they were read under: another filter starts at page one.
  const key = search.toString();
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  const setCursors = (next: (string | null)[]) => setPaging({ key, cursors: next });
  const after = cursors[cursors.length - 1];
  const views = useQuery(RunViews);
  const appliedView = views.data?.runViews.find((v) => v.id === view);
  const shownFilter = useMemo(
    () => (appliedView ? { ...(appliedView.filter as ProcessRunFilter), ...filter } : filter),
    [appliedView, filter],
  );

  const runs = useQuery(ProcessRuns, { variables: { filter, view: view ?? null, first: PAGE, after, withCounts } });
  const connection = runs.data?.processRuns;

  function go(next: ProcessRunFilter, nextView?: string) {
    const params = searchFromFilter(nextView ? {} : next, nextView);
    if (batchId) params.set('batch', batchId);
    setSearch(params);
  }

  function searchWith(next: ProcessRunFilter) {
    // The form shows the view's filter: unchanged, the view stays; changed, it is the admin's own.
    if (appliedView && sameFilter(next, appliedView.filter)) go({}, appliedView.id);
    else go(next);
  }

  const columns = [
    {
      title: t('id'),
      key: 'id',
      width: 280,
      render: (run: Run) => <RunLink run={run} />,
    },
    {
      title: t('processType'),
      key: 'processType',
      render: (run: Run) => wordFor(words.processTypes, run.processType, locale),
    },
    { title: t('organization'), key: 'organization', render: (run: Run) => run.organization?.name ?? '' },
    { title: t('stage'), key: 'stage', render: (run: Run) => wordFor(words.stages, run.stage, locale) },
    {
      title: t('status'),
      key: 'status',
      render: (run: Run) => <Tag color={RUN_STATUS_COLORS[run.status]}>{text(RUN_STATUS_WORDS[run.status])}</Tag>,
    },
    { title: t('started'), key: 'started', render: (run: Run) => when(run.startTime) },
    { title: t('closed'), key: 'closed', render: (run: Run) => when(run.closeTime) },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {batchId && (
        <BatchProgress
          id={batchId}
          onClose={() => setSearch(searchFromFilter(filter, view))}
          onFinished={() => void runs.refetch()}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <SavedViews
          current={view}
          filter={shownFilter}
          onApply={(applied?: AppliedView) => (applied ? go({}, applied.id) : go({}))}
        />
        {appliedView && (
          <Alert style={{ marginTop: 12 }} type="info" title={t('viewApplied', { name: appliedView.name })} />
        )}
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <RunFilterForm filter={shownFilter} onSearch={searchWith} />
      </Card>
      <Problem error={runs.error} />
      {connection?.candidatesLimited && (
        <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('limited')} />
      )}
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Text strong aria-live="polite" data-testid="runs-total">
            {connection ? t('total', { count: connection.totalCount }) : ''}
          </Typography.Text>
          <Switch id="runs-with-counts" checked={withCounts} onChange={setWithCounts} />
          <label htmlFor="runs-with-counts">{t('counts')}</label>
        </Space>
        <Button danger onClick={() => setBatching(true)}>
          {t('batch')}
        </Button>
      </Space>
      {withCounts && connection?.countsByStatus && (
        <section aria-label={t('countsTitle')} style={{ marginBottom: 12 }}>
          <Space wrap>
            {connection.countsByStatus.map(({ status, count }) => (
              <Tag key={status} color={RUN_STATUS_COLORS[status]}>
                {text(RUN_STATUS_WORDS[status])}: {count}
              </Tag>
            ))}
          </Space>
        </section>
      )}
      <Table<Run>
        aria-label={t('table')}
        rowKey={(run) => `${run.id}/${run.runId}`}
        columns={columns}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        loading={runs.loading}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        size="middle"
        scroll={{ x: 'max-content' }}
      />
      <nav aria-label={t('pages')}>
        <Space style={{ marginTop: 12 }}>
          <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('previous')}
          </Button>
          <span>{t('page', { n: cursors.length })}</span>
          <Button
            disabled={!connection?.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, connection!.pageInfo.endCursor ?? null])}
          >
            {t('next')}
          </Button>
        </Space>
      </nav>
      <BatchDialog
        open={batching}
        filter={shownFilter}
        onClose={() => setBatching(false)}
        onStarted={(id) => {
          const params = new URLSearchParams(search);
          params.set('batch', id);
          setSearch(params);
        }}
      />
    </>
  );
}
