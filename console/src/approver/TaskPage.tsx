import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ApproverTaskQuery } from '../gql/graphql';
import { hubProblem, problemWord } from '../shell/errors';
import { defineMessages, useT, useBilingual } from '../shell/i18n';
import { useSession } from '../shell/session';
import { Comments } from './Comments';
import { DecisionForm } from './DecisionForm';
import { dateTime, isActive, isOverdue } from './format';
import { useWords, useCatalogWords } from './labels';
import { TASK } from './operations';
import { ProcessContext } from './ProcessContext';
import { StatusTag } from './StatusTag';
import { TaskActions } from './TaskActions';

const messages = defineMessages(
  {
    back: '返回待办',
    task: '任务详情',
    summary: '事由',
    organization: '组织',
    processType: '流程',
    kind: '事项',
    candidates: '可处理人',
    assignee: '认领人',
    delegatedTo: '受托人',
    due: '到期时间',
    followUp: '提醒时间',
    created: '创建时间',
    completed: '完成时间',
    priority: '优先级',
    decision: '决定',
    decidedBy: '决定人',
    comment: '意见',
    values: '填报内容',
    nobody: '无',
    overdue: '已逾期',
    escalated: '已升级',
    person: '个人：{who}',
    within: '{role}（{org}）',
    failed: '无法读取任务（{code}）：{message}',
    claimedByOther: '此任务已由 {who} 认领，只有认领人可以作出决定。',
    delegatedToMe: '此任务由 {who} 委托给你：你可以评论并退回，但不能作出决定。',
    noForm: '此类任务没有决定表单。',
  },
  {
    back: 'Back to the inbox',
    task: 'The task',
    summary: 'Matter',
    organization: 'Organisation',
    processType: 'Process',
    kind: 'Kind',
    candidates: 'Who may act',
    assignee: 'Assignee',
    delegatedTo: 'Delegated to',
    due: 'Due',
    followUp: 'Reminder at',
    created: 'Created',
    completed: 'Completed',
    priority: 'Priority',
    decision: 'Decision',
    decidedBy: 'Decided by',
    comment: 'Comment',
    values: 'Values given',
    nobody: 'Nobody',
    overdue: 'Overdue',
    escalated: 'Escalated',
    person: 'Person: {who}',
    within: '{role} ({org})',
    failed: 'Could not read the task ({code}): {message}',
    claimedByOther: '{who} has claimed this task; only they may decide it.',
    delegatedToMe: '{who} delegated this task to you: you may comment and return it, but not decide.',
    noForm: 'This kind of task has no decision form.',
  },
);

type Task = ApproverTaskQuery['task'];

/** /console/tasks/:id — a task with its process, the actions on it, its decision form and comments. */
export function TaskPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const text = useBilingual();
  const { data, error, refetch } = useQuery(TASK, { variables: { id } });
  const problem = hubProblem(error);
  const task = data?.task;

  return (
    <>
      <nav style={{ margin: '16px 0 8px' }}>
        <Link to="/tasks">← {t('back')}</Link>
      </nav>
      {problem && !task && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
      {!task && !problem && <Skeleton active />}
      {task && <TaskView task={task} refetch={() => void refetch()} />}
    </>
  );
}

function TaskView({ task, refetch }: { task: Task; refetch(): void }) {
  const t = useT(messages);
  const word = useWords();
  const words = useCatalogWords();
  const { session } = useSession();
  const me = session?.subject;
  const candidate = (c: Task['candidates'][number]) => {
    if (c.subject) return t('person', { who: c.subject });
    const role = word(words.roles, c.role);
    if (!c.organizationId) return role;
    return t('within', {
      role,
      org: c.organizationId === task.organization.id ? task.organization.name : c.organizationId,
    });
  };
  const items = [
    { key: 'summary', label: t('summary'), children: <span lang="zh-CN">{task.summary}</span>, span: 2 },
    { key: 'organization', label: t('organization'), children: task.organization.name },
    { key: 'processType', label: t('processType'), children: word(words.processTypes, task.processType) },
    { key: 'kind', label: t('kind'), children: word(words.taskKinds, task.kind) },
    { key: 'priority', label: t('priority'), children: String(task.priority) },
    { key: 'candidates', label: t('candidates'), children: task.candidates.map(candidate).join('；') },
    { key: 'assignee', label: t('assignee'), children: task.assignee ?? t('nobody') },
    ...(task.delegatedTo ? [{ key: 'delegatedTo', label: t('delegatedTo'), children: task.delegatedTo }] : []),
    { key: 'due', label: t('due'), children: <time dateTime={task.dueAt}>{dateTime(task.dueAt)}</time> },
    ...(task.followUpAt ? [{ key: 'followUp', label: t('followUp'), children: dateTime(task.followUpAt) }] : []),
    { key: 'created', label: t('created'), children: dateTime(task.createdAt) },
    ...(task.completedAt ? [{ key: 'completed', label: t('completed'), children: dateTime(task.completedAt) }] : []),
    ...(task.decision
      ? [
          { key: 'decision', label: t('decision'), children: word(words.outcomes, task.decision) },
          { key: 'decidedBy', label: t('decidedBy'), children: task.decidedBy ?? '' },
          ...(task.comment ? [{ key: 'comment', label: t('comment'), children: task.comment }] : []),
          ...(task.decisionValues && Object.keys(task.decisionValues).length
            ? [{ key: 'values', label: t('values'), span: 2, children: valuesText(task) }]
            : []),
        ]
      : []),
  ];
  const active = isActive(task.status);
  const claimedByOther = active && !!task.assignee && task.assignee !== me;
  const delegatedToMe = claimedByOther && task.delegatedTo === me;

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} lang="zh-CN">
          {task.title}
        </Typography.Title>
        <StatusTag status={task.status} />
        {isOverdue(task) && <Tag color="error">{t('overdue')}</Tag>}
        {task.escalated && <Tag color="warning">{t('escalated')}</Tag>}
      </Space>
      <TaskActions task={task} onChanged={refetch} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('task')}
              </Typography.Title>
            }
            style={{ marginBottom: 16 }}
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
          </Card>
          {active && delegatedToMe && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('delegatedToMe', { who: task.assignee! })}
            />
          )}
          {active && claimedByOther && !delegatedToMe && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('claimedByOther', { who: task.assignee! })}
            />
          )}
          {active &&
            !claimedByOther &&
            (task.form ? (
              <DecisionForm taskId={task.id} form={task.form} />
            ) : (
              <Alert type="info" title={t('noForm')} />
            ))}
        </Col>
        <Col xs={24} xl={10}>
          <ProcessContext task={task} />
          <Comments taskId={task.id} comments={task.comments} onAdded={refetch} />
        </Col>
      </Row>
    </>
  );
}

/** The decision's values, by the form's labels where the form names them. */
function valuesText(task: Task): string {
  const labels = new Map(task.form?.fields.map((field) => [field.name, field.label]) ?? []);
  return Object.entries(task.decisionValues ?? {})
    .map(([name, value]) => `${labels.get(name) ?? name}：${String(value)}`)
    .join('；');
}
