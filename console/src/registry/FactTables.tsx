import { Button, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { RegistryOrganizationQuery } from '../gql/graphql';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { day, wordOf } from './format';
import type { Editing } from './FactDialogs';
import {
  CREDIT_KINDS,
  CREDIT_OUTCOMES,
  FIELDS,
  gradeWord,
  HONOUR_LEVELS,
  INSPECTION_RESULTS,
  LISTS,
  PENALTY_KINDS,
  POSITION_ROLES,
  RELATIONSHIP_TYPES,
} from './words';

type Org = RegistryOrganizationQuery['organization'];

const messages = defineMessages(
  {
    person: '人员',
    role: '职务',
    from: '起',
    to: '止',
    other: '对方组织',
    type: '关系',
    grade: '等级',
    awardedOn: '评定日期',
    validUntil: '有效至',
    status: '状态',
    inForce: '有效',
    lapsed: '已失效',
    revoked: '已撤销 {day}',
    title: '荣誉',
    level: '级别',
    year: '年度',
    actions: '操作',
    correct: '更正',
    remove: '移出',
    onList: '在列',
    removed: '已移出 {day}',
    current: '现任',
    outgoing: '→',
    incoming: '←',
  },
  {
    person: 'Person',
    role: 'Role',
    from: 'From',
    to: 'To',
    other: 'Other organisation',
    type: 'Relationship',
    grade: 'Grade',
    awardedOn: 'Awarded on',
    validUntil: 'Valid until',
    status: 'Status',
    inForce: 'In force',
    lapsed: 'Lapsed',
    revoked: 'Revoked {day}',
    title: 'Honour',
    level: 'Level',
    year: 'Year',
    actions: 'Actions',
    correct: 'Correct',
    remove: 'Take off',
    onList: 'Listed',
    removed: 'Removed {day}',
    current: 'Current',
    outgoing: '→',
    incoming: '←',
  },
);

interface Props {
  organization: Org;
  /** Set when the caller may keep the facts (FEDERATION_OFFICER, ADMIN). */
  onEdit?: (editing: Editing) => void;
}

function useLabels() {
  const { locale } = useLocale();
  return { locale, field: (name: string) => FIELDS[name]?.[locale] ?? name };
}

export function PositionsTable({ organization }: Props) {
  const t = useT(messages);
  const { locale } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.positions}
      columns={[
        { title: t('person'), key: 'person', render: (_, p) => p.person.name },
        { title: t('role'), key: 'role', render: (_, p) => wordOf(POSITION_ROLES, p.role, locale) },
        { title: t('from'), key: 'from', render: (_, p) => day(p.validFrom) },
        {
          title: t('to'),
          key: 'to',
          render: (_, p) => (p.validTo ? p.validTo : <Tag color="success">{t('current')}</Tag>),
        },
      ]}
    />
  );
}

export function RelationshipsTable({ organization }: Props) {
  const t = useT(messages);
  const { locale } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.relationships}
      columns={[
        {
          title: t('type'),
          key: 'type',
          render: (_, r) =>
            `${wordOf(RELATIONSHIP_TYPES, r.type, locale)} ${r.from.id === organization.id ? t('outgoing') : t('incoming')}`,
        },
        {
          title: t('other'),
          key: 'other',
          render: (_, r) => {
            const other = r.from.id === organization.id ? r.to : r.from;
            return <Link to={`/registry/${other.id}`}>{other.name}</Link>;
          },
        },
        { title: t('from'), key: 'from', render: (_, r) => day(r.validFrom) },
        { title: t('to'), key: 'to', render: (_, r) => day(r.validTo) },
      ]}
    />
  );
}

