import { graphql } from '../gql';

// What the evaluation pages ask of the hub (typed by GraphQL Code Generator).

export const CAMPAIGNS = graphql(`
  query EvaluationCampaigns {
    evaluationCampaigns {
      id
      year
      track
      stage
      startedAt
      eligibleCount
      ineligibleCount
      stageCounts {
        stage
        count
      }
    }
  }
`);

export const START_CAMPAIGN = graphql(`
  mutation StartEvaluationCampaign($year: Int!, $track: EvaluationTrack!, $params: JSONObject) {
    startEvaluationCampaign(year: $year, track: $track, params: $params) {
      id
      stage
    }
  }
`);

export const CHAMBER_EVALUATIONS = graphql(`
  query ChamberEvaluations($id: ID!) {
    organization(id: $id) {
      id
      name
      evaluations {
        id
        campaignId
        stage
        updatedAt
        total
        grade
        reviewerScores
        objections
      }
      openTasks(first: 50) {
        edges {
          node {
            id
            title
            kind
            status
            dueAt
            processType
          }
        }
      }
    }
    evaluationCampaigns {
      id
      year
      track
    }
  }
`);

export const LODGE_OBJECTION = graphql(`
  mutation LodgeEvaluationObjection($id: ID!, $reason: String!) {
    lodgeObjection(applicationId: $id, reason: $reason) {
      id
      stage
      objections
    }
  }
`);
