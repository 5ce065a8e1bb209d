// A consumer of the change feed through the gateway, as docs/integrators-change-feed.md tells
// an integrator to write one: pages of `first` after the last cursor, until no next page.

const FEED = `query ($after: String, $first: Int!) { registryChanges(after: $after, first: $first) {
  pageInfo { hasNextPage endCursor }
  edges { cursor node { entityType entityId operation version changedFields values asOf actor committedAt } } } }`;

export interface ConsumerFigures {
  changes: number;
  pages: number;
  seconds: number;
  bytes: number;
  pageMs: { p50: number; p99: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function consume(gatewayUrl: string, token: string, first: number): Promise<ConsumerFigures> {
  const latencies: number[] = [];
  let [after, changes, bytes] = [null as string | null, 0, 0];
  const started = performance.now();
  for (let more = true; more;) {
    const asked = performance.now();
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: FEED, variables: { after, first } }),
    });
    const text = await response.text();
    latencies.push(performance.now() - asked);
    bytes += text.length;
    const body = JSON.parse(text) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`the feed refused a page: ${JSON.stringify(body.errors)}`);
    const page = body.data.registryChanges;
    changes += page.edges.length;
    ({ hasNextPage: more, endCursor: after } = page.pageInfo);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    changes,
    pages: latencies.length,
    seconds,
    bytes,
    pageMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) },
  };
}
