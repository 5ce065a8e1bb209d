import { createHmac, timingSafeEqual } from 'node:crypto';

// Subgraphs answer only requests that came through the hub: the gateway (and the processes
// side's registry client, in the subgraph and in the worker) signs each request it sends with a
// secret shared by the hub's parts (SUBGRAPH_SECRET), and each subgraph checks the signature
// before it parses or runs anything. Issue 23 found a 1,000-alias `neighbors` query sent to a
// subgraph's port with an ordinary token running 4 s and stalling other clients: the gateway's
// limits meant nothing while the subgraphs answered anyone. With this, a request that did not
// pass a part of the hub is refused before the subgraph reads its query.
//
// The signature is an HMAC-SHA256 over a version, the time, the method, the path with its
// query string, the Authorization header and the body, so a signed request cannot be replayed
// with another token, another body or after SIGNATURE_MAX_AGE_MS. It travels in one header:
//   X-Hub-Signature: t=<unix ms>,v1=<hex>
// Secrets rotate like the payload keys: the first of SUBGRAPH_SECRET's comma-separated values
// signs, every one of them is accepted (put the new one first everywhere, then drop the old).

export const SIGNATURE_HEADER = 'x-hub-signature';
/** How old a signature may be, either way (clock skew between replicas included). */
export const SIGNATURE_MAX_AGE_MS = 30_000;

/** What a signature covers: the parts of an HTTP request a subgraph acts on. */
export interface SignedRequest {
  method: string;
  /** The path and query string, as in the request line (`/graphql`, `/graphql?query=...`). */
  path: string;
  /** The Authorization header as sent, or undefined. */
  authorization?: string;
  /** The body's exact text ('' for none). */
  body: string;
}

function mac(secret: string, at: number, request: SignedRequest): Buffer {
  return createHmac('sha256', secret)
    .update(
      `v1\n${at}\n${request.method.toUpperCase()}\n${request.path}\n${request.authorization ?? ''}\n${request.body}`,
    )
    .digest();
}

/** The first secret of SUBGRAPH_SECRET signs. */
export function signSubgraphRequest(secrets: readonly string[], request: SignedRequest, now = Date.now()): string {
  return `t=${now},v1=${mac(secrets[0], now, request).toString('hex')}`;
}

/**
 * The headers that let a subgraph accept a request: the one place that builds them, for the
 * gateway, the registry client and the tests' direct-subgraph helpers alike.
 */
export function subgraphSignatureHeaders(
  secrets: readonly string[],
  request: SignedRequest,
  now = Date.now(),
): Record<string, string> {
  return { [SIGNATURE_HEADER]: signSubgraphRequest(secrets, request, now) };
}

/** Why a request was refused: missing (no header), malformed, stale (too old or from the future), forged. */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'forged';

/** undefined when `header` signs `request` with one of `secrets` within SIGNATURE_MAX_AGE_MS. */
export function checkSubgraphSignature(
  secrets: readonly string[],
  header: string | string[] | undefined,
  request: SignedRequest,
  now = Date.now(),
): SignatureProblem | undefined {
  if (header === undefined || header === '') return 'missing';
  const match = /^t=(\d{1,15}),v1=([0-9a-f]{64})$/.exec(Array.isArray(header) ? header.join(',') : header);
  if (!match) return 'malformed';
  const at = Number(match[1]);
  if (Math.abs(now - at) > SIGNATURE_MAX_AGE_MS) return 'stale';
  const given = Buffer.from(match[2], 'hex');
  return secrets.some((secret) => timingSafeEqual(mac(secret, at, request), given)) ? undefined : 'forged';
}

/** What a refused caller reads: why, and where requests must go instead. */
export function signatureRefusal(problem: SignatureProblem): { status: number; message: string } {
  const through =
    'this service answers only requests that come through the hub (send GraphQL to the gateway; parts of the hub sign with SUBGRAPH_SECRET)';
  switch (problem) {
    case 'missing':
      return { status: 401, message: `No ${SIGNATURE_HEADER} header: ${through}` };
    case 'malformed':
      return { status: 403, message: `The ${SIGNATURE_HEADER} header is not "t=<ms>,v1=<hex>": ${through}` };
    case 'stale':
      return {
        status: 403,
        message: `The ${SIGNATURE_HEADER} signature is older than ${SIGNATURE_MAX_AGE_MS / 1000} s (or the clocks of the hub's machines disagree): ${through}`,
      };
    case 'forged':
      return {
        status: 403,
        message: `The ${SIGNATURE_HEADER} signature does not match this request under any configured SUBGRAPH_SECRET: ${through}`,
      };
  }
}
