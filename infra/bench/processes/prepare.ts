import { seedOrganizationId } from '../../seed/run.js';
import { CREATE_COURSE, CREATE_PERSON, CREATE_POSITION, ENROLL, gql, type Enrolled } from './graphql.js';
import { DAY } from '../../../workflows/common/time.js';

// Applications need a registry person holding a position in the organisation, and one
// application per person and course. A grid of P people × C courses gives P·C distinct pairs
// for 2P + C admin mutations, instead of two per application.

export const ORGANIZATION = seedOrganizationId('wenzhou');

export interface Pair {
  personId: string;
  courseId: string;
}
/** An application whose endorsement task is open, ready to be decided. */
export interface OpenTask {
  taskId: string;
  workflowId: string;
  enrollmentId: string;
}

export async function makePairs(gatewayUrl: string, adminToken: string, count: number): Promise<Pair[]> {
  const side = Math.ceil(Math.sqrt(count));
  const startsOn = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
  const people: string[] = [];
  const courses: string[] = [];
  for (let i = 0; i < side; i++) {
    const person = await gql(gatewayUrl, adminToken, CREATE_PERSON, { input: { name: `压测学员${i}` } });
    const personId = person.createPerson.id as string;
    await gql(gatewayUrl, adminToken, CREATE_POSITION, {
      input: { personId, organizationId: ORGANIZATION, role: 'FULL_TIME_STAFF', validFrom: '2020-01-01' },
    });
    people.push(personId);
    const course = await gql(gatewayUrl, adminToken, CREATE_COURSE, {
      input: { title: `压测课程 ${i}`, days: 4, capacity: 1000, startsOn },
    });
    courses.push(course.createTrainingCourse.id);
  }
  const pairs: Pair[] = [];
  for (const courseId of courses) for (const personId of people) pairs.push({ personId, courseId });
  return pairs.slice(0, count);
}

export async function enroll(gatewayUrl: string, token: string, pair: Pair, signal?: AbortSignal): Promise<Enrolled> {
  const data = await gql(gatewayUrl, token, ENROLL, { ...pair, organizationId: ORGANIZATION }, signal);
  return data.enrollInTraining as Enrolled;
}

/**
 * Applies for each pair as an admin (who sees the chamber's endorsement task in the answer), a
 * few at a time: the preparation is not measured, only made quick.
 */
export async function openTasks(
  gatewayUrl: string,
  adminToken: string,
  pairs: Pair[],
  log: (line: string) => void,
): Promise<OpenTask[]> {
  const result: OpenTask[] = new Array(pairs.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < pairs.length) {
      const i = next++;
      const enrolled = await enroll(gatewayUrl, adminToken, pairs[i]!);
      const task = enrolled.tasks.find((t) => t.status === 'OPEN');
      if (!task) throw new Error(`application ${enrolled.id} has no open task: ${JSON.stringify(enrolled.tasks)}`);
      result[i] = { taskId: task.id, workflowId: enrolled.workflowId, enrollmentId: enrolled.id };
      if (++done % 50 === 0) log(`  ${done} of ${pairs.length} applications open`);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  return result;
}