export function RatingsAndHonours({ organization }: Props) {
  const t = useT(messages);
  const { locale } = useLabels();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={organization.ratings}
        columns={[
          { title: t('grade'), key: 'grade', render: (_, r) => gradeWord(r.grade) },
          { title: t('awardedOn'), key: 'awardedOn', render: (_, r) => day(r.awardedOn) },
          { title: t('validUntil'), key: 'validUntil', render: (_, r) => day(r.validUntil) },
          {
            title: t('status'),
            key: 'status',
            render: (_, r) =>
              r.revokedOn ? (
                t('revoked', { day: r.revokedOn })
              ) : r.inForce ? (
                <Tag color="success">{t('inForce')}</Tag>
              ) : (
                t('lapsed')
              ),
          },
        ]}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={organization.honours}
        columns={[
          { title: t('title'), dataIndex: 'title' },
          { title: t('level'), key: 'level', render: (_, h) => wordOf(HONOUR_LEVELS, h.level, locale) },
          { title: t('year'), dataIndex: 'year' },
          { title: t('validUntil'), key: 'validUntil', render: (_, h) => day(h.validUntil) },
          {
            title: t('status'),
            key: 'status',
            render: (_, h) => (h.revokedOn ? t('revoked', { day: h.revokedOn }) : '—'),
          },
        ]}
      />
    </Space>
  );
}

export function InspectionsTable({ organization, onEdit }: Props) {
  const t = useT(messages);
  const { locale, field } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.annualInspections}
      columns={[
        { title: field('year'), dataIndex: 'year' },
        { title: field('result'), key: 'result', render: (_, i) => wordOf(INSPECTION_RESULTS, i.result, locale) },
        ...(onEdit
          ? [
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, i: Org['annualInspections'][number]) => (
                  <Button size="small" onClick={() => onEdit({ kind: 'inspection', record: i })}>
                    {t('correct')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function PenaltiesTable({ organization, onEdit }: Props) {
  const t = useT(messages);
  const { locale, field } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.penalties}
      columns={[
        { title: field('decidedOn'), key: 'decidedOn', render: (_, p) => day(p.decidedOn) },
        { title: field('authority'), dataIndex: 'authority' },
        { title: field('kind'), key: 'kind', render: (_, p) => wordOf(PENALTY_KINDS, p.kind, locale) },
        { title: field('documentNumber'), key: 'documentNumber', render: (_, p) => p.documentNumber ?? '—' },
        { title: field('description'), dataIndex: 'description' },
        { title: field('servedUntil'), key: 'servedUntil', render: (_, p) => day(p.servedUntil) },
        {
          title: t('status'),
          key: 'status',
          render: (_, p) => (p.revokedOn ? t('revoked', { day: p.revokedOn }) : '—'),
        },
        ...(onEdit
          ? [
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, p: Org['penalties'][number]) => (
                  <Button size="small" onClick={() => onEdit({ kind: 'penalty', record: p })}>
                    {t('correct')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function ListEntriesTable({ organization, onEdit }: Props) {
  const t = useT(messages);
  const { locale, field } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.listEntries}
      columns={[
        { title: field('list'), key: 'list', render: (_, e) => wordOf(LISTS, e.list, locale) },
        { title: field('listedOn'), key: 'listedOn', render: (_, e) => day(e.listedOn) },
        { title: field('reason'), key: 'reason', render: (_, e) => e.reason ?? '—' },
        {
          title: t('status'),
          key: 'status',
          render: (_, e) =>
            e.removedOn ? (
              `${t('removed', { day: e.removedOn })}${e.removalReason ? `：${e.removalReason}` : ''}`
            ) : (
              <Tag color="error">{t('onList')}</Tag>
            ),
        },
        ...(onEdit
          ? [
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, e: Org['listEntries'][number]) =>
                  e.removedOn ? null : (
                    <Button size="small" onClick={() => onEdit({ kind: 'listRemoval', record: e })}>
                      {t('remove')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function CreditTable({ organization, onEdit }: Props) {
  const t = useT(messages);
  const { locale, field } = useLabels();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={organization.creditRecord}
      columns={[
        { title: field('recordedOn'), key: 'recordedOn', render: (_, c) => day(c.recordedOn) },
        { title: field('kind'), key: 'kind', render: (_, c) => wordOf(CREDIT_KINDS, c.kind, locale) },
        { title: field('summary'), dataIndex: 'summary' },
        { title: field('source'), dataIndex: 'source' },
        { title: field('outcome'), key: 'outcome', render: (_, c) => wordOf(CREDIT_OUTCOMES, c.outcome, locale) },
        ...(onEdit
          ? [
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, c: Org['creditRecord'][number]) => (
                  <Button size="small" onClick={() => onEdit({ kind: 'credit', record: c })}>
                    {t('correct')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
