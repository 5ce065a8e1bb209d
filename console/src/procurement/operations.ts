import { graphql } from '../gql';

// Government service procurement's operations, typed by `npm run console:codegen`. Names start
// with "Procurement" so they never clash with the other parts' documents.

export const PROCUREMENTS = graphql(`
  query ProcurementList($first: Int!, $after: String, $stage: String, $year: Int) {
    procurements(first: $first, after: $after, stage: $stage, year: $year) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          agencyName
          categoryName
          method
          budgetFen
          stage
          round
          closesAt
          publishedAt
        }
      }
    }
  }
`);

export const PROCUREMENT = graphql(`
  query ProcurementDetail($id: ID!) {
    procurement(id: $id) {
      id
      workflowId
      title
      description
      agency {
        id
        name
      }
      categoryName
      method
      budgetFen
      stage
      round
      year
      closesAt
      publishedAt
      noticeDays
      cancelReason
      closeReason
      weights {
        price
        technical
      }
      eligibility {
        minimumGrade
        minimumYearsRegistered
        kinds
      }
      committee
      recusals {
        personId
        organizationId
        reason
      }
      bids {
        id
        round
        organization {
          id
          name
        }
        priceFen
        proposal
        status
        version
        reasons
        technicalScore
        scoredBy
        priceScore
        total
        rank
        submittedAt
      }
      award {
        id
        organization {
          id
          name
        }
        priceFen
      }
      objections {
        organizationId
        reason
        outcome
      }
      contract {
        id
        provider {
          id
          name
        }
        priceFen
        startsOn
        endsOn
        recurring
        paidFen
        milestones {
          no
          deliverable
          dueOn
          currentDueOn
          sharePercent
          amountFen
          status
          submissions
          rejections
        }
        payments {
          id
          milestoneNo
          amountFen
          paidAt
        }
        performance {
          score
          outcome
          reviewers
        }
      }
      tasks {
        id
        kind
        title
        status
        dueAt
      }
    }
  }
`);

/** Names for the ids the procurement holds (committee members, objecting bidders). */
export const PERSON_NAME = graphql(`
  query ProcurementPersonName($id: ID!) {
    person(id: $id) {
      id
      name
      englishName
    }
  }
`);

export const ORGANIZATION_NAME = graphql(`
  query ProcurementOrganizationName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

/** What the publish form offers: the catalogue, the reviewer pool, the officer's agencies. */
export const PUBLISH_CHOICES = graphql(`
  query ProcurementPublishChoices {
    serviceCategories {
      code
      name
    }
    evaluationExperts {
      id
      name
      englishName
    }
  }
`);

export const PUBLISH = graphql(`
  mutation ProcurementPublish($need: ProcurementNeedInput!) {
    publishProcurement(need: $need) {
      id
      stage
    }
  }
`);

export const SUBMIT_BID = graphql(`
  mutation ProcurementSubmitBid($id: ID!, $bid: BidInput!) {
    submitBid(procurementId: $id, bid: $bid) {
      id
      status
      version
    }
  }
`);

export const WITHDRAW_BID = graphql(`
  mutation ProcurementWithdrawBid($id: ID!, $organizationId: ID!) {
    withdrawBid(procurementId: $id, organizationId: $organizationId) {
      id
      status
    }
  }
`);

export const LODGE_OBJECTION = graphql(`
  mutation ProcurementLodgeObjection($id: ID!, $organizationId: ID!, $reason: String!) {
    lodgeProcurementObjection(procurementId: $id, organizationId: $organizationId, reason: $reason) {
      id
      stage
    }
  }
`);

export const SIGN_CONTRACT = graphql(`
  mutation ProcurementSignContract($id: ID!, $contract: ContractInput!) {
    signProcurementContract(procurementId: $id, contract: $contract) {
      id
      stage
    }
  }
`);

export const CANCEL = graphql(`
  mutation ProcurementCancel($id: ID!, $reason: String!) {
    cancelProcurement(procurementId: $id, reason: $reason) {
      id
      stage
    }
  }
`);

/** People by name, for the contract's service user (any registry person). */
export const PEOPLE = graphql(`
  query ProcurementPeople($nameContains: String) {
    people(first: 20, nameContains: $nameContains) {
      edges {
        node {
          id
          name
          englishName
        }
      }
    }
  }
`);
