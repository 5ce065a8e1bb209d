import { graphql } from '../gql';

// The registry's queries and the officers' keeping mutations the registry pages send. Every
// write sends the version it read: a record changed since is refused with CONFLICT.

export const ORGANIZATIONS = graphql(`
  query RegistryOrganizations(
    $filter: OrganizationFilter
    $orderBy: [OrganizationOrder!]
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    organizations(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          regionCode
          regionName
          creditCode
          registeredOn
          endedOn
          currentRating {
            grade
          }
        }
      }
    }
  }
`);

export const ORGANIZATION = graphql(`
  query RegistryOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      shortName
      englishName
      kind
      regionCode
      regionName
      homeRegionCode
      creditCode
      registeredOn
      endedOn
      version
      positions {
        id
        role
        validFrom
        validTo
        person {
          id
          name
        }
      }
      relationships {
        id
        type
        validFrom
        validTo
        from {
          id
          name
        }
        to {
          id
          name
        }
      }
      ratings {
        id
        grade
        awardedOn
        validUntil
        revokedOn
        inForce
      }
      honours {
        id
        title
        level
        year
        validUntil
        revokedOn
      }
      annualInspections {
        id
        year
        result
        version
      }
      penalties(includeRevoked: true) {
        id
        decidedOn
        authority
        kind
        documentNumber
        description
        servedUntil
        revokedOn
        version
      }
      listEntries {
        id
        list
        listedOn
        reason
        removedOn
        removalReason
        version
      }
      creditRecord {
        id
        kind
        summary
        recordedOn
        source
        outcome
        version
      }
    }
  }
`);

export const HISTORY = graphql(`
  query RegistryHistory($organizationId: ID!, $first: Int, $after: String) {
    auditTrail(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          actor
          at
          action
          reason
          entityType
          entityId
          before
          after
        }
      }
    }
  }
`);

export const UPDATE_ORGANIZATION = graphql(`
  mutation RegistryUpdateOrganization($id: ID!, $version: Int!, $input: OrganizationPatch!) {
    updateOrganization(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

export const RECORD_INSPECTION = graphql(`
  mutation RegistryRecordInspection($input: NewAnnualInspection!, $reason: String) {
    recordAnnualInspection(input: $input, reason: $reason) {
      id
      version
    }
  }
`);

export const CORRECT_INSPECTION = graphql(`
  mutation RegistryCorrectInspection($id: ID!, $version: Int!, $result: InspectionResult!, $reason: String!) {
    correctAnnualInspection(id: $id, version: $version, result: $result, reason: $reason) {
      id
      version
    }
  }
`);

export const RECORD_PENALTY = graphql(`
  mutation RegistryRecordPenalty($input: NewPenalty!, $reason: String) {
    recordPenalty(input: $input, reason: $reason) {
      id
      version
    }
  }
`);

export const CORRECT_PENALTY = graphql(`
  mutation RegistryCorrectPenalty($id: ID!, $version: Int!, $input: PenaltyPatch!, $reason: String!) {
    correctPenalty(id: $id, version: $version, input: $input, reason: $reason) {
      id
      version
    }
  }
`);

export const RECORD_LIST_ENTRY = graphql(`
  mutation RegistryRecordListEntry($input: NewListEntry!) {
    recordListEntry(input: $input) {
      id
      version
    }
  }
`);

export const REMOVE_LIST_ENTRY = graphql(`
  mutation RegistryRemoveListEntry($id: ID!, $version: Int!, $removedOn: String!, $reason: String!) {
    removeListEntry(id: $id, version: $version, removedOn: $removedOn, reason: $reason) {
      id
      version
    }
  }
`);

export const CORRECT_CREDIT_ENTRY = graphql(`
  mutation RegistryCorrectCreditEntry($id: ID!, $version: Int!, $input: CreditEntryPatch!, $reason: String!) {
    correctCreditEntry(id: $id, version: $version, input: $input, reason: $reason) {
      id
      version
    }
  }
`);

export const UPLOAD_IMPORT_FILE = graphql(`
  mutation RegistryUploadImportFile($kind: RegistryImportKind!, $fileName: String!, $contentBase64: String!) {
    uploadRegistryImportFile(kind: $kind, fileName: $fileName, contentBase64: $contentBase64) {
      id
      fileName
      rows
      format
    }
  }
`);

export const START_IMPORT = graphql(`
  mutation RegistryStartImport($fileId: ID!) {
    startRegistryImport(fileId: $fileId) {
      id
      stage
    }
  }
`);

export const IMPORT_TEMPLATE = graphql(`
  query RegistryImportTemplate($kind: RegistryImportKind!) {
    registryImportTemplate(kind: $kind)
  }
`);

export const REGISTRY_IMPORT = graphql(`
  query RegistryImportProgress($id: ID!) {
    registryImport(id: $id) {
      id
      kind
      fileName
      stage
      uploadedBy
      createdAt
      decision
      reviewedBy
      rejectionReason
      appliedAt
      errorCount
      preview {
        rows
        valid
        invalid
        created
        changed
        unchanged
      }
      errors(first: 100) {
        row
        column
        value
        message
      }
      report {
        created
        changed
        unchanged
        refused
      }
      changes(first: 100) {
        row
        outcome
        entityId
        changedFields
      }
    }
  }
`);
