import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { AdminProcessRunQuery } from '../../gql/graphql';
import { defineMessages, useBilingual, useLocale, useT } from '../../shell/i18n';
import { UNDERLINED, when } from '../common/format';
import { RunLink } from '../common/RunLink';
import { RUN_STATUS_COLORS, RUN_STATUS_WORDS, wordFor, useCatalogWords } from '../common/words';

type Child = AdminProcessRunQuery['processRun']['children']['edges'][number]['node'];

const messages = defineMessages(
  {
    id: '运行',
    organization: '组织',
    stage: '阶段',
    status: '状态',
    started: '启动',
    all: '在运行列表中查看全部 {count} 个',
  },
  {
    id: 'Run',
    organization: 'Organization',
    stage: 'Stage',
    status: 'Status',
    started: 'Started',
    all: 'See all {count} in the runs list',
  },
);

/** The newest runs this one started (a campaign's applications); the rest through the runs list. */
export function ChildRuns({ parentId, runs, total }: { parentId: string; runs: Child[]; total: number }) {
  const t = useT(messages);
  const text = useBilingual();
  const { locale } = useLocale();
  const words = useCatalogWords();
  const columns = [
    {
      title: t('id'),
      key: 'id',
      render: (run: Child) => <RunLink run={run} />,
    },
    { title: t('organization'), key: 'organization', render: (run: Child) => run.organization?.name ?? '' },
    { title: t('stage'), key: 'stage', render: (run: Child) => wordFor(words.stages, run.stage, locale) },
    {
      title: t('status'),
      key: 'status',
      render: (run: Child) => <Tag color={RUN_STATUS_COLORS[run.status]}>{text(RUN_STATUS_WORDS[run.status])}</Tag>,
    },
    { title: t('started'), key: 'started', render: (run: Child) => when(run.startTime) },
  ];
  return (
    <>
      <Table<Child>
        rowKey="id"
        columns={columns}
        dataSource={runs}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
      {total > runs.length && (
        <p style={{ marginTop: 12 }}>
          <Link to={`/runs?parentId=${encodeURIComponent(parentId)}`} style={UNDERLINED}>
            {t('all', { count: total })}
          </Link>
        </p>
      )}
    </>
  );
}
