import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AdminNotificationDeliveriesQuery, DeliveryStatus } from '../../gql/graphql';
import { hubProblem, useProblemWord } from '../../shell/errors';
import { useT } from '../../shell/i18n';
import { dateTime } from '../../approver/format';
import { EmptyText } from '../common/EmptyText';
import { Problem } from '../common/Problem';
import { ChannelsForm } from './ChannelsForm';
import { Deliveries, RetryDelivery } from './operations';
import { messages } from './messages';

type Delivery = AdminNotificationDeliveriesQuery['notificationDeliveries']['edges'][number]['node'];

const STATUSES: DeliveryStatus[] = ['FAILED', 'RETRYING', 'PENDING', 'SENT'];
const COLORS: Record<string, string> = { PENDING: 'default', RETRYING: 'warning', FAILED: 'error', SENT: 'success' };
const PAGE = 20;

/** /console/deliveries: the Federation's email and DingTalk channels and its outbox. */
export function DeliveriesPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DeliveryStatus | 'ALL'>('ALL');
  const variables = { status: status === 'ALL' ? undefined : status, first: PAGE };
  const deliveries = useQuery(Deliveries, { variables, pollInterval: 10_000 });
  const [retry] = useMutation(RetryDelivery, { refetchQueries: [Deliveries] });
  const page = deliveries.data?.notificationDeliveries;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  const word = (key: string) => (key in COLORS || key === 'EMAIL' || key === 'DINGTALK' ? t(key as never) : key);

  async function retryNow(delivery: Delivery) {
    try {
      await retry({ variables: { id: delivery.id } });
      void message.success(t('retried'));
    } catch (error) {
      const problem = hubProblem(error);
      void message.error(problem ? `${problemText(problem.code)}：${problem.message}` : String(error));
    }
  }

  const columns = [
    {
      title: t('status'),
      key: 'status',
      render: (d: Delivery) => <Tag color={COLORS[d.status]}>{word(d.status)}</Tag>,
    },
    { title: t('channel'), key: 'channel', render: (d: Delivery) => word(d.channel) },
    { title: t('recipient'), key: 'recipient', render: (d: Delivery) => d.address ?? t('group') },
    { title: t('message'), key: 'message', render: (d: Delivery) => <span lang="zh-CN">{d.message}</span> },
    { title: t('attempts'), key: 'attempts', render: (d: Delivery) => d.attempts },
    {
      title: t('lastError'),
      key: 'lastError',
      render: (d: Delivery) => (d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : '—'),
    },
    {
      title: t('times'),
      key: 'times',
      render: (d: Delivery) => (
        <Space direction="vertical" size={0}>
          <span>{t('createdAt', { at: dateTime(d.createdAt) })}</span>
          {d.sentAt && <span>{t('sentAt', { at: dateTime(d.sentAt) })}</span>}
          {d.nextAttemptAt && d.status !== 'SENT' && (
            <span>{t('nextAttemptAt', { at: dateTime(d.nextAttemptAt) })}</span>
          )}
        </Space>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (d: Delivery) =>
        d.status === 'FAILED' || d.status === 'RETRYING' ? (
          <Button size="small" onClick={() => void retryNow(d)} aria-label={`${t('retry')}: ${d.message}`}>
            {t('retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <ChannelsForm />
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('outbox')}
          </Typography.Title>
        }
        extra={page ? t('total', { count: page.totalCount }) : undefined}
      >
        <Problem error={deliveries.error} />
        <Segmented<DeliveryStatus | 'ALL'>
          aria-label={t('status')}
          value={status}
          onChange={setStatus}
          options={[{ value: 'ALL', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: word(s) }))]}
          style={{ marginBottom: 12 }}
        />
        <Table<Delivery>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={deliveries.loading}
          pagination={false}
          size="small"
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          scroll={{ x: 'max-content' }}
        />
        {page?.pageInfo.hasNextPage && (
          <Button
            style={{ marginTop: 12 }}
            onClick={() =>
              void deliveries.fetchMore({
                variables: { ...variables, after: page.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  notificationDeliveries: {
                    ...fetchMoreResult.notificationDeliveries,
                    edges: [...previous.notificationDeliveries.edges, ...fetchMoreResult.notificationDeliveries.edges],
                  },
                }),
              })
            }
          >
            {t('more')}
          </Button>
        )}
      </Card>
    </>
  );
}
