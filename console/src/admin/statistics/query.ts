import { graphql } from '../../gql';

export const Statistics = graphql(`
  query AdminStatistics($asOf: String!) {
    statistics(asOf: $asOf) {
      asOf
      year
      fourGoodChambers {
        total
        byLevel {
          level
          count
        }
      }
      ratings {
        atLeast3A
        byGrade {
          grade
          count
        }
      }
      bankPairings
      redLaunchLoans {
        count
        total {
          fen
          formatted
        }
      }
      liaisonVisits
      rewardFund {
        total {
          formatted
        }
        increase {
          formatted
        }
        grants
        granted {
          formatted
        }
      }
      governmentChamberCommunication {
        specialSessions
        specialSessionIssuesResolved
        rotatingEvents
        rotatingEventProblemsResolved
      }
      interconnection {
        jointMeetings
        groupActivities
      }
      investment {
        fairs
        matchmakings
        projects
        total {
          formatted
        }
      }
      assistance {
        pairedVillages
        projects
      }
      mediation {
        committees
        mediators
        cases
        casesSettled
        chambers
        chambersWithLegalCounsel
        legalCounselCoverage
      }
      charity {
        year
        spending {
          formatted
        }
        byOrganization {
          organizationId
          organization {
            name
          }
          raised {
            formatted
          }
          givenInYear {
            fen
            formatted
          }
          events
          beneficiaries
        }
      }
      platformActivities {
        platform
        kind
        count
        participants
      }
    }
  }
`);
