import { graphql } from '../gql';

// The approvers' operations, typed by `npm run console:codegen` from schema/api.graphql.
// Operation names start with "Approver" so they never clash with the other parts' documents.

export const INBOX = graphql(`
  query ApproverInbox(
    $first: Int!
    $after: String
    $status: TaskStatus
    $anyStatus: Boolean
    $processType: ProcessType
    $kind: String
    $organizationId: ID
    $assigned: TaskAssignment
    $dueBefore: DateTimeISO
    $orderBy: TaskOrder
  ) {
    myTasks(
      first: $first
      after: $after
      status: $status
      anyStatus: $anyStatus
      processType: $processType
      kind: $kind
      organizationId: $organizationId
      assigned: $assigned
      dueBefore: $dueBefore
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          summary
          processType
          kind
          status
          priority
          dueAt
          escalated
          assignee
          delegatedTo
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

export const NOTIFICATIONS = graphql(`
  query ApproverNotifications($first: Int!) {
    myUnreadNotificationCount
    myNotifications(first: $first) {
      totalCount
      edges {
        node {
          id
          taskId
          processId
          kind
          message
          createdAt
          read
        }
      }
    }
  }
`);

export const MARK_NOTIFICATION_READ = graphql(`
  mutation ApproverMarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
    }
  }
`);

export const MARK_ALL_NOTIFICATIONS_READ = graphql(`
  mutation ApproverMarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const NOTIFICATION_PREFERENCES = graphql(`
  query ApproverNotificationPreferences {
    myNotificationPreferences {
      email
      dingTalk
    }
  }
`);

export const SET_NOTIFICATION_PREFERENCES = graphql(`
  mutation ApproverSetNotificationPreferences($email: String, $dingTalk: Boolean!) {
    setMyNotificationPreferences(email: $email, dingTalk: $dingTalk) {
      email
      dingTalk
    }
  }
`);

export const ORGANIZATION_CHOICES = graphql(`
  query ApproverOrganizationChoices($nameContains: String) {
    organizations(first: 20, filter: { nameContains: $nameContains }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const TASK = graphql(`
  query ApproverTask($id: ID!) {
    task(id: $id) {
      id
      title
      summary
      processType
      kind
      status
      priority
      dueAt
      followUpAt
      escalated
      createdAt
      completedAt
      assignee
      delegatedTo
      decision
      comment
      decidedBy
      decisionValues
      processId
      organization {
        id
        name
      }
      candidates {
        role
        organizationId
        subject
      }
      form {
        outcomes
        fields {
          name
          label
          type
          required
          min
          max
          maxLength
          options
          forOutcomes
        }
      }
      comments {
        id
        author
        body
        createdAt
      }
      process {
        __typename
        id
        stage
        processType
        ... on TrainingEnrollment {
          personName
          enrollmentStatus: status
          requestedAt
          course {
            id
            title
            startsOn
            days
          }
          tasks {
            id
            kind
            status
            decision
            decidedBy
            comment
            completedAt
          }
        }
        ... on EvaluationApplication {
          campaignId
          organizationName
          applicationStatus: status
          reviewerCount
          total
          grade
          updatedAt
        }
        ... on EvaluationCandidacy {
          campaignId
          organizationName
          rank
          of
          score: total
          candidateGrade: grade
          reasons
          upperFederationName
          reason
        }
        ... on Procurement {
          title
          agencyName
          categoryName
          budgetFen
          method
          round
          closesAt
          tasks {
            id
            kind
            status
            decision
            decidedBy
            comment
            completedAt
          }
        }
      }
    }
  }
`);

// Every action answers with the fields the task page shows about who holds the task.
export const CLAIM = graphql(`
  mutation ApproverClaimTask($id: ID!) {
    claimTask(id: $id) {
      id
      status
      assignee
      delegatedTo
    }
  }
`);

export const UNCLAIM = graphql(`
  mutation ApproverUnclaimTask($id: ID!) {
    unclaimTask(id: $id) {
      id
      status
      assignee
      delegatedTo
    }
  }
`);

export const DELEGATE = graphql(`
  mutation ApproverDelegateTask($id: ID!, $to: String!, $comment: String) {
    delegateTask(id: $id, to: $to, comment: $comment) {
      id
      status
      assignee
      delegatedTo
    }
  }
`);

export const RETURN = graphql(`
  mutation ApproverReturnTask($id: ID!, $comment: String) {
    returnTask(id: $id, comment: $comment) {
      id
      status
      assignee
      delegatedTo
    }
  }
`);

export const ADD_COMMENT = graphql(`
  mutation ApproverAddTaskComment($id: ID!, $body: String!) {
    addTaskComment(id: $id, body: $body) {
      id
      author
      body
      createdAt
    }
  }
`);

export const DECIDE = graphql(`
  mutation ApproverDecideTask($id: ID!, $input: DecisionInput!) {
    decideTask(id: $id, input: $input) {
      task {
        id
        status
        decision
        decidedBy
        completedAt
      }
      process {
        __typename
        id
        stage
      }
    }
  }
`);
