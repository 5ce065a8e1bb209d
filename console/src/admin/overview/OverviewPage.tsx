import { useQuery } from '@apollo/client/react';
import { Col, Row, Typography } from 'antd';
import { graphql } from '../../gql';
import { defineMessages, useT } from '../../shell/i18n';
import { Problem } from '../common/Problem';
import { CampaignCard } from './CampaignCard';
import { ProcurementStages } from './ProcurementStages';

// Procurements have no counts per stage of their own: one page of one per stage gives its
// totalCount (14 aliases, far below the gateway's alias and cost limits).
const Overview = graphql(`
  query AdminOverview {
    evaluationCampaigns {
      id
      year
      track
      stage
      workflowId
      startedAt
      eligibleCount
      ineligibleCount
      stageCounts {
        stage
        count
      }
    }
    all: procurements(first: 1) {
      totalCount
    }
    bidding: procurements(stage: "BIDDING", first: 1) {
      totalCount
    }
    screening: procurements(stage: "SCREENING", first: 1) {
      totalCount
    }
    scoring: procurements(stage: "SCORING", first: 1) {
      totalCount
    }
    awardApproval: procurements(stage: "AWARD_APPROVAL", first: 1) {
      totalCount
    }
    notice: procurements(stage: "NOTICE", first: 1) {
      totalCount
    }
    objectionReview: procurements(stage: "OBJECTION_REVIEW", first: 1) {
      totalCount
    }
    failed: procurements(stage: "FAILED", first: 1) {
      totalCount
    }
    contracting: procurements(stage: "CONTRACTING", first: 1) {
      totalCount
    }
    performing: procurements(stage: "PERFORMING", first: 1) {
      totalCount
    }
    performanceReview: procurements(stage: "PERFORMANCE_REVIEW", first: 1) {
      totalCount
    }
    completed: procurements(stage: "COMPLETED", first: 1) {
      totalCount
    }
    terminated: procurements(stage: "TERMINATED", first: 1) {
      totalCount
    }
    closed: procurements(stage: "CLOSED", first: 1) {
      totalCount
    }
    cancelled: procurements(stage: "CANCELLED", first: 1) {
      totalCount
    }
  }
`);

const messages = defineMessages(
  {
    title: '活动总览',
    intro: '各年度评价活动和政府购买服务项目走到了哪一步；点数字可在“流程运行”中查看对应的运行。',
    campaigns: '年度评价活动',
    noCampaigns: '还没有评价活动',
  },
  {
    title: 'Overview',
    intro: 'Where the evaluation campaigns and the service procurements stand; each number links to its runs.',
    campaigns: 'Evaluation campaigns',
    noCampaigns: 'No evaluation campaign yet',
  },
);

/** /console/overview: campaigns and procurements counted by stage, with links to their runs. */
export function OverviewPage() {
  const t = useT(messages);
  const overview = useQuery(Overview);
  const data = overview.data;
  const stages: [string, number][] = data
    ? [
        ['BIDDING', data.bidding.totalCount],
        ['SCREENING', data.screening.totalCount],
        ['SCORING', data.scoring.totalCount],
        ['AWARD_APPROVAL', data.awardApproval.totalCount],
        ['NOTICE', data.notice.totalCount],
        ['OBJECTION_REVIEW', data.objectionReview.totalCount],
        ['FAILED', data.failed.totalCount],
        ['CONTRACTING', data.contracting.totalCount],
        ['PERFORMING', data.performing.totalCount],
        ['PERFORMANCE_REVIEW', data.performanceReview.totalCount],
        ['COMPLETED', data.completed.totalCount],
        ['TERMINATED', data.terminated.totalCount],
        ['CLOSED', data.closed.totalCount],
        ['CANCELLED', data.cancelled.totalCount],
      ]
    : [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Problem error={overview.error} />
      <ProcurementStages loading={overview.loading && !data} total={data?.all.totalCount} stages={stages} />
      <section aria-labelledby="overview-campaigns">
        <Typography.Title level={2} id="overview-campaigns" style={{ fontSize: 18 }}>
          {t('campaigns')}
        </Typography.Title>
        {data && data.evaluationCampaigns.length === 0 && (
          <Typography.Paragraph type="secondary">{t('noCampaigns')}</Typography.Paragraph>
        )}
        <Row gutter={[16, 16]}>
          {data?.evaluationCampaigns.map((campaign) => (
            <Col key={campaign.id} xs={24} xl={12}>
              <CampaignCard campaign={campaign} />
            </Col>
          ))}
        </Row>
      </section>
    </>
  );
}
