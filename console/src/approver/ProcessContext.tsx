import { Card, Descriptions, Table, Typography } from 'antd';
import type { ApproverTaskQuery } from '../gql/graphql';
import { defineMessages, useT } from '../shell/i18n';
import { dateTime, yuan } from './format';
import { useWords, useCatalogWords } from './labels';
import { StatusTag } from './StatusTag';
import { PROCUREMENT_METHODS } from '../shell/procurement-methods';

const messages = defineMessages(
  {
    process: '所属流程',
    type: '流程',
    stage: '阶段',
    person: '报名人',
    course: '课程',
    startsOn: '开课日期',
    requestedAt: '申请时间',
    campaign: '评价活动',
    applicant: '参评组织',
    reviewers: '已抽取评审专家',
    total: '总分',
    grade: '等级',
    updatedAt: '更新时间',
    chamber: '推荐的商会',
    rank: '本市推荐名次',
    rankOf: '第 {rank} 位（共 {of} 家）',
    cityReasons: '本市推荐理由',
    upper: '决定的工商联',
    upperReason: '决定理由',
    procurement: '项目',
    agency: '采购单位',
    category: '服务类别',
    budget: '预算（元）',
    method: '采购方式',
    round: '轮次',
    closesAt: '投标截止',
    earlier: '此前的决定',
    earlierCaption: '本流程此前各任务的决定',
    kind: '事项',
    status: '状态',
    decision: '决定',
    decidedBy: '决定人',
    comment: '意见',
    completedAt: '完成时间',
    none: '暂无此前的决定',
    notShown: '—',
  },
  {
    process: 'The process',
    type: 'Process',
    stage: 'Stage',
    person: 'Applicant',
    course: 'Course',
    startsOn: 'Starts on',
    requestedAt: 'Applied at',
    campaign: 'Campaign',
    applicant: 'Organisation evaluated',
    reviewers: 'Reviewers drawn',
    total: 'Total',
    grade: 'Grade',
    updatedAt: 'Updated at',
    chamber: 'Recommended chamber',
    rank: "The city's rank",
    rankOf: '{rank} of {of}',
    cityReasons: "The city's reasons",
    upper: 'Federation deciding',
    upperReason: 'Reason given',
    procurement: 'Procurement',
    agency: 'Buying agency',
    category: 'Service category',
    budget: 'Budget (yuan)',
    method: 'Method',
    round: 'Round',
    closesAt: 'Bidding closes',
    earlier: 'Earlier decisions',
    earlierCaption: 'Decisions on the earlier tasks of this process',
    kind: 'Kind',
    status: 'Status',
    decision: 'Decision',
    decidedBy: 'Decided by',
    comment: 'Comment',
    completedAt: 'Completed at',
    none: 'No earlier decisions yet',
    notShown: '—',
  },
);

type Task = ApproverTaskQuery['task'];
type Process = NonNullable<Task['process']>;
type EarlierTask = Extract<Process, { tasks: unknown }>['tasks'][number];

/** What the task is part of: the enrollment, evaluation or procurement, and what was decided before. */
export function ProcessContext({ task }: { task: Task }) {
  const t = useT(messages);
  const word = useWords();
  const words = useCatalogWords();
  const process = task.process;
  if (!process) return null;
  const dash = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? t('notShown') : value;

  const items: { key: string; label: string; children: React.ReactNode }[] = [
    { key: 'type', label: t('type'), children: word(words.processTypes, process.processType) },
    { key: 'stage', label: t('stage'), children: word(words.stages, process.stage) },
  ];
  if (process.__typename === 'TrainingEnrollment') {
    items.push(
      { key: 'person', label: t('person'), children: process.personName },
      { key: 'course', label: t('course'), children: process.course.title },
      { key: 'startsOn', label: t('startsOn'), children: process.course.startsOn },
      { key: 'requestedAt', label: t('requestedAt'), children: dateTime(process.requestedAt) },
    );
  } else if (process.__typename === 'EvaluationApplication') {
    items.push(
      { key: 'campaign', label: t('campaign'), children: process.campaignId },
      { key: 'applicant', label: t('applicant'), children: process.organizationName },
      { key: 'reviewers', label: t('reviewers'), children: String(dash(process.reviewerCount)) },
      { key: 'total', label: t('total'), children: String(dash(process.total)) },
      { key: 'grade', label: t('grade'), children: String(dash(process.grade)) },
      { key: 'updatedAt', label: t('updatedAt'), children: dateTime(process.updatedAt) },
    );
  } else if (process.__typename === 'EvaluationCandidacy') {
    // What the city sends up with its recommendation: its order, the score and its reasons.
    items.push(
      { key: 'campaign', label: t('campaign'), children: process.campaignId },
      { key: 'chamber', label: t('chamber'), children: process.organizationName },
      { key: 'rank', label: t('rank'), children: t('rankOf', { rank: process.rank, of: process.of }) },
      { key: 'total', label: t('total'), children: String(process.score) },
      { key: 'grade', label: t('grade'), children: process.candidateGrade },
      { key: 'upper', label: t('upper'), children: String(dash(process.upperFederationName)) },
      {
        key: 'cityReasons',
        label: t('cityReasons'),
        children: (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {process.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ),
      },
      ...(process.reason ? [{ key: 'upperReason', label: t('upperReason'), children: process.reason }] : []),
    );
  } else if (process.__typename === 'Procurement') {
    items.push(
      { key: 'procurement', label: t('procurement'), children: process.title },
      { key: 'agency', label: t('agency'), children: process.agencyName },
      { key: 'category', label: t('category'), children: process.categoryName },
      { key: 'budget', label: t('budget'), children: yuan(process.budgetFen) },
      { key: 'method', label: t('method'), children: word(PROCUREMENT_METHODS, process.method) },
      { key: 'round', label: t('round'), children: String(process.round) },
      { key: 'closesAt', label: t('closesAt'), children: dateTime(process.closesAt) },
    );
  }
  const earlier =
    'tasks' in process ? process.tasks.filter((other) => other.id !== task.id && other.decision) : undefined;

  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('process')}
        </Typography.Title>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      {earlier && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            {t('earlier')}
          </Typography.Title>
          <Table<EarlierTask>
            size="small"
            rowKey="id"
            caption={<span className="visually-hidden">{t('earlierCaption')}</span>}
            pagination={false}
            dataSource={earlier}
            locale={{ emptyText: <span className="approver-empty">{t('none')}</span> }}
            columns={[
              { key: 'kind', title: t('kind'), render: (_, row) => word(words.taskKinds, row.kind) },
              { key: 'status', title: t('status'), render: (_, row) => <StatusTag status={row.status} /> },
              { key: 'decision', title: t('decision'), render: (_, row) => word(words.outcomes, row.decision) },
              { key: 'decidedBy', title: t('decidedBy'), render: (_, row) => row.decidedBy },
              { key: 'comment', title: t('comment'), render: (_, row) => row.comment },
              { key: 'completedAt', title: t('completedAt'), render: (_, row) => dateTime(row.completedAt) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
