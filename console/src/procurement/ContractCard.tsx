import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { defineMessages, useT } from '../shell/i18n';
import { useWords } from '../shell/words';
import { shanghaiDay, yuan } from './dates';
import type { Detail } from './detail';
import { MILESTONE_STATUSES, PERFORMANCE_OUTCOMES } from './words';

const messages = defineMessages(
  {
    heading: '合同、履约与支付',
    provider: '承接单位',
    price: '合同金额',
    term: '服务期限',
    termText: '{from} 至 {to}',
    recurring: '经常性服务',
    yes: '是',
    no: '否',
    paid: '已支付',
    milestones: '履约节点与验收',
    no_: '期次',
    deliverable: '交付内容',
    due: '期限',
    dueMoved: '{due}（原定 {original}）',
    share: '比例',
    amount: '金额',
    status: '状态',
    rejections: '验收意见',
    payments: '支付记录',
    paidAt: '支付日期',
    milestone: '第 {n} 期',
    performance: '履约评价',
    score: '综合评分',
    outcome: '评价结果',
    reviewers: '{n} / 3 位评价人已评分',
    noPayments: '尚未支付',
  },
  {
    heading: 'Contract, delivery and payments',
    provider: 'Provider',
    price: 'Contract price',
    term: 'Term',
    termText: '{from} to {to}',
    recurring: 'Recurring service',
    yes: 'yes',
    no: 'no',
    paid: 'Paid',
    milestones: 'Milestones and acceptance',
    no_: 'No.',
    deliverable: 'Deliverable',
    due: 'Due',
    dueMoved: '{due} (was {original})',
    share: 'Share',
    amount: 'Amount',
    status: 'Status',
    rejections: 'Acceptance notes',
    payments: 'Payments',
    paidAt: 'Paid on',
    milestone: 'milestone {n}',
    performance: 'Performance review',
    score: 'Score',
    outcome: 'Outcome',
    reviewers: '{n} of 3 reviewers have scored',
    noPayments: 'Nothing paid yet',
  },
);

type Contract = NonNullable<Detail['contract']>;

/** The signed contract: its milestones as accepted or rejected, the payments, the performance review. */
export function ContractCard({ procurement }: { procurement: Detail }) {
  const t = useT(messages);
  const word = useWords();
  const contract = procurement.contract;
  if (!contract) return null;
  const heading = (text: string) => (
    <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
      {text}
    </Typography.Title>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('heading')}
        </Typography.Title>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'provider', label: t('provider'), children: contract.provider.name },
          { key: 'price', label: t('price'), children: yuan(contract.priceFen) },
          {
            key: 'term',
            label: t('term'),
            children: t('termText', { from: contract.startsOn, to: contract.endsOn }),
          },
          { key: 'recurring', label: t('recurring'), children: contract.recurring ? t('yes') : t('no') },
          { key: 'paid', label: t('paid'), children: yuan(contract.paidFen) },
        ]}
      />
      {heading(t('milestones'))}
      <Table<Contract['milestones'][number]>
        rowKey="no"
        size="small"
        pagination={false}
        dataSource={contract.milestones}
        scroll={{ x: true }}
        columns={[
          { key: 'no', title: t('no_'), dataIndex: 'no' },
          { key: 'deliverable', title: t('deliverable'), dataIndex: 'deliverable' },
          {
            key: 'due',
            title: t('due'),
            render: (_, m) =>
              m.currentDueOn === m.dueOn ? m.dueOn : t('dueMoved', { due: m.currentDueOn, original: m.dueOn }),
          },
          { key: 'share', title: t('share'), align: 'right', render: (_, m) => `${m.sharePercent}%` },
          { key: 'amount', title: t('amount'), align: 'right', render: (_, m) => yuan(m.amountFen) },
          {
            key: 'status',
            title: t('status'),
            render: (_, m) => (
              <Tag color={MILESTONE_STATUSES[m.status]?.color}>{word(MILESTONE_STATUSES, m.status)}</Tag>
            ),
          },
          { key: 'rejections', title: t('rejections'), render: (_, m) => m.rejections.join('；') },
        ]}
      />
      {heading(t('payments'))}
      <Table<Contract['payments'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={contract.payments}
        locale={{ emptyText: <span className="approver-empty">{t('noPayments')}</span> }}
        columns={[
          { key: 'milestone', title: t('no_'), render: (_, p) => t('milestone', { n: p.milestoneNo }) },
          { key: 'amount', title: t('amount'), align: 'right', render: (_, p) => yuan(p.amountFen) },
          { key: 'paidAt', title: t('paidAt'), render: (_, p) => shanghaiDay(p.paidAt) },
        ]}
      />
      {contract.performance && (
        <>
          {heading(t('performance'))}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'score', label: t('score'), children: contract.performance.score ?? '' },
              {
                key: 'outcome',
                label: t('outcome'),
                children: contract.performance.outcome ? (
                  <Tag color={PERFORMANCE_OUTCOMES[contract.performance.outcome]?.color}>
                    {word(PERFORMANCE_OUTCOMES, contract.performance.outcome)}
                  </Tag>
                ) : (
                  ''
                ),
              },
              {
                key: 'reviewers',
                label: t('reviewers', { n: contract.performance.reviewers }),
                children: '',
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
