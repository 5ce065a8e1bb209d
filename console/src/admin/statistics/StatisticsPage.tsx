import { useQuery } from '@apollo/client/react';
import { Card, Form, InputNumber, Skeleton, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { AdminStatisticsQuery } from '../../gql/graphql';
import { useBilingual, useT } from '../../shell/i18n';
import { ACTIVITY_KIND_WORDS } from './activity-kinds';
import { Problem } from '../common/Problem';
import { ChartedTable } from './ChartedTable';
import { messages } from './messages';
import { Statistics } from './query';

type Stats = AdminStatisticsQuery['statistics'];
type Key = keyof (typeof messages)['zh'];

const DEFAULT_YEAR = 2019; // the seed is the report's year
const gradeLabel = (grade: string) => `${grade.slice(1)}A`;
const wan = (fen: number) => Math.round(fen / 10_000) / 100; // fen → 万元 (1万元 = 1,000,000 fen), two decimals
const CHART_ROWS = 10;

function figures(
  s: Stats,
  t: (key: Key, values?: Record<string, string | number>) => string,
): { key: string; label: string; value: string }[] {
  const m = s.mediation;
  const rows: [Key, string | number, string?][] = [
    ['fourGood', s.fourGoodChambers.total],
    ['ratings', s.ratings.atLeast3A],
    ['bankPairings', s.bankPairings],
    ['loans', t('loansValue', { count: s.redLaunchLoans.count, total: s.redLaunchLoans.total.formatted })],
    ['liaisonVisits', s.liaisonVisits],
    ['rewardFund', s.rewardFund.total.formatted],
    ['rewardIncrease', s.rewardFund.increase.formatted],
    ['rewardGrants', t('rewardGrantsValue', { grants: s.rewardFund.grants, granted: s.rewardFund.granted.formatted })],
    [
      'specialSessions',
      s.governmentChamberCommunication.specialSessions,
      t('specialSessions', { resolved: s.governmentChamberCommunication.specialSessionIssuesResolved }),
    ],
    [
      'rotatingEvents',
      s.governmentChamberCommunication.rotatingEvents,
      t('rotatingEvents', { resolved: s.governmentChamberCommunication.rotatingEventProblemsResolved }),
    ],
    ['jointMeetings', s.interconnection.jointMeetings],
    ['groupActivities', s.interconnection.groupActivities],
    ['fairs', s.investment.fairs],
    ['matchmakings', s.investment.matchmakings],
    ['projects', s.investment.projects, t('projects', { total: s.investment.total.formatted })],
    ['pairedVillages', s.assistance.pairedVillages],
    ['assistanceProjects', s.assistance.projects],
    ['mediationCommittees', m.committees],
    ['mediators', m.mediators],
    ['cases', m.cases, t('cases', { settled: m.casesSettled })],
    [
      'counsel',
      t('counselValue', {
        with: m.chambersWithLegalCounsel,
        all: m.chambers,
        percent: `${Math.round(m.legalCounselCoverage * 100)}%`,
      }),
    ],
    ['charitySpending', s.charity.spending.formatted, t('charitySpending', { year: s.charity.year })],
  ];
  return rows.map(([key, value, label]) => ({
    key,
    label: label ?? t(key),
    value: typeof value === 'number' ? value.toLocaleString() : value,
  }));
}

/** /console/statistics: the registry's report figures for a year, as tables and bars. */
export function StatisticsPage() {
  const t = useT(messages);
  const text = useBilingual();
  const kindWord = (kind: string) => (ACTIVITY_KIND_WORDS[kind] ? text(ACTIVITY_KIND_WORDS[kind]) : kind);
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || DEFAULT_YEAR;
  const stats = useQuery(Statistics, { variables: { asOf: `${year}-12-31` } });
  const s = stats.data?.statistics;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('year')} htmlFor="statistics-year">
          <InputNumber
            id="statistics-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setSearch({ year: String(value) })}
          />
        </Form.Item>
        {s && (
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {t('asOf', { asOf: s.asOf })}
          </Typography.Text>
        )}
      </Form>
      <Problem error={stats.error} />
      {!s && stats.loading && <Skeleton active />}
      {s && (
        <>
          <section aria-labelledby="statistics-figures" style={{ marginBottom: 16 }}>
            <Card
              title={
                <Typography.Title level={2} id="statistics-figures" style={{ fontSize: 16, margin: 0 }}>
                  {t('figures')}
                </Typography.Title>
              }
            >
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={figures(s, t)}
                columns={[
                  { title: t('figure'), dataIndex: 'label' },
                  { title: t('value'), dataIndex: 'value', align: 'right' },
                ]}
              />
            </Card>
          </section>
          <ChartedTable
            title={t('byLevel')}
            chartTitle={t('byLevel')}
            rows={s.fourGoodChambers.byLevel}
            rowKey="level"
            columns={[
              {
                title: t('level'),
                key: 'level',
                render: (row: Stats['fourGoodChambers']['byLevel'][number]) => t(row.level),
              },
              { title: t('count'), dataIndex: 'count', align: 'right' },
            ]}
            bars={s.fourGoodChambers.byLevel.map((row) => ({ label: t(row.level), value: row.count }))}
          />
          <ChartedTable
            title={t('byGrade')}
            chartTitle={t('byGrade')}
            rows={[...s.ratings.byGrade].sort((a, b) => b.grade.localeCompare(a.grade))}
            rowKey="grade"
            columns={[
              {
                title: t('grade'),
                key: 'grade',
                render: (row: Stats['ratings']['byGrade'][number]) => gradeLabel(row.grade),
              },
              { title: t('count'), dataIndex: 'count', align: 'right' },
            ]}
            bars={[...s.ratings.byGrade]
              .sort((a, b) => b.grade.localeCompare(a.grade))
              .map((row) => ({ label: gradeLabel(row.grade), value: row.count }))}
          />
          <ChartedTable
            title={t('platforms')}
            chartTitle={t('platformChart')}
            rows={s.platformActivities.map((row) => ({ ...row, key: `${row.platform}/${row.kind}` }))}
            rowKey="key"
            columns={[
              {
                title: t('platform'),
                key: 'platform',
                render: (row: Stats['platformActivities'][number]) => t(row.platform),
              },
              {
                title: t('kind'),
                key: 'kind',
                render: (row: Stats['platformActivities'][number]) => kindWord(row.kind),
              },
              { title: t('count'), dataIndex: 'count', align: 'right' },
              { title: t('participants'), dataIndex: 'participants', align: 'right' },
            ]}
            bars={s.platformActivities.map((row) => ({
              label: `${t(row.platform)} · ${kindWord(row.kind)}`,
              value: row.count,
            }))}
          />
          <ChartedTable
            title={t('charity')}
            chartTitle={t('charityChart', { year: s.charity.year })}
            rows={s.charity.byOrganization}
            rowKey="organizationId"
            columns={[
              {
                title: t('organization'),
                key: 'organization',
                render: (row: Stats['charity']['byOrganization'][number]) => row.organization.name,
              },
              {
                title: t('raised'),
                key: 'raised',
                align: 'right',
                render: (row: Stats['charity']['byOrganization'][number]) => row.raised.formatted,
              },
              {
                title: t('givenInYear', { year: s.charity.year }),
                key: 'given',
                align: 'right',
                render: (row: Stats['charity']['byOrganization'][number]) => row.givenInYear.formatted,
              },
              { title: t('events'), dataIndex: 'events', align: 'right' },
              { title: t('beneficiaries'), dataIndex: 'beneficiaries', align: 'right' },
            ]}
            bars={[...s.charity.byOrganization]
              .sort((a, b) => b.givenInYear.fen - a.givenInYear.fen)
              .slice(0, CHART_ROWS)
              .map((row) => ({ label: row.organization.name, value: wan(row.givenInYear.fen) }))}
          />
        </>
      )}
    </>
  );
}
