import { describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, token } from './support/hub.js';

describe('the gateway', () => {
  it('answers a query that crosses both subgraphs', async () => {
    const integrator = await token(['INTEGRATOR']);
    const r = await gql(
      `query ($id: ID!) { organization(id: $id) {
          name kind homeRegionCode
          relationships { type from { name } to { name } }
          trainingEnrollments { id status }
      } }`,
      { id: orgId('wenzhou') },
      integrator,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.organization.name).toBe('嘉兴市温州商会');
    expect(r.data.organization.homeRegionCode).toBe('330300');
    expect(r.data.organization.relationships).toContainEqual({
      type: 'SUPERVISES',
      from: { name: '嘉兴市工商业联合会' },
      to: { name: '嘉兴市温州商会' },
    });
    expect(Array.isArray(r.data.organization.trainingEnrollments)).toBe(true);
  });

  it('refuses a request without a valid token', async () => {
    const none = await gql('{ trainingCourses { id } }');
    expect(none.status).toBe(401);
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    const forged = await gql('{ trainingCourses { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
  });

  it('pages through organizations with a filter', async () => {
    const integrator = await token(['INTEGRATOR']);
    // Other suites add chambers of their own, so the expected set comes from the database.
    const expected = (
      await sql("select name from registry.organization where kind = 'OUT_OF_TOWN_CHAMBER' order by name, id")
    ).map((r) => r.name);
    expect(expected).toEqual(expect.arrayContaining(['嘉兴市温州商会', '嘉兴市湖北商会', '嘉兴市河南商会']));
    const query = `query ($after: String) { organizations(first: 3, after: $after, filter: { kind: OUT_OF_TOWN_CHAMBER }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const names: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const r = await gql(query, { after }, integrator);
      expect(r.data.organizations.totalCount).toBe(expected.length);
      names.push(...r.data.organizations.edges.map((e: any) => e.node.name));
      if (!r.data.organizations.pageInfo.hasNextPage) break;
      after = r.data.organizations.pageInfo.endCursor;
    }
    expect(names).toEqual(expected);
  });

  it('keeps stack traces away from clients', async () => {
    const integrator = await token(['INTEGRATOR']);
    const r = await gql('{ organizations(after: "not-a-cursor") { totalCount } }', {}, integrator);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});

describe('npm run token', () => {
  it('prints a dev token the gateway accepts, with the role and organization asked for', async () => {
    const { execFileSync } = await import('node:child_process');
    const { inject } = await import('vitest');
    const wenzhou = orgId('wenzhou');
    const printed = execFileSync('npm', ['run', '--silent', 'token', '--', '--role', 'approver', '--org', wenzhou], {
      encoding: 'utf8',
      env: { ...process.env, JWT_SECRET: inject('jwtSecret') },
    }).trim();
    const inbox = await gql('{ myTasks(first: 1) { totalCount } }', {}, printed);
    expect(inbox.errors).toBeUndefined();
    expect(typeof inbox.data.myTasks.totalCount).toBe('number');
    // An approver token is not an admin token.
    expect(codeOf(await gql('{ workflowRuns { totalCount } }', {}, printed))).toBe('FORBIDDEN');
  });
});
