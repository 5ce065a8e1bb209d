import { describe, expect, it } from 'vitest';
import { codeOf, gql, sql, token } from './support/hub.js';

// Runs and tasks name people by token subject; the console asks `subjectNames` for their names.
const NAMES = 'query ($s: [String!]!) { subjectNames(subjects: $s) { subject name } }';

describe('the names of token subjects (subjectNames)', () => {
  it('names a registry person, and no one else, in the order asked', async () => {
    // A person of the seed's Jiaxing chamber: the admin (of Jiaxing) sees them; people other tests
    // make elsewhere (another city's) it would not.
    const [person] = await sql<{ id: string; name: string }>(
      `select p.id, p.name from registry.person p join registry.position pos on pos.person_id = p.id
       join registry.organization o on o.id = pos.organization_id where o.name = '嘉兴市温州商会' order by p.id limit 1`,
    );
    const nobody = '00000000-0000-4000-8000-000000000000';
    const answer = await gql(NAMES, { s: ['dev-admin', person.id, nobody] }, await token(['ADMIN']));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.subjectNames).toEqual([
      { subject: 'dev-admin', name: null },
      { subject: person.id, name: person.name },
      { subject: nobody, name: null },
    ]);
  });

  it('asks for a signed-in caller and at most 100 subjects at once', async () => {
    expect(codeOf(await gql(NAMES, { s: ['dev-admin'] }))).toBe('UNAUTHENTICATED');
    const tooMany = await gql(NAMES, { s: Array.from({ length: 101 }, (_, i) => `s${i}`) }, await token(['ADMIN']));
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).toMatch(/一次最多查询 100 个用户的姓名/);
    expect(tooMany.errors![0].extensions?.field).toBe('subjects');
  });
});
