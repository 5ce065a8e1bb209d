import { Card, Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { AdminOverviewQuery } from '../../gql/graphql';
import { defineMessages, useLocale, useT } from '../../shell/i18n';
import { BarChart } from '../common/BarChart';
import { UNDERLINED, when } from '../common/format';
import { wordFor, useCatalogWords } from '../common/words';
import { EmptyText } from '../common/EmptyText';

type Campaign = AdminOverviewQuery['evaluationCampaigns'][number];

const messages = defineMessages(
  {
    title: '{year} 年{track}',
    RATING: '社会组织评估',
    FOUR_GOOD: '四好商会评选',
    stage: '活动阶段',
    started: '启动',
    eligible: '符合条件',
    ineligible: '不符合条件',
    campaignRun: '活动的运行',
    applications: '全部申报的运行',
    stageOf: '申报阶段',
    count: '申报数',
    runs: '运行',
    seeRuns: '查看{stage}阶段的申报运行',
    chart: '{title}：各阶段的申报数',
    none: '还没有申报',
  },
  {
    title: '{year} {track}',
    RATING: 'social-organisation rating',
    FOUR_GOOD: 'Four-Good chambers',
    stage: 'Campaign stage',
    started: 'Started',
    eligible: 'Eligible',
    ineligible: 'Ineligible',
    campaignRun: 'The campaign’s run',
    applications: 'All application runs',
    stageOf: 'Application stage',
    count: 'Applications',
    runs: 'Runs',
    seeRuns: 'See the application runs at {stage}',
    chart: '{title}: applications per stage',
    none: 'No applications yet',
  },
);

/** One evaluation campaign: where it stands and how many of its applications are at each stage. */
export function CampaignCard({ campaign }: { campaign: Campaign }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const words = useCatalogWords();
  const track = campaign.track === 'RATING' || campaign.track === 'FOUR_GOOD' ? t(campaign.track) : campaign.track;
  const title = t('title', { year: campaign.year, track });
  const parent = encodeURIComponent(campaign.workflowId);
  const rows = campaign.stageCounts.map((row) => ({ ...row, label: wordFor(words.stages, row.stage, locale) }));
  return (
    <Card
      title={<h3 style={{ fontSize: 16, margin: 0 }}>{title}</h3>}
      extra={<Tag>{wordFor(words.stages, campaign.stage, locale)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('stage')}>{wordFor(words.stages, campaign.stage, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('started')}>{when(campaign.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('eligible')}>{campaign.eligibleCount}</Descriptions.Item>
        <Descriptions.Item label={t('ineligible')}>{campaign.ineligibleCount}</Descriptions.Item>
      </Descriptions>
      <p>
        <Link to={`/runs/${parent}`} style={UNDERLINED}>
          {t('campaignRun')}
        </Link>{' '}
        ·{' '}
        <Link to={`/runs?parentId=${parent}`} style={UNDERLINED}>
          {t('applications')}
        </Link>
      </p>
      <Table
        rowKey="stage"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        columns={[
          { title: t('stageOf'), key: 'stage', render: (row: (typeof rows)[number]) => row.label },
          {
            title: t('count'),
            key: 'count',
            align: 'right' as const,
            render: (row: (typeof rows)[number]) => row.count,
          },
          {
            title: t('runs'),
            key: 'runs',
            render: (row: (typeof rows)[number]) => (
              <Link to={`/runs?parentId=${parent}&stage=${row.stage}`} aria-label={t('seeRuns', { stage: row.label })}>
                {t('runs')}
              </Link>
            ),
          },
        ]}
      />
      {rows.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <BarChart title={t('chart', { title })} bars={rows.map((row) => ({ label: row.label, value: row.count }))} />
        </div>
      )}
    </Card>
  );
}
