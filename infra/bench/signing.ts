import { subgraphSignatureHeaders } from '../../services/common/subgraph-signature.js';

// The benchmarks' hubs run with this SUBGRAPH_SECRET, and the benchmarks sign what they send with
// it, so that a request sent straight to a subgraph (the "subgraph" way of bench:registry, the
// subgraph cell of bench:processes) is accepted as the gateway's would be. Gateways ignore it.
export const BENCH_SUBGRAPH_SECRET = 'bench-subgraph-secret-that-is-long-enough';

/** The signature header for one request to `url` (computed per request: it carries the time). */
export function benchSignature(url: string, authorization: string, body: string): Record<string, string> {
  const { pathname, search } = new URL(url);
  return subgraphSignatureHeaders([BENCH_SUBGRAPH_SECRET], {
    method: 'POST',
    path: `${pathname}${search}`,
    authorization,
    body,
  });
}
