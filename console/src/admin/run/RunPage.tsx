import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { AdminRunOperationResultFragment } from '../../gql/graphql';
import { defineMessages, useBilingual, useLocale, useT } from '../../shell/i18n';
import { when } from '../common/format';
import { Problem } from '../common/Problem';
import { RUN_STATUS_COLORS, RUN_STATUS_WORDS, wordFor, useCatalogWords } from '../common/words';
import { Activities } from './Activities';
import { AuditTable } from './AuditTable';
import { ChildRuns } from './ChildRuns';
import { OperationResult } from './OperationResult';
import { RunOperations } from './RunOperations';
import { RunTimeline } from './Timeline';
import { TaskList } from './TaskList';

export const ProcessRun = graphql(`
  query AdminProcessRun($id: ID!, $runId: String) {
    processRun(id: $id, runId: $runId) {
      id
      runId
      workflowType
      processType
      stage
      year
      status
      startTime
      closeTime
      parentId
      taskQueue
      summary
      historyLength
      failure
      organization {
        id
        name
      }
      subject {
        processId
        campaignId
        procurementId
      }
      openTasks {
        id
        kind
        title
        status
        assignee
        dueAt
        escalated
        candidates {
          role
          organizationId
          organization {
            name
          }
          subject
        }
      }
      pendingActivities {
        activityId
        activityType
        state
        attempt
        maximumAttempts
        lastFailure
        lastStartedAt
        nextAttemptAt
      }
      children(first: 20) {
        totalCount
        edges {
          node {
            id
            summary
            processType
            stage
            status
            startTime
            organization {
              name
            }
          }
        }
      }
      audit {
        id
        actor
        at
        action
        target
        reason
        outcome
        error
      }
      timeline {
        at
        kind
        zh
        en
        actor
        taskId
        eventId
      }
    }
  }
`);

const messages = defineMessages(
  {
    runs: '流程运行',
    summary: '概况',
    processType: '流程',
    workflowType: '工作流类型',
    stage: '阶段',
    status: '状态',
    year: '年度',
    organization: '组织',
    started: '启动',
    closed: '结束',
    details: '详情',
    workflowId: '工作流 ID',
    runId: '运行 ID',
    parent: '父流程',
    history: '历史事件数',
    taskQueue: '任务队列',
    processId: '流程记录',
    failure: '失败原因',
    timeline: '时间线',
    tasks: '待办',
    activities: '等待中的活动',
    children: '子流程（{count}）',
    audit: '管理员操作记录',
  },
  {
    runs: 'Runs',
    summary: 'Summary',
    processType: 'Process',
    workflowType: 'Workflow type',
    stage: 'Stage',
    status: 'Status',
    year: 'Year',
    organization: 'Organization',
    started: 'Started',
    closed: 'Closed',
    details: 'Details',
    workflowId: 'Workflow id',
    runId: 'Run id',
    parent: 'Parent run',
    history: 'History events',
    taskQueue: 'Task queue',
    processId: 'Process record',
    failure: 'Failure',
    timeline: 'Timeline',
    tasks: 'Tasks',
    activities: 'Pending activities',
    children: 'Child runs ({count})',
    audit: 'Admin operations',
  },
);

/** A card with a real heading, so the page's parts are landmarks a screen reader lists. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginBottom: 16 }}>
      <Card
        title={
          <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
        }
      >
        {children}
      </Card>
    </section>
  );
}

/** /console/runs/:id: one run to understand and act on. */
export function RunPage() {
  const t = useT(messages);
  const text = useBilingual();
  const { locale } = useLocale();
  const words = useCatalogWords();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const run = useQuery(ProcessRun, { variables: { id, runId: search.get('runId') }, fetchPolicy: 'cache-and-network' });
  const data = run.data?.processRun;
  const [result, setResult] = useState<AdminRunOperationResultFragment>();
  const refresh = () => void run.refetch();
  const done = (answer: AdminRunOperationResultFragment) => {
    setResult(answer);
    refresh();
  };

  return (
    <>
      <Breadcrumb
        style={{ margin: '16px 0' }}
        items={[{ title: <Link to="/runs">{t('runs')}</Link> }, { title: data?.summary ?? id }]}
      />
      <Problem error={run.error} />
      {!data && run.loading && <Skeleton active />}
      {data && (
        <>
          <Space align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {data.summary ?? data.id}
            </Typography.Title>
            <Tag color={RUN_STATUS_COLORS[data.status]} data-testid="run-status">
              {text(RUN_STATUS_WORDS[data.status])}
            </Tag>
          </Space>
          {result && <OperationResult result={result} onClose={() => setResult(undefined)} />}
          <RunOperations run={data} onDone={done} />
          <Section title={t('summary')}>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('processType')}>
                {wordFor(words.processTypes, data.processType, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('stage')}>{wordFor(words.stages, data.stage, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('status')}>{text(RUN_STATUS_WORDS[data.status])}</Descriptions.Item>
              <Descriptions.Item label={t('organization')}>{data.organization?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('year')}>{data.year ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('started')}>{when(data.startTime)}</Descriptions.Item>
              <Descriptions.Item label={t('closed')}>{when(data.closeTime)}</Descriptions.Item>
              <Descriptions.Item label={t('history')}>{data.historyLength}</Descriptions.Item>
              {data.failure && (
                <Descriptions.Item label={t('failure')} span={3}>
                  <Typography.Text type="danger">{data.failure}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
            {/* The ids and technical names an admin needs in Temporal or the database: a details line. */}
            <div data-details style={{ marginTop: 12 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} title={t('details')}>
                <Descriptions.Item label={t('workflowId')}>{data.id}</Descriptions.Item>
                <Descriptions.Item label={t('runId')}>{data.runId}</Descriptions.Item>
                <Descriptions.Item label={t('workflowType')}>{data.workflowType}</Descriptions.Item>
                <Descriptions.Item label={t('taskQueue')}>{data.taskQueue}</Descriptions.Item>
                {data.subject.processId && (
                  <Descriptions.Item label={t('processId')}>{data.subject.processId}</Descriptions.Item>
                )}
                {data.parentId && (
                  <Descriptions.Item label={t('parent')}>
                    <Link to={`/runs/${encodeURIComponent(data.parentId)}`}>{data.parentId}</Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </div>
          </Section>
          <Section title={t('timeline')}>
            <RunTimeline entries={data.timeline} />
          </Section>
          <Section title={t('tasks')}>
            <TaskList tasks={data.openTasks} onChanged={refresh} />
          </Section>
          <Section title={t('activities')}>
            <Activities runId={data.id} activities={data.pendingActivities} onDone={done} />
          </Section>
          {data.children.totalCount > 0 && (
            <Section title={t('children', { count: data.children.totalCount })}>
              <ChildRuns
                parentId={data.id}
                runs={data.children.edges.map((edge) => edge.node)}
                total={data.children.totalCount}
              />
            </Section>
          )}
          <Section title={t('audit')}>
            <AuditTable entries={data.audit} />
          </Section>
        </>
      )}
    </>
  );
}
