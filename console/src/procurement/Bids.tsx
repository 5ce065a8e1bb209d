import { Card, List, Table, Tag, Typography } from 'antd';
import { defineMessages, useT } from '../shell/i18n';
import { useWords } from '../shell/words';
import { shanghaiMinute, yuan } from './dates';
import type { Detail } from './detail';
import { OrganizationName, PersonName } from './Names';
import { BID_STATUSES } from './words';
import './procurement.css';

const messages = defineMessages(
  {
    heading: '投标、资格审查与排名',
    bidder: '投标单位',
    price: '报价',
    status: '状态',
    reasons: '资格审查意见',
    technical: '技术分（平均）',
    scoredBy: '{n} 人已评',
    priceScore: '价格分',
    total: '综合得分',
    rank: '排名',
    version: '第 {n} 版',
    submittedAt: '提交时间（北京时间）',
    none: '还看不到投标：投标截止前各单位只能看到自己的投标，公示后全部公开',
    recusals: '回避',
    recusal: '{person} 回避 {organization}：{reason}',
  },
  {
    heading: 'Bids, screening and ranking',
    bidder: 'Bidder',
    price: 'Price',
    status: 'Status',
    reasons: 'Screening',
    technical: 'Technical (mean)',
    scoredBy: 'by {n}',
    priceScore: 'Price score',
    total: 'Total',
    rank: 'Rank',
    version: 'version {n}',
    submittedAt: 'Submitted (Beijing time)',
    none: 'No bid to show yet: bids are sealed (each bidder sees its own) until the award is public',
    recusals: 'Stepped aside',
    recusal: '{person} stepped aside for {organization}: {reason}',
  },
);

type Bid = Detail['bids'][number];

const byRank = (a: Bid, b: Bid) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.priceFen - b.priceFen;

/** The bids the caller may see, with the screening's reasons, the committee's scores and the ranking. */
export function Bids({ procurement }: { procurement: Detail }) {
  const t = useT(messages);
  const word = useWords();
  const bids = procurement.bids.filter((bid) => bid.round === procurement.round).sort(byRank);
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
      <Table<Bid>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={bids}
        scroll={{ x: true }}
        data-testid="procurement-bids"
        locale={{ emptyText: <span className="approver-empty">{t('none')}</span> }}
        columns={[
          { key: 'rank', title: t('rank'), render: (_, bid) => bid.rank ?? '' },
          {
            key: 'bidder',
            title: t('bidder'),
            render: (_, bid) => (
              <>
                {bid.organization.name}
                {bid.version > 1 && <div>{t('version', { n: bid.version })}</div>}
              </>
            ),
          },
          { key: 'price', title: t('price'), align: 'right', render: (_, bid) => yuan(bid.priceFen) },
          {
            key: 'status',
            title: t('status'),
            render: (_, bid) => <Tag color={BID_STATUSES[bid.status]?.color}>{word(BID_STATUSES, bid.status)}</Tag>,
          },
          {
            key: 'reasons',
            title: t('reasons'),
            render: (_, bid) =>
              bid.reasons.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {bid.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : null,
          },
          {
            key: 'technical',
            title: t('technical'),
            align: 'right',
            render: (_, bid) =>
              bid.technicalScore == null ? '' : `${bid.technicalScore}（${t('scoredBy', { n: bid.scoredBy })}）`,
          },
          { key: 'priceScore', title: t('priceScore'), align: 'right', render: (_, bid) => bid.priceScore ?? '' },
          { key: 'total', title: t('total'), align: 'right', render: (_, bid) => bid.total ?? '' },
          {
            key: 'submittedAt',
            title: t('submittedAt'),
            render: (_, bid) => <span className="procurement-nowrap">{shanghaiMinute(bid.submittedAt)}</span>,
          },
        ]}
      />
      {procurement.recusals.length > 0 && (
        <List
          size="small"
          header={<strong>{t('recusals')}</strong>}
          dataSource={procurement.recusals}
          renderItem={(r) => (
            <List.Item>
              {t('recusal', { person: '{person}', organization: '{organization}', reason: r.reason })
                .split(/(\{person\}|\{organization\})/)
                .map((part, i) =>
                  part === '{person}' ? (
                    <PersonName key={i} id={r.personId} />
                  ) : part === '{organization}' ? (
                    <OrganizationName key={i} id={r.organizationId} />
                  ) : (
                    <span key={i}>{part}</span>
                  ),
                )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
