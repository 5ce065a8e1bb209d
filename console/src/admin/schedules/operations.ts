import { graphql } from '../../gql';

export const Schedules = graphql(`
  query AdminSchedules {
    schedules {
      id
      workflowType
      paused
      note
      nextRuns
      recentRuns
    }
    evaluationSchedules {
      id
      track
      paused
      note
      nextRuns
    }
  }
`);

export const PauseSchedule = graphql(`
  mutation AdminPauseSchedule($id: ID!, $note: String!) {
    pauseSchedule(id: $id, note: $note) {
      id
      paused
      note
      audit {
        id
        action
        outcome
        reason
      }
    }
  }
`);

export const ResumeSchedule = graphql(`
  mutation AdminResumeSchedule($id: ID!, $reason: String!) {
    resumeSchedule(id: $id, reason: $reason) {
      id
      paused
      note
      audit {
        id
        action
        outcome
        reason
      }
    }
  }
`);

export const TriggerSchedule = graphql(`
  mutation AdminTriggerSchedule($id: ID!, $reason: String!) {
    triggerSchedule(id: $id, reason: $reason) {
      id
      recentRuns
      audit {
        id
        action
        outcome
        reason
      }
    }
  }
`);

export const BackfillSchedule = graphql(`
  mutation AdminBackfillSchedule($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $reason: String!) {
    backfillSchedule(id: $id, from: $from, to: $to, reason: $reason) {
      id
      recentRuns
      audit {
        id
        action
        outcome
        reason
      }
    }
  }
`);

export const PauseEvaluationSchedule = graphql(`
  mutation AdminPauseEvaluationSchedule($track: EvaluationTrack!, $note: String!) {
    pauseEvaluationSchedule(track: $track, note: $note) {
      id
      paused
      note
    }
  }
`);

export const ResumeEvaluationSchedule = graphql(`
  mutation AdminResumeEvaluationSchedule($track: EvaluationTrack!) {
    resumeEvaluationSchedule(track: $track) {
      id
      paused
      note
    }
  }
`);

export const BackfillEvaluationCampaigns = graphql(`
  mutation AdminBackfillEvaluationCampaigns($track: EvaluationTrack!, $fromYear: Int!, $toYear: Int!) {
    backfillEvaluationCampaigns(track: $track, fromYear: $fromYear, toYear: $toYear) {
      id
      year
      stage
    }
  }
`);
