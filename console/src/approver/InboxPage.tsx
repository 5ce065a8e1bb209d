import { useQuery } from '@apollo/client/react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApproverInboxQuery, ProcessType, TaskAssignment, TaskOrder, TaskStatus } from '../gql/graphql';
import { hubProblem, problemWord } from '../shell/errors';
import { defineMessages, useT, useBilingual } from '../shell/i18n';
import { dateTime, isOverdue } from './format';
import { filterFromParams, InboxFilters, paramsFromFilter } from './InboxFilters';
import { useWords, useCatalogWords } from './labels';
import { Notifications } from './Notifications';
import { INBOX } from './operations';
import { StatusTag } from './StatusTag';

const messages = defineMessages(
  {
    title: '待办',
    caption: '我的待办任务',
    task: '任务',
    organization: '组织',
    processType: '流程',
    kind: '事项',
    status: '状态',
    due: '到期时间',
    priority: '优先级',
    assignee: '认领人',
    delegatedTo: '已委托给 {who}',
    nobody: '无人认领',
    overdue: '已逾期',
    escalated: '已升级',
    empty: '没有符合条件的待办',
    count: '共 {count} 项',
    page: '第 {page} 页',
    previous: '上一页',
    next: '下一页',
    refresh: '刷新',
    failed: '无法读取待办（{code}）：{message}',
  },
  {
    title: 'Inbox',
    caption: 'My tasks',
    task: 'Task',
    organization: 'Organisation',
    processType: 'Process',
    kind: 'Kind',
    status: 'Status',
    due: 'Due',
    priority: 'Priority',
    assignee: 'Assignee',
    delegatedTo: 'delegated to {who}',
    nobody: 'Nobody',
    overdue: 'Overdue',
    escalated: 'Escalated',
    empty: 'No tasks match',
    count: '{count} in all',
    page: 'Page {page}',
    previous: 'Previous page',
    next: 'Next page',
    refresh: 'Refresh',
    failed: 'Could not read the inbox ({code}): {message}',
  },
);

const PAGE_SIZE = 20;
type Row = ApproverInboxQuery['myTasks']['edges'][number]['node'];

/** /console/tasks: the tasks I may act on, filtered and sorted, a page at a time. */
export function InboxPage() {
  const t = useT(messages);
  const text = useBilingual();
  const word = useWords();
  const words = useCatalogWords();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = params.toString();
  // Cursors of the pages before the current one; a change of filter starts again at page 1.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key: filterKey, cursors: [null] });
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const after = cursors[cursors.length - 1];

  // Apollo compares variables by value, so a fresh object each render asks nothing again.
  const variables = {
    first: PAGE_SIZE,
    after,
    // WAITING is the hub's default (no status): open tasks I may claim beside the ones I claimed.
    status: filter.status === 'ALL' || filter.status === 'WAITING' ? null : (filter.status as TaskStatus),
    anyStatus: filter.status === 'ALL',
    processType: (filter.processType as ProcessType | undefined) ?? null,
    kind: filter.kind ?? null,
    organizationId: filter.organizationId ?? null,
    assigned: (filter.assigned as TaskAssignment | undefined) ?? null,
    dueBefore: filter.dueBefore ? dayjs(filter.dueBefore).endOf('day').toISOString() : null,
    orderBy: filter.orderBy as TaskOrder,
  };
  const { data, previousData, loading, error, refetch } = useQuery(INBOX, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const problem = hubProblem(error);
  const rows = shown?.myTasks.edges.map((edge) => edge.node) ?? [];

  const columns: ColumnsType<Row> = [
    {
      title: t('task'),
      key: 'title',
      render: (_, task) => (
        <div>
          <Link to={`/tasks/${task.id}`}>{task.title}</Link>
          <div style={{ color: 'rgba(0,0,0,0.7)', fontSize: 13 }}>{task.summary}</div>
        </div>
      ),
    },
    { title: t('organization'), key: 'organization', render: (_, task) => task.organization.name },
    { title: t('processType'), key: 'processType', render: (_, task) => word(words.processTypes, task.processType) },
    { title: t('kind'), key: 'kind', render: (_, task) => word(words.taskKinds, task.kind) },
    { title: t('status'), key: 'status', render: (_, task) => <StatusTag status={task.status} /> },
    {
      title: t('due'),
      key: 'due',
      sorter: true,
      sortOrder: filter.orderBy === 'DUE_AT' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_, task) => (
        <Space size={4} wrap>
          <time dateTime={task.dueAt}>{dateTime(task.dueAt)}</time>
          {isOverdue(task) && (
            <Tag color="error" data-testid="overdue">
              {t('overdue')}
            </Tag>
          )}
          {task.escalated && <Tag color="warning">{t('escalated')}</Tag>}
        </Space>
      ),
    },
    { title: t('priority'), key: 'priority', dataIndex: 'priority' },
    {
      title: t('assignee'),
      key: 'assignee',
      render: (_, task) => (
        <>
          {task.assignee ?? t('nobody')}
          {task.delegatedTo && <div>{t('delegatedTo', { who: task.delegatedTo })}</div>}
        </>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('title')}
        </Typography.Title>
        <Button onClick={() => void refetch()} loading={loading}>
          {t('refresh')}
        </Button>
      </Space>
      <Notifications />
      <InboxFilters filter={filter} onChange={(next) => setParams(paramsFromFilter(next))} />
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
      <Table<Row>
        rowKey="id"
        caption={<span className="visually-hidden">{t('caption')}</span>}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: <span className="approver-empty">{t('empty')}</span> }}
        onChange={(_pagination, _filters, sorter) => {
          const due = !Array.isArray(sorter) && sorter.columnKey === 'due';
          if (due && filter.orderBy !== 'DUE_AT') setParams(paramsFromFilter({ ...filter, orderBy: 'DUE_AT' }));
        }}
        rowClassName={(task) => (isOverdue(task) ? 'approver-overdue' : '')}
        scroll={{ x: 'max-content' }}
      />
      <nav aria-label={t('page', { page: cursors.length })} style={{ marginTop: 16 }}>
        <Space>
          <Button
            disabled={cursors.length <= 1}
            onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
          >
            {t('previous')}
          </Button>
          <span>{t('page', { page: cursors.length })}</span>
          <Button
            disabled={!shown?.myTasks.pageInfo.hasNextPage}
            onClick={() =>
              setPages({ key: filterKey, cursors: [...cursors, shown!.myTasks.pageInfo.endCursor ?? null] })
            }
          >
            {t('next')}
          </Button>
          {shown && <span data-testid="inbox-count">{t('count', { count: shown.myTasks.totalCount })}</span>}
        </Space>
      </nav>
    </>
  );
}
