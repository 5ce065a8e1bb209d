import { Card, Col, Row, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { defineMessages, useLocale, useT } from '../../shell/i18n';
import { BarChart } from '../common/BarChart';
import { wordFor, useCatalogWords } from '../common/words';
import { UNDERLINED } from '../common/format';

const messages = defineMessages(
  {
    title: '政府购买服务',
    total: '共 {count} 个采购项目',
    stage: '阶段',
    count: '项目数',
    runs: '运行',
    seeRuns: '查看{stage}阶段的运行',
    chart: '各阶段的采购项目数',
    all: '查看全部采购运行',
  },
  {
    title: 'Service procurement',
    total: '{count} procurements',
    stage: 'Stage',
    count: 'Procurements',
    runs: 'Runs',
    seeRuns: 'See the runs at {stage}',
    chart: 'Procurements per stage',
    all: 'See every procurement run',
  },
);

/** Procurements counted per stage: a table with links to the runs, and the same numbers as bars. */
export function ProcurementStages({
  loading,
  total,
  stages,
}: {
  loading: boolean;
  total?: number;
  stages: [string, number][];
}) {
  const t = useT(messages);
  const { locale } = useLocale();
  const words = useCatalogWords();
  const rows = stages.map(([stage, count]) => ({ stage, count, label: wordFor(words.stages, stage, locale) }));
  const shown = rows.filter((row) => row.count > 0);
  return (
    <section aria-labelledby="overview-procurements" style={{ marginBottom: 24 }}>
      <Card
        title={
          <Typography.Title level={2} id="overview-procurements" style={{ fontSize: 18, margin: 0 }}>
            {t('title')}
          </Typography.Title>
        }
        loading={loading}
      >
        <Typography.Paragraph>
          <strong>{t('total', { count: total ?? 0 })}</strong> ·{' '}
          <Link to="/runs?processType=PROCUREMENT" style={UNDERLINED}>
            {t('all')}
          </Link>
        </Typography.Paragraph>
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Table
              rowKey="stage"
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: t('stage'), key: 'stage', render: (row: (typeof rows)[number]) => row.label },
                {
                  title: t('count'),
                  key: 'count',
                  align: 'right' as const,
                  render: (row: (typeof rows)[number]) => row.count,
                },
                {
                  title: t('runs'),
                  key: 'runs',
                  render: (row: (typeof rows)[number]) => (
                    <Link
                      to={`/runs?processType=PROCUREMENT&stage=${row.stage}`}
                      aria-label={t('seeRuns', { stage: row.label })}
                    >
                      {t('runs')}
                    </Link>
                  ),
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={12}>
            <BarChart title={t('chart')} bars={shown.map((row) => ({ label: row.label, value: row.count }))} />
          </Col>
        </Row>
      </Card>
    </section>
  );
}
