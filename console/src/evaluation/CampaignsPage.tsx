import { useQuery } from '@apollo/client/react';
import { Space, Table, Tag, Typography } from 'antd';
import type { EvaluationCampaignsQuery } from '../gql/graphql';
import { EmptyText } from '../admin/common/EmptyText';
import { Problem } from '../admin/common/Problem';
import { beijingDay } from '../shell/china-days';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { useCatalogWords, useWords } from '../shell/words';
import { CAMPAIGNS } from './operations';
import { StartCampaignForm } from './StartCampaignForm';
import { TRACKS } from './words';

type Campaign = EvaluationCampaignsQuery['evaluationCampaigns'][number];

const messages = defineMessages(
  {
    title: '年度评价活动',
    intro: '各年度的社会组织评估和四好商会评选：活动阶段，以及申报在各阶段的数量。',
    campaign: '活动',
    name: '{year} 年{track}',
    stage: '活动阶段',
    started: '启动日期',
    eligible: '符合条件',
    ineligible: '不符合条件',
    applications: '申报所处阶段',
    count: '{stage} {count}',
    none: '还没有评价活动',
    noApplications: '尚无申报',
  },
  {
    title: 'Evaluation campaigns',
    intro:
      'Each year’s social-organisation rating and Four-Good recognition: where the campaign stands and how many applications are at each stage.',
    campaign: 'Campaign',
    name: '{year} {track}',
    stage: 'Stage',
    started: 'Started on',
    eligible: 'Eligible',
    ineligible: 'Ineligible',
    applications: 'Applications by stage',
    count: '{stage} {count}',
    none: 'No evaluation campaign yet',
    noApplications: 'No applications yet',
  },
);

/** /console/evaluation: the campaigns with their stages and counts; officers and admins start one here. */
export function CampaignsPage() {
  const t = useT(messages);
  const { locale } = useLocale();
  const word = useWords();
  const words = useCatalogWords();
  const campaigns = useQuery(CAMPAIGNS, { fetchPolicy: 'cache-and-network' });
  const rows = campaigns.data?.evaluationCampaigns ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Problem error={campaigns.error} />
      <StartCampaignForm />
      <Table
        rowKey="id"
        size="small"
        loading={campaigns.loading && !campaigns.data}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        columns={[
          {
            title: t('campaign'),
            key: 'name',
            render: (c: Campaign) => t('name', { year: c.year, track: TRACKS[c.track]?.[locale] ?? c.track }),
          },
          { title: t('stage'), key: 'stage', render: (c: Campaign) => <Tag>{word(words.stages, c.stage)}</Tag> },
          { title: t('started'), key: 'started', render: (c: Campaign) => beijingDay(c.startedAt) },
          { title: t('eligible'), dataIndex: 'eligibleCount', align: 'right' as const },
          { title: t('ineligible'), dataIndex: 'ineligibleCount', align: 'right' as const },
          {
            title: t('applications'),
            key: 'counts',
            render: (c: Campaign) =>
              c.stageCounts.length === 0 ? (
                <EmptyText>{t('noApplications')}</EmptyText>
              ) : (
                <Space wrap size={4}>
                  {c.stageCounts.map((row) => (
                    <Tag key={row.stage}>{t('count', { stage: word(words.stages, row.stage), count: row.count })}</Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
