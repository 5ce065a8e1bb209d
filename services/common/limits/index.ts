import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { QueryLimits } from '../config.js';
import { HubError } from '../errors.js';
import { hubCost } from './cost.js';

// The gateway's request limits, all checked before execution, each refusal naming the limit,
// its maximum and its variable (QUERY_TOO_COMPLEX, HTTP 400):
// - tokens: graphql's own parser stops at maxTokens (Apollo's parseOptions), before a large
//   document costs anything more than lexing it (errors.ts gives it its code);
// - depth, aliases, directives: The Guild's graphql-armor rules, run as validation rules in
//   Apollo Server's pipeline, which in gateway mode validates against the gateway's API schema
//   before the gateway plans anything (test/hardening.test.ts shows they answer there);
// - cost: graphql-query-complexity with the hub's list-aware estimator (cost.ts). It needs the
//   variables (`first: $n`), which validation rules do not see, so it runs in the plugin hook
//   didResolveOperation, still before the query plan and any subgraph fetch.

/** graphql-armor reports by throwing unless told otherwise: report instead, with our marker. */
function armorReporter(limit: string, variable: string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const message = `${error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')} (${variable})`;
        context?.reportError(new GraphQLError(message, { extensions: { limit } }));
      },
    ],
  };
}

/** Validation rules for Apollo Server's `validationRules`. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...armorReporter('depth', 'MAX_QUERY_DEPTH') }),
    // Every alias counts, __typename's too (graphql-armor lets those pass by default).
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...armorReporter('aliases', 'MAX_QUERY_ALIASES') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armorReporter('directives', 'MAX_QUERY_DIRECTIVES') }),
  ] as ValidationRule[];
}

/** Apollo Server's `parseOptions`: graphql's parser gives up past this many tokens. */
export const parseOptions = (limits: QueryLimits) => ({ maxTokens: limits.maxTokens });

/** Refuses an operation whose estimated cost is above limits.maxCost. */
export function costLimit<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          let cost: number;
          try {
            cost = getComplexity({
              estimators: [hubCost],
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
            });
          } catch {
            return; // variables that do not fit: execution refuses them with its own message
          }
          if (cost > limits.maxCost) {
            throw new HubError(
              'QUERY_TOO_COMPLEX',
              `Query cost limit of ${limits.maxCost} exceeded, found ${cost} (MAX_QUERY_COST): a list's cost counts once per item it may return (first/last, 20 by default, 100 at most); ask for smaller pages or fewer nested lists`,
              { limit: 'cost', max: limits.maxCost, found: cost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
