import { describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, token } from './support/hub.js';
import { enroll, officerToken, staffOf } from './support/training.js';

// What the console's training and evaluation pages ask of the API: the Federation's officers
// announce courses and start campaigns themselves, and a course tells its seats and shows its
// applications only to those who act on them.

const wenzhou = orgId('wenzhou');
const COURSE = `query ($id: ID!) { trainingCourse(id: $id) {
  title enrolledCount waitlistedCount enrollments { personName status organization { id } } } }`;

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the console pages’ training and evaluation API', () => {
  it('lets a Federation officer announce a course; a course shows its applications to officers and its own chamber only', async () => {
    const officer = await officerToken();
    const created = await gql(
      'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id title } }',
      { input: { title: '  商会秘书长实务班 ', days: 2, capacity: 1, startsOn: inDays(20) } },
      officer,
    );
    expect(created.errors).toBeUndefined();
    const courseId = created.data.createTrainingCourse.id;
    expect(created.data.createTrainingCourse.title).toBe('商会秘书长实务班');

    // An integrator may not, and a bad field is named.
    const integrator = await gql(
      'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
      { input: { title: '不应出现的班', days: 2, capacity: 1, startsOn: inDays(20) } },
      await token(['INTEGRATOR']),
    );
    expect(codeOf(integrator)).toBe('FORBIDDEN');
    const bad = await gql(
      'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
      { input: { title: '过去的班', days: 2, capacity: 1, startsOn: '2020-01-01' } },
      officer,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions).toMatchObject({ field: 'startsOn' });
    expect(bad.errors![0].message).toMatch(/开班日期 2020-01-01 早于今天/);

    const applied = await enroll(courseId, wenzhou, await staffOf(wenzhou, '周敏'));
    expect(applied.errors).toBeUndefined();

    const asOfficer = await gql(COURSE, { id: courseId }, officer);
    expect(asOfficer.errors).toBeUndefined();
    expect(asOfficer.data.trainingCourse).toEqual({
      title: '商会秘书长实务班',
      enrolledCount: 0,
      waitlistedCount: 0,
      enrollments: [{ personName: '周敏', status: 'AWAITING_ENDORSEMENT', organization: { id: wenzhou } }],
    });
    const ownChamber = await gql(COURSE, { id: courseId }, await token(['APPROVER'], [wenzhou]));
    expect(ownChamber.data.trainingCourse.enrollments).toHaveLength(1);
    const otherChamber = await gql(COURSE, { id: courseId }, await token(['APPROVER'], [orgId('hubei')]));
    expect(otherChamber.data.trainingCourse).toMatchObject({ enrolledCount: 0, enrollments: [] });

    const missing = await gql(COURSE, { id: '00000000-0000-4000-8000-000000000000' }, officer);
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it('lets a Federation officer start a campaign: its parameters are checked as an admin’s are', async () => {
    const refused = await gql(
      'mutation ($p: JSONObject) { startEvaluationCampaign(year: 2032, track: FOUR_GOOD, params: $p) { id } }',
      { p: { noticeDays: 0 } },
      await officerToken(),
    );
    // Past the role check: the parameter is refused by name, and nothing started.
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({ field: 'params.noticeDays' });
    const approver = await gql(
      'mutation { startEvaluationCampaign(year: 2032, track: FOUR_GOOD) { id } }',
      {},
      await token(['APPROVER'], [wenzhou]),
    );
    expect(codeOf(approver)).toBe('FORBIDDEN');
    const campaigns = await gql('{ evaluationCampaigns { year track } }', {}, await officerToken());
    expect(campaigns.data.evaluationCampaigns).not.toContainEqual({ year: 2032, track: 'FOUR_GOOD' });
  });
});
