import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { FactDialog, type Editing } from './FactDialogs';
import {
  CreditTable,
  InspectionsTable,
  ListEntriesTable,
  PenaltiesTable,
  PositionsTable,
  RatingsAndHonours,
  RelationshipsTable,
} from './FactTables';
import { day, wordOf } from './format';
import { History } from './History';
import { ORGANIZATION } from './operations';
import { FIELDS, ORGANIZATION_KINDS } from './words';

const messages = defineMessages(
  {
    back: '返回组织名录',
    profile: '基本信息',
    region: '行政区划',
    ended: '终止日期',
    editProfile: '编辑基本信息',
    people: '人员与职务',
    relationships: '关系',
    ratings: '等级与荣誉',
    inspections: '年检',
    penalties: '行政处罚',
    lists: '名录',
    credit: '信用记录',
    history: '变更历史',
    recordInspection: '记录年检结论',
    recordPenalty: '记录行政处罚',
    recordListEntry: '列入名录',
    saved: '已保存',
    failed: '读取失败（{code}）：{message}',
    details: '编号（管理员）：{id}',
  },
  {
    back: 'Back to the organisations',
    profile: 'Profile',
    region: 'Region',
    ended: 'Ended on',
    editProfile: 'Edit the profile',
    people: 'People and positions',
    relationships: 'Relationships',
    ratings: 'Grades and honours',
    inspections: 'Inspections',
    penalties: 'Penalties',
    lists: 'Lists',
    credit: 'Credit record',
    history: 'History',
    recordInspection: 'Record an inspection result',
    recordPenalty: 'Record a penalty',
    recordListEntry: 'Put on a list',
    saved: 'Saved',
    failed: 'Could not read ({code}): {message}',
    details: 'Id (admin): {id}',
  },
);

/** One organisation: its profile, its facts, and the history of changes; officers keep the facts here. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { session } = useSession();
  const { data, loading, error, refetch } = useQuery(ORGANIZATION, { variables: { id } });
  const [editing, setEditing] = useState<Editing>();
  const keeper = hasRole(session, 'FEDERATION_OFFICER', 'ADMIN');
  const admin = hasRole(session, 'ADMIN');
  const problem = hubProblem(error);
  const org = data?.organization;
  const field = (name: string) => FIELDS[name]?.[locale] ?? name;
  const onEdit = keeper ? setEditing : undefined;
  const adding = (label: string, next: Editing) =>
    keeper ? (
      <Button style={{ marginBottom: 8 }} onClick={() => setEditing(next)}>
        {label}
      </Button>
    ) : null;

  if (problem && !org)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('failed', { code: problemText(problem.code), message: problem.message })}
      />
    );
  if (!org) return <Skeleton active loading={loading} />;
  return (
    <div>
      <Link to="/registry">{t('back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
        {org.name}
      </Typography.Title>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('profile')}
          </Typography.Title>
        }
        extra={admin ? <Button onClick={() => setEditing({ kind: 'profile' })}>{t('editProfile')}</Button> : null}
        style={{ marginBottom: 16 }}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={field('name')}>{org.name}</Descriptions.Item>
          <Descriptions.Item label={field('shortName')}>{org.shortName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={field('englishName')}>{org.englishName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={field('kind')}>{wordOf(ORGANIZATION_KINDS, org.kind, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('region')}>
            {org.regionName ? `${org.regionName}（${org.regionCode}）` : org.regionCode}
          </Descriptions.Item>
          <Descriptions.Item label={field('creditCode')}>{org.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={field('registeredOn')}>{day(org.registeredOn)}</Descriptions.Item>
          <Descriptions.Item label={t('ended')}>{day(org.endedOn)}</Descriptions.Item>
        </Descriptions>
        {admin && (
          <Typography.Text type="secondary" data-details style={{ fontSize: 12 }}>
            {t('details', { id: org.id })}
          </Typography.Text>
        )}
      </Card>
      <Tabs
        items={[
          { key: 'people', label: t('people'), children: <PositionsTable organization={org} /> },
          { key: 'relationships', label: t('relationships'), children: <RelationshipsTable organization={org} /> },
          { key: 'ratings', label: t('ratings'), children: <RatingsAndHonours organization={org} /> },
          {
            key: 'inspections',
            label: t('inspections'),
            children: (
              <>
                {adding(t('recordInspection'), { kind: 'inspection' })}
                <InspectionsTable organization={org} onEdit={onEdit} />
              </>
            ),
          },
          {
            key: 'penalties',
            label: t('penalties'),
            children: (
              <>
                {adding(t('recordPenalty'), { kind: 'penalty' })}
                <PenaltiesTable organization={org} onEdit={onEdit} />
              </>
            ),
          },
          {
            key: 'lists',
            label: t('lists'),
            children: (
              <>
                {adding(t('recordListEntry'), { kind: 'listEntry' })}
                <ListEntriesTable organization={org} onEdit={onEdit} />
              </>
            ),
          },
          { key: 'credit', label: t('credit'), children: <CreditTable organization={org} onEdit={onEdit} /> },
          ...(keeper ? [{ key: 'history', label: t('history'), children: <History organizationId={org.id} /> }] : []),
        ]}
      />
      <FactDialog
        organization={org}
        editing={editing}
        onReload={() => void refetch()}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) void message.success(t('saved'));
        }}
      />
    </div>
  );
}
