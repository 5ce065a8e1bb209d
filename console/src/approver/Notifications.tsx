import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { defineMessages, useT, useBilingual } from '../shell/i18n';
import { hubProblem, problemWord } from '../shell/errors';
import { dateTime } from './format';
import { NOTIFICATION_KINDS, useWords } from './labels';
import { MARK_ALL_NOTIFICATIONS_READ, MARK_NOTIFICATION_READ, NOTIFICATIONS } from './operations';
import { DeliveryPreferences } from './DeliveryPreferences';

const messages = defineMessages(
  {
    title: '提醒与升级',
    unread: '{count} 条未读',
    allRead: '没有未读提醒',
    markRead: '全部标为已读',
    markOne: '标为已读',
    show: '显示全部提醒',
    hide: '收起提醒',
    empty: '没有提醒',
    isNew: '未读',
    openTask: '打开任务',
    total: '共 {count} 条，显示最近 {shown} 条',
    failed: '无法读取提醒（{code}）：{message}',
  },
  {
    title: 'Reminders and escalations',
    unread: '{count} unread',
    allRead: 'No unread reminders',
    markRead: 'Mark all as read',
    markOne: 'Mark as read',
    show: 'Show all reminders',
    hide: 'Hide reminders',
    empty: 'No reminders',
    isNew: 'Unread',
    openTask: 'Open the task',
    total: '{count} in all, the latest {shown} shown',
    failed: 'Could not read the reminders ({code}): {message}',
  },
);

const SHOWN = 20;

/**
 * The reminders and escalations of my tasks, newest first, with how many are new to me. The hub
 * keeps the read marks per person, so they follow me from one browser to another.
 */
export function Notifications() {
  const t = useT(messages);
  const text = useBilingual();
  const word = useWords();
  const [open, setOpen] = useState(false);
  const { data, error } = useQuery(NOTIFICATIONS, { variables: { first: SHOWN } });
  const refetch = { refetchQueries: [NOTIFICATIONS] };
  const [markOne] = useMutation(MARK_NOTIFICATION_READ, refetch);
  const [markAll] = useMutation(MARK_ALL_NOTIFICATIONS_READ, refetch);
  const problem = hubProblem(error);
  const items = data?.myNotifications.edges.map((edge) => edge.node) ?? [];
  const unread = data?.myUnreadNotificationCount ?? 0;

  function markRead() {
    void markAll().catch(() => undefined); // a failure shows as the count staying
  }

  return (
    <Card
      size="small"
      styles={open || problem ? undefined : { body: { display: 'none' } }}
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Badge count={unread} aria-hidden />
          <span data-testid="unread-count">{unread ? t('unread', { count: unread }) : t('allRead')}</span>
        </Space>
      }
      extra={
        <Space>
          {unread > 0 && (
            <Button size="small" onClick={markRead}>
              {t('markRead')}
            </Button>
          )}
          <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('hide') : t('show')}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
      {open && (
        <List
          size="small"
          locale={{ emptyText: <span className="approver-empty">{t('empty')}</span> }}
          dataSource={items}
          footer={
            data && data.myNotifications.totalCount > items.length
              ? t('total', { count: data.myNotifications.totalCount, shown: items.length })
              : undefined
          }
          renderItem={(item) => (
            <List.Item
              actions={[
                ...(item.read
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={() => void markOne({ variables: { id: item.id } }).catch(() => undefined)}
                      >
                        {t('markOne')}
                      </Button>,
                    ]),
                ...(item.taskId
                  ? [
                      <Link key="open" to={`/tasks/${item.taskId}`}>
                        {t('openTask')}
                      </Link>,
                    ]
                  : []),
              ]}
            >
              <Space wrap>
                {!item.read && <Tag color="red">{t('isNew')}</Tag>}
                <Tag color={NOTIFICATION_KINDS[item.kind]?.color}>{word(NOTIFICATION_KINDS, item.kind)}</Tag>
                <span lang="zh-CN">{item.message}</span>
                <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
              </Space>
            </List.Item>
          )}
        />
      )}
      {open && <DeliveryPreferences />}
    </Card>
  );
}
