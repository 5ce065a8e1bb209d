import { useQuery } from '@apollo/client/react';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ProcurementListQuery } from '../gql/graphql';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { useCatalogWords, useWords } from '../shell/words';
import { shanghaiMinute, shanghaiDay, yuan } from './dates';
import { PROCUREMENTS } from './operations';
import { METHODS } from './words';
import './procurement.css';

const messages = defineMessages(
  {
    heading: '政府购买服务',
    publish: '发布采购需求',
    stage: '阶段',
    allStages: '全部阶段',
    title: '项目',
    agency: '采购单位',
    category: '服务类别',
    method: '采购方式',
    budget: '预算',
    closesAt: '投标截止（北京时间）',
    published: '发布日期',
    round: '第 {round} 轮',
    empty: '没有符合条件的采购项目',
    failed: '无法读取采购项目（{code}）：{message}',
    more: '加载更多',
    total: '共 {count} 项',
  },
  {
    heading: 'Service procurement',
    publish: 'Publish a need',
    stage: 'Stage',
    allStages: 'All stages',
    title: 'Procurement',
    agency: 'Agency',
    category: 'Service',
    method: 'Method',
    budget: 'Budget',
    closesAt: 'Bidding closes (Beijing time)',
    published: 'Published',
    round: 'round {round}',
    empty: 'No procurement matches',
    failed: 'Could not read the procurements ({code}): {message}',
    more: 'Load more',
    total: '{count} in all',
  },
);

type Row = ProcurementListQuery['procurements']['edges'][number]['node'];

/** Every published need, newest first (public notices: any signed-in person reads them). */
export function ProcurementsPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const word = useWords();
  const words = useCatalogWords();
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? undefined;
  const { data, loading, error, fetchMore } = useQuery(PROCUREMENTS, {
    variables: { first: 20, stage: stage ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const problem = hubProblem(error);
  const connection = data?.procurements;
  const stages = words.stagesOf.PROCUREMENT ?? Object.keys(words.stages);

  return (
    <div className="approver-page">
      <Space wrap align="center" style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('heading')}
        </Typography.Title>
        {hasRole(session, 'AGENCY_OFFICER') && (
          <Button type="primary" onClick={() => void navigate('/procurements/new')}>
            {t('publish')}
          </Button>
        )}
      </Space>
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('stage')}
          allowClear
          placeholder={t('allStages')}
          style={{ minWidth: 180 }}
          value={stage}
          onChange={(next?: string) => setParams(next ? { stage: next } : {})}
          options={stages.map((code) => ({ value: code, label: word(words.stages, code) }))}
        />
        {connection && <span>{t('total', { count: connection.totalCount })}</span>}
      </Space>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading && !data}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <span className="approver-empty">{t('empty')}</span> }}
        columns={[
          {
            key: 'title',
            title: t('title'),
            render: (_, row) => <Link to={`/procurements/${row.id}`}>{row.title}</Link>,
          },
          { key: 'agency', title: t('agency'), dataIndex: 'agencyName' },
          { key: 'category', title: t('category'), dataIndex: 'categoryName' },
          { key: 'method', title: t('method'), render: (_, row) => word(METHODS, row.method) },
          { key: 'budget', title: t('budget'), align: 'right', render: (_, row) => yuan(row.budgetFen) },
          {
            key: 'stage',
            title: t('stage'),
            render: (_, row) => (
              <Space size={4}>
                <Tag>{word(words.stages, row.stage)}</Tag>
                {row.round > 1 && <span>{t('round', { round: row.round })}</span>}
              </Space>
            ),
          },
          {
            key: 'closesAt',
            title: t('closesAt'),
            render: (_, row) => <span className="procurement-nowrap">{shanghaiMinute(row.closesAt)}</span>,
          },
          {
            key: 'published',
            title: t('published'),
            render: (_, row) => <span className="procurement-nowrap">{shanghaiDay(row.publishedAt)}</span>,
          },
        ]}
      />
      {connection?.pageInfo.hasNextPage && (
        <Button
          style={{ marginTop: 16 }}
          onClick={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                procurements: {
                  ...fetchMoreResult.procurements,
                  edges: [...previous.procurements.edges, ...fetchMoreResult.procurements.edges],
                },
              }),
            })
          }
        >
          {t('more')}
        </Button>
      )}
    </div>
  );
}
