import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { sendError, type HttpHandler } from '../common/http.js';
import { openApiDocument, type Published } from './openapi.js';
import type { TrustedDocument } from './trusted-documents.js';

// REST for systems that speak only plain HTTP: each published trusted document is
// `GET /api/v1/<name>?<variables>`, answered with its GraphQL data as JSON, and
// `GET /api/v1/openapi.json` describes them all. The request is handed to the gateway's own
// GraphQL endpoint on the same socket address, so the token, the rate limit, the trusted-document
// check and every limit apply exactly as they do to GraphQL.

const PREFIX = '/api/v1/';
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  OPERATION_NOT_ALLOWED: 403,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** Parses the published documents at start: queries only, one operation each. */
export function publishable(documents: TrustedDocument[]): Published[] {
  return documents.map(({ name, query }) => {
    const document = parse(query);
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1 || operations[0].operation !== 'query')
      throw new Error(
        `trusted document ${name}: only a document of one query can be published as GET ${PREFIX}${name}`,
      );
    const fragments = new Map<string, SelectionSetNode>();
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
    return { name, query, operation: operations[0], fragments };
  });
}

/** A query-string value as the variable's type wants it; a message when it cannot be. */
function coerce(type: GraphQLInputType, raw: string[]): { value: unknown } | { problem: string } {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = raw.map((r) => coerce(inner.ofType, [r]));
    const bad = items.find((i) => 'problem' in i);
    return bad ?? { value: items.map((i) => (i as { value: unknown }).value) };
  }
  if (raw.length > 1) return { problem: 'is given more than once' };
  const [text] = raw;
  if (isInputObjectType(inner)) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      return { problem: 'must be a JSON object' };
    }
  }
  if (isEnumType(inner)) return { value: text };
  switch (inner.name) {
    case 'Int':
    case 'SafeInt':
    case 'Float':
    case 'Money': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? { value: n } : { problem: 'must be a number' };
    }
    case 'Boolean':
      return text === 'true' || text === 'false' ? { value: text === 'true' } : { problem: 'must be true or false' };
    default:
      return { value: text };
  }
}

export function restRoutes(deps: { published: Published[]; schema: () => GraphQLSchema | undefined }) {
  const byName = new Map(deps.published.map((p) => [p.name, p]));
  let description: string | undefined;

  async function run(req: IncomingMessage, res: ServerResponse, published: Published) {
    const schema = deps.schema();
    if (!schema) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The gateway has not loaded its schema yet');
    const params = new URL(req.url!, 'http://x').searchParams;
    const variables: Record<string, unknown> = {};
    const problems: string[] = [];
    const known = new Set<string>();
    for (const definition of published.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      known.add(name);
      const raw = params.getAll(name);
      if (!raw.length) continue; // a missing required one: GraphQL names it below
      const result = coerce(typeFromAST(schema, definition.type) as GraphQLInputType, raw);
      if ('problem' in result) problems.push(`参数 ${name} ${result.problem}`);
      else variables[name] = result.value;
    }
    for (const name of new Set(params.keys()))
      if (!known.has(name)) problems.push(`参数 ${name} is not a variable of ${published.name}`);
    if (problems.length) return sendError(res, 400, 'BAD_USER_INPUT', problems.join('; '));
    const host = req.socket.localAddress!.includes(':') ? `[${req.socket.localAddress}]` : req.socket.localAddress;
    const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers['x-request-id'] ? { 'x-request-id': String(req.headers['x-request-id']) } : {}),
      },
      body: JSON.stringify({ query: published.query, variables }),
    });
    const body = (await answer.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    const status = body.errors?.length ? (STATUS[code ?? ''] ?? (answer.status >= 400 ? answer.status : 400)) : 200;
    if ((code === 'RATE_LIMITED' || code === 'QUOTA_EXCEEDED') && answer.headers.get('retry-after'))
      res.setHeader('retry-after', answer.headers.get('retry-after')!);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body.errors?.length ? { errors: body.errors } : body.data));
  }

  return (req: IncomingMessage): HttpHandler | undefined => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(PREFIX)) return undefined;
    return async (request, res) => {
      if (request.method !== 'GET') {
        res.setHeader('allow', 'GET');
        return sendError(res, 405, 'BAD_REQUEST', `Only GET is served under ${PREFIX}`);
      }
      const name = path.slice(PREFIX.length);
      if (name === 'openapi.json') {
        const schema = deps.schema();
        if (!schema) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The gateway has not loaded its schema yet');
        description ??= JSON.stringify(openApiDocument(schema, deps.published));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return void res.end(description);
      }
      const published = byName.get(name);
      if (!published)
        return sendError(res, 404, 'NOT_FOUND', `没有名为 ${name} 的已发布接口 (GET ${PREFIX}openapi.json lists them)`);
      await run(request, res, published);
    };
  };
}
