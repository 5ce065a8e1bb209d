import { graphql } from '../../gql';

export const IntegratorClients = graphql(`
  query AdminIntegratorClients {
    integratorClients {
      id
      clientId
      name
      enabled
      operations
      requestsPerMinute
      requestsPerDay
      federationId
      federationName
      secretVersion
      createdAt
      version
    }
  }
`);

export const Federations = graphql(`
  query AdminIntegratorFederations {
    organizations(filter: { kind: FEDERATION }, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const RegisterIntegratorClient = graphql(`
  mutation AdminRegisterIntegratorClient($input: NewIntegratorClient!) {
    registerIntegratorClient(input: $input) {
      secret
      client {
        id
        clientId
        name
      }
    }
  }
`);

export const UpdateIntegratorClient = graphql(`
  mutation AdminUpdateIntegratorClient($id: ID!, $version: Int!, $patch: IntegratorClientPatch!) {
    updateIntegratorClient(id: $id, version: $version, patch: $patch) {
      id
      enabled
      version
    }
  }
`);

export const RotateIntegratorSecret = graphql(`
  mutation AdminRotateIntegratorSecret($id: ID!, $version: Int!) {
    rotateIntegratorSecret(id: $id, version: $version) {
      secret
      client {
        id
        clientId
        name
        secretVersion
        version
      }
    }
  }
`);

export const IntegratorUsage = graphql(`
  query AdminIntegratorUsage($clientId: String!, $from: String!, $to: String!) {
    integratorUsage(clientId: $clientId, from: $from, to: $to) {
      day
      operation
      requests
      errors
      rows
    }
  }
`);
