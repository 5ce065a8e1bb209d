import { useQuery } from '@apollo/client/react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChamberEvaluationsQuery } from '../gql/graphql';
import { EmptyText } from '../admin/common/EmptyText';
import { Problem } from '../admin/common/Problem';
import { beijingDay } from '../shell/china-days';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { useSession } from '../shell/session';
import { useCatalogWords, useWords } from '../shell/words';
import { ObjectionDialog } from './ObjectionDialog';
import { CHAMBER_EVALUATIONS } from './operations';
import { OBJECTION_OUTCOMES, TRACKS, gradeWord } from './words';

type Data = ChamberEvaluationsQuery;
type Application = Data['organization']['evaluations'][number];

const messages = defineMessages(
  {
    title: '本会参评',
    intro: '{name}的年度评价：所处阶段、待办（申请参评、自评等）、可见的评分，公示期间可提出异议。',
    tasks: '待办',
    noTasks: '没有待办的评价任务',
    due: '{title}（{due} 前）',
    applications: '参评记录',
    campaign: '活动',
    campaignName: '{year} 年{track}',
    stage: '阶段',
    updated: '更新日期',
    result: '得分与等级',
    resultOf: '{total} 分 · {grade}',
    hidden: '公示后可见',
    scores: '专家评分',
    score: '专家 {n}：{total} 分',
    objections: '异议',
    objection: '{reason}（{outcome}）',
    object: '提出异议',
    objectOn: '对{campaign}提出异议',
    none: '还没有参评记录',
  },
  {
    title: 'Our evaluations',
    intro:
      'The annual evaluations of {name}: stage, tasks (apply, self-assessment …), the scores you may see, and objections during the public notice.',
    tasks: 'Tasks',
    noTasks: 'No evaluation task waiting',
    due: '{title} (due {due})',
    applications: 'Evaluations',
    campaign: 'Campaign',
    campaignName: '{year} {track}',
    stage: 'Stage',
    updated: 'Updated on',
    result: 'Total and grade',
    resultOf: '{total} points · {grade}',
    hidden: 'Shown from the public notice',
    scores: 'Reviewers’ scores',
    score: 'Reviewer {n}: {total}',
    objections: 'Objections',
    objection: '{reason} ({outcome})',
    object: 'Object',
    objectOn: 'Object to {campaign}',
    none: 'No evaluation yet',
  },
);

/** /console/evaluation/mine — a chamber's own evaluations, for its approvers (secretaries). */
export function ChamberEvaluationsPage() {
  const t = useT(messages);
  const { locale } = useLocale();
  const word = useWords();
  const words = useCatalogWords();
  const { session } = useSession();
  const organizationId = session?.organizationIds[0] ?? '';
  const query = useQuery(CHAMBER_EVALUATIONS, {
    variables: { id: organizationId },
    skip: !organizationId,
    fetchPolicy: 'cache-and-network',
  });
  const [objecting, setObjecting] = useState<{ id: string; campaign: string }>();
  const organization = query.data?.organization;
  const campaignName = (campaignId: string) => {
    const campaign = query.data?.evaluationCampaigns.find((c) => c.id === campaignId);
    return campaign
      ? t('campaignName', { year: campaign.year, track: TRACKS[campaign.track]?.[locale] ?? campaign.track })
      : '';
  };
  const tasks = (organization?.openTasks.edges ?? [])
    .map((edge) => edge.node)
    .filter((task) => task.processType === 'EVALUATION');

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro', { name: organization?.name ?? '' })}</Typography.Paragraph>
      <Problem error={query.error} />
      <section aria-labelledby="chamber-tasks" style={{ marginBottom: 24 }}>
        <Typography.Title level={2} id="chamber-tasks" style={{ fontSize: 18 }}>
          {t('tasks')}
        </Typography.Title>
        {organization && tasks.length === 0 && <Typography.Paragraph>{t('noTasks')}</Typography.Paragraph>}
        <ul>
          {tasks.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${task.id}`}>{t('due', { title: task.title, due: beijingDay(task.dueAt) })}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chamber-applications">
        <Typography.Title level={2} id="chamber-applications" style={{ fontSize: 18 }}>
          {t('applications')}
        </Typography.Title>
        <Table
          rowKey="id"
          size="small"
          loading={query.loading && !query.data}
          dataSource={organization?.evaluations ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          columns={[
            { title: t('campaign'), key: 'campaign', render: (a: Application) => campaignName(a.campaignId) },
            { title: t('stage'), key: 'stage', render: (a: Application) => <Tag>{word(words.stages, a.stage)}</Tag> },
            { title: t('updated'), key: 'updated', render: (a: Application) => beijingDay(a.updatedAt) },
            {
              title: t('result'),
              key: 'result',
              render: (a: Application) =>
                a.total !== null && a.total !== undefined ? (
                  t('resultOf', { total: a.total, grade: gradeWord(a.grade) })
                ) : (
                  <EmptyText>{t('hidden')}</EmptyText>
                ),
            },
            {
              title: t('scores'),
              key: 'scores',
              render: (a: Application) => (
                <Space orientation="vertical" size={0}>
                  {(a.reviewerScores as { total?: number }[]).map((score, index) => (
                    <span key={index}>{t('score', { n: index + 1, total: score.total ?? '—' })}</span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('objections'),
              key: 'objections',
              render: (a: Application) => (
                <Space orientation="vertical" size={4}>
                  {(a.objections as { reason: string; outcome: string | null }[]).map((objection, index) => (
                    <span key={index}>
                      {t('objection', {
                        reason: objection.reason,
                        outcome: OBJECTION_OUTCOMES[objection.outcome ?? 'PENDING']?.[locale] ?? '',
                      })}
                    </span>
                  ))}
                  {a.stage === 'NOTICE' && (
                    <Button
                      size="small"
                      aria-label={t('objectOn', { campaign: campaignName(a.campaignId) })}
                      onClick={() => setObjecting({ id: a.id, campaign: campaignName(a.campaignId) })}
                    >
                      {t('object')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </section>
      <ObjectionDialog
        application={objecting}
        organizationId={organizationId}
        onClose={() => setObjecting(undefined)}
      />
    </>
  );
}
