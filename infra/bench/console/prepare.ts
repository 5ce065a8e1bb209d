// The approver's inbox with something in it: the admin starts a Four-Good evaluation campaign
// (the chamber 嘉兴市温州商会 is eligible in the seed), which invites the chamber; waits until the
// approver's inbox lists open tasks. Sessions are what the console keeps in sessionStorage after
// a dev sign-in, for the inbox's approver and for the other roles whose pages are loaded.

const YEAR = 2018;

async function gql(url: string, query: string, token: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function devToken(url: string, identity: string): Promise<string> {
  const response = await fetch(`${url}/console/session/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`no dev token for ${identity}: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

export async function prepareInbox(url: string, identity: string): Promise<{ openTasks: number }> {
  const admin = await devToken(url, 'admin');
  const started = await gql(url, `mutation { startEvaluationCampaign(year: ${YEAR}, track: FOUR_GOOD) { id } }`, admin);
  if (started.errors && started.errors[0]?.extensions?.code !== 'CONFLICT')
    throw new Error(`startEvaluationCampaign: ${started.errors[0]?.message}`);
  const token = await devToken(url, identity);
  // The campaign reads every organisation and starts an application each: the cold loads wait
  // until that is over, so they measure the console, not the campaign's start.
  const campaign = started.data?.startEvaluationCampaign.id as string | undefined;
  for (
    const deadline = Date.now() + 300_000;
    campaign && Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 1000))
  ) {
    const answer = await gql(url, `{ evaluationCampaign(id: "${campaign}") { stage } }`, admin);
    if (answer.data?.evaluationCampaign?.stage === 'APPLICATIONS') break;
  }
  let openTasks = 0;
  for (
    const deadline = Date.now() + 60_000;
    Date.now() < deadline && openTasks === 0;
    await new Promise((resolve) => setTimeout(resolve, 500))
  ) {
    openTasks =
      (await gql(url, '{ myTasks(status: OPEN, first: 1) { totalCount } }', token)).data?.myTasks.totalCount ?? 0;
  }
  return { openTasks };
}

export interface DevSession {
  token: string;
  subject: string;
  name: string;
  roles: string[];
  organizationIds: string[];
  expiresAt: number;
  method: 'dev';
}

/** What console/src/shell/session.tsx keeps after a dev sign-in as `identity`. */
export async function devSession(url: string, identity: string): Promise<DevSession> {
  const token = await devToken(url, identity);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    sub: string;
    roles: string[];
    orgs: string[];
    exp: number;
  };
  return {
    token,
    subject: claims.sub,
    name: claims.sub,
    roles: claims.roles,
    organizationIds: claims.orgs,
    expiresAt: claims.exp * 1000,
    method: 'dev',
  };
}
