import { graphql } from '../../gql';

export const Channels = graphql(`
  query AdminNotificationChannels {
    notificationChannels {
      smtpHost
      smtpPort
      smtpSecure
      smtpUser
      smtpPasswordSet
      senderAddress
      senderName
      dingTalkWebhook
      dingTalkSigned
      updatedAt
    }
  }
`);

export const SetChannels = graphql(`
  mutation AdminSetNotificationChannels($input: NotificationChannelsInput!) {
    setNotificationChannels(input: $input) {
      smtpHost
      smtpPort
      smtpSecure
      smtpUser
      smtpPasswordSet
      senderAddress
      senderName
      dingTalkWebhook
      dingTalkSigned
      updatedAt
    }
  }
`);

export const Deliveries = graphql(`
  query AdminNotificationDeliveries($status: DeliveryStatus, $first: Int, $after: String) {
    notificationDeliveries(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          channel
          address
          message
          status
          attempts
          lastError
          nextAttemptAt
          lastAttemptAt
          sentAt
          createdAt
        }
      }
    }
  }
`);

export const RetryDelivery = graphql(`
  mutation AdminRetryNotificationDelivery($id: ID!) {
    retryNotificationDelivery(id: $id) {
      id
      status
      nextAttemptAt
    }
  }
`);
