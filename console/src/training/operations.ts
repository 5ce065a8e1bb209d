import { graphql } from '../gql';

// What the training pages ask of the hub (typed by GraphQL Code Generator).

export const TRAINING_COURSES = graphql(`
  query TrainingCourses {
    trainingCourses {
      id
      title
      days
      capacity
      startsOn
      completionDays
      enrolledCount
      waitlistedCount
    }
  }
`);

export const TRAINING_COURSE = graphql(`
  query TrainingCourse($id: ID!) {
    trainingCourse(id: $id) {
      id
      title
      days
      capacity
      startsOn
      completionDays
      enrolledCount
      waitlistedCount
      enrollments {
        id
        personId
        personName
        status
        requestedAt
        certificateId
        organization {
          id
          name
        }
        attendance {
          day
          attended
        }
        tasks {
          id
          kind
          status
        }
      }
    }
  }
`);

export const CREATE_COURSE = graphql(`
  mutation CreateTrainingCourse($input: NewTrainingCourse!) {
    createTrainingCourse(input: $input) {
      id
    }
  }
`);

export const CHAMBER_STAFF = graphql(`
  query TrainingChamberStaff($id: ID!, $today: String!) {
    organization(id: $id) {
      id
      name
      positions(activeOn: $today) {
        id
        role
        person {
          id
          name
        }
      }
    }
  }
`);

export const ENROLL = graphql(`
  mutation EnrollInTraining($courseId: ID!, $organizationId: ID!, $personId: ID!) {
    enrollInTraining(courseId: $courseId, organizationId: $organizationId, personId: $personId) {
      id
      status
    }
  }
`);

export const WITHDRAW = graphql(`
  mutation WithdrawTrainingEnrollment($id: ID!, $reason: String) {
    withdrawTrainingEnrollment(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const RECORD_ATTENDANCE = graphql(`
  mutation RecordTrainingAttendance($id: ID!, $day: Int!, $attended: Boolean!) {
    recordAttendance(enrollmentId: $id, day: $day, attended: $attended) {
      id
      status
      certificateId
      attendance {
        day
        attended
      }
    }
  }
`);

export const PERSON_CERTIFICATES = graphql(`
  query TrainingPersonCertificates($id: ID!) {
    person(id: $id) {
      id
      certifications {
        id
        kind
        name
        issuedOn
      }
    }
  }
`);

export const ORGANIZATION_NAME = graphql(`
  query TrainingOrganizationName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);
