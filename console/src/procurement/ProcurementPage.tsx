import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Descriptions, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { useCatalogWords, useWords } from '../shell/words';
import { BidForms } from './BidForm';
import { Bids } from './Bids';
import { CancelForm } from './CancelForm';
import { ContractCard } from './ContractCard';
import type { Detail } from './detail';
import { shanghaiDay, shanghaiMinute, yuan } from './dates';
import { PersonName } from './Names';
import { Objections } from './Objections';
import { PROCUREMENT } from './operations';
import { SignContractForm } from './SignContractForm';
import { BIDDER_KINDS, GRADES, METHODS } from './words';
import { TASK_STATUSES } from '../approver/labels';

const messages = defineMessages(
  {
    back: '返回采购项目',
    need: '采购需求',
    agency: '采购单位',
    category: '服务类别',
    method: '采购方式',
    budget: '预算',
    stage: '阶段',
    round: '轮次',
    closesAt: '投标截止（北京时间）',
    published: '发布日期',
    weights: '评分权重',
    weightsText: '价格 {price}%，技术 {technical}%',
    eligibility: '投标资格',
    eligibilityText: '{kinds}；登记满 {years} 年；最低等级 {grade}；近三年无重大违法记录',
    anyGrade: '不限',
    noticeDays: '公示期',
    days: '{n} 天',
    description: '需求说明',
    committee: '评审委员会',
    cancelReason: '取消原因',
    closeReason: '结束原因',
    details: '详细信息（管理员）',
    tasks: '相关待办',
    due: '截止 {day}',
    noTasks: '没有你能看到的待办',
    failed: '无法读取采购项目（{code}）：{message}',
  },
  {
    back: 'Back to procurements',
    need: 'The need',
    agency: 'Agency',
    category: 'Service',
    method: 'Method',
    budget: 'Budget',
    stage: 'Stage',
    round: 'Round',
    closesAt: 'Bidding closes (Beijing time)',
    published: 'Published',
    weights: 'Weights',
    weightsText: 'price {price}%, technical {technical}%',
    eligibility: 'Who may bid',
    eligibilityText:
      '{kinds}; registered {years} years or more; grade {grade} or better; a clean record in three years',
    anyGrade: 'any',
    noticeDays: 'Award notice',
    days: '{n} days',
    description: 'What is needed',
    committee: 'Committee',
    cancelReason: 'Why cancelled',
    closeReason: 'Why it ended',
    details: 'Details (admin)',
    tasks: 'Its tasks',
    due: 'due {day}',
    noTasks: 'No task you may see',
    failed: 'Could not read the procurement ({code}): {message}',
  },
);

/** One procurement: the need, the bids and their screening and ranking, objections, the contract. */
export function ProcurementPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PROCUREMENT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    // The workflow moves it on by itself (closing, screening, the notice ending): read again now and then.
    pollInterval: 15_000,
  });
  const problem = hubProblem(error);
  const procurement = data?.procurement;
  const changed = () => void refetch();

  return (
    <div className="approver-page">
      <div>
        <Link to="/procurements">{t('back')}</Link>
      </div>
      {problem && !procurement && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('failed', { code: problemText(problem.code), message: problem.message })}
        />
      )}
      {loading && !procurement && <Skeleton active />}
      {procurement && (
        <>
          <Summary procurement={procurement} />
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <Bids procurement={procurement} />
              <Objections procurement={procurement} onChanged={changed} />
              <ContractCard procurement={procurement} />
            </Col>
            <Col xs={24} xl={9}>
              <BidForms procurement={procurement} onChanged={changed} />
              <Tasks procurement={procurement} />
              <SignContractForm procurement={procurement} onChanged={changed} />
              <CancelForm procurement={procurement} onChanged={changed} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

function Summary({ procurement: p }: { procurement: Detail }) {
  const t = useT(messages);
  const word = useWords();
  const words = useCatalogWords();
  const { session } = useSession();
  const items = [
    { key: 'agency', label: t('agency'), children: p.agency.name },
    { key: 'category', label: t('category'), children: p.categoryName },
    { key: 'method', label: t('method'), children: word(METHODS, p.method) },
    { key: 'budget', label: t('budget'), children: yuan(p.budgetFen) },
    { key: 'round', label: t('round'), children: p.round },
    { key: 'closesAt', label: t('closesAt'), children: shanghaiMinute(p.closesAt) },
    { key: 'published', label: t('published'), children: shanghaiDay(p.publishedAt) },
    { key: 'weights', label: t('weights'), children: t('weightsText', { ...p.weights }) },
    { key: 'noticeDays', label: t('noticeDays'), children: t('days', { n: p.noticeDays }) },
    {
      key: 'eligibility',
      label: t('eligibility'),
      span: 2,
      children: t('eligibilityText', {
        kinds: p.eligibility.kinds.map((kind) => word(BIDDER_KINDS, kind)).join('、'),
        years: p.eligibility.minimumYearsRegistered,
        grade: p.eligibility.minimumGrade ? word(GRADES, p.eligibility.minimumGrade) : t('anyGrade'),
      }),
    },
    { key: 'description', label: t('description'), span: 2, children: p.description },
    ...(p.committee.length
      ? [
          {
            key: 'committee',
            label: t('committee'),
            span: 2,
            children: (
              <Space wrap separator="、">
                {p.committee.map((person) => (
                  <PersonName key={person} id={person} />
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(p.cancelReason ? [{ key: 'cancel', label: t('cancelReason'), span: 2, children: p.cancelReason }] : []),
    ...(p.closeReason ? [{ key: 'close', label: t('closeReason'), span: 2, children: p.closeReason }] : []),
    ...(hasRole(session, 'ADMIN')
      ? [
          {
            key: 'details',
            label: t('details'),
            span: 2,
            children: <span data-details>{`${p.id} · ${p.workflowId}`}</span>,
          },
        ]
      : []),
  ];
  return (
    <>
      <Space wrap align="center" style={{ margin: '12px 0 8px' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {p.title}
        </Typography.Title>
        <Tag color="blue" data-testid="procurement-stage">
          {word(words.stages, p.stage)}
        </Tag>
      </Space>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('need')}
          </Typography.Title>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      </Card>
    </>
  );
}

function Tasks({ procurement }: { procurement: Detail }) {
  const t = useT(messages);
  const word = useWords();
  if (!procurement.tasks.length) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('tasks')}
        </Typography.Title>
      }
    >
      <List
        size="small"
        dataSource={procurement.tasks}
        locale={{ emptyText: <span className="approver-empty">{t('noTasks')}</span> }}
        renderItem={(task) => (
          <List.Item>
            <Space wrap>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              <Tag color={TASK_STATUSES[task.status]?.color}>{word(TASK_STATUSES, task.status)}</Tag>
              <span>{t('due', { day: shanghaiDay(task.dueAt) })}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
