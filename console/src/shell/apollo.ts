import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { currentToken } from './session';

/** The gateway's GraphQL endpoint on the console's own origin (the gateway serves both). */
export const GRAPHQL_PATH = '/graphql';

/**
 * One client per signed-in session. `onUnauthenticated` runs when the gateway refuses the
 * token (expired, revoked keys): the console signs out and says why instead of failing pages.
 */
export function createApolloClient(onUnauthenticated: (message: string) => void) {
  const auth = new SetContextLink((previous) => {
    const token = currentToken();
    return {
      headers: {
        ...(previous.headers as Record<string, string> | undefined),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    };
  });
  const expired = new ErrorLink(({ error }) => {
    const unauthenticated =
      (ServerError.is(error) && error.statusCode === 401) ||
      (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));
    if (unauthenticated) onUnauthenticated(error.message);
  });
  return new ApolloClient({
    link: ApolloLink.from([expired, auth, new HttpLink({ uri: GRAPHQL_PATH })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
