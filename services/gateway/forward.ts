// How the gateway tells a subgraph who is asking: the caller's verified bearer token, forwarded
// unchanged (each subgraph verifies it again, so a subgraph reached directly is no back door).
// The one place for it: GraphQL requests (main.ts) and exports (export.ts) both go through here.

/** Sets the identity headers of a request to a subgraph. */
export function forwardIdentity(headers: { set(name: string, value: string): void }, token: string | undefined): void {
  if (token) headers.set('authorization', `Bearer ${token}`);
}
