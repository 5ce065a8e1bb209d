import {
  execute,
  getVariableValues,
  parse,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { formatError } from '../../common/errors.js';
import type { RegistryContext } from '../context.js';
import { listQuery, PAGE_SIZE, type Cell, type ListSheet, type ReportSheet } from './sheet.js';

// Running an export: the sheet's query executed against the registry's schema, a page at a
// time, each page with a context of its own (a fresh EntityManager and loaders, so memory does
// not grow with the list). The filter's variables are coerced and the first page is read before
// anything is sent: a bad parameter or a refused role is an HTTP error, never a half file.

/** An export refused before its first byte: the hub's error shape with an HTTP status. */
export class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ExportRequest {
  sheet: ListSheet | ReportSheet;
  /** The parsed `filter` parameter (a JSON object), or null. */
  filter: Record<string, unknown> | null;
  asOf: string | null;
}

export interface OpenExport {
  title: string;
  headers: string[];
  /** Rows, a page at a time; the first page is already read. */
  pages: AsyncIterable<Cell[][]>;
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const documents = new Map<string, { document: DocumentNode; operation: OperationDefinitionNode }>();

function compiled(query: string) {
  let found = documents.get(query);
  if (!found) {
    const document = parse(query);
    found = { document, operation: document.definitions[0] as OperationDefinitionNode };
    documents.set(query, found);
  }
  return found;
}

const isList = (sheet: ListSheet | ReportSheet): sheet is ListSheet => 'columns' in sheet;

/** The query's variables from the request's filter and asOf, or ExportRefused naming the parameter. */
function variablesOf({ sheet, filter, asOf }: ExportRequest): Record<string, unknown> {
  if (!isList(sheet)) {
    if (filter) throw new ExportRefused(400, 'BAD_USER_INPUT', `${sheet.name} takes no filter, only asOf`, 'filter');
    return { asOf };
  }
  if (asOf != null && !sheet.usesAsOf)
    throw new ExportRefused(400, 'BAD_USER_INPUT', `${sheet.name} has no day to take asOf for; use its filter`, 'asOf');
  if (sheet.filterArg) {
    const given = asOf != null && filter?.asOf === undefined ? { ...filter, asOf } : filter;
    return { first: PAGE_SIZE, [sheet.filterArg]: given, asOf };
  }
  const unknown = Object.keys(filter ?? {}).find((key) => !(key in sheet.args));
  if (unknown !== undefined)
    throw new ExportRefused(
      400,
      'BAD_USER_INPUT',
      `${sheet.name}'s filter takes ${Object.keys(sheet.args).join(', ')}, not "${unknown}"`,
      `filter.${unknown}`,
    );
  return { first: PAGE_SIZE, ...filter, ...(sheet.usesAsOf ? { asOf } : {}) };
}

/** The parameter a query variable came from: filter.<path> for the filter, asOf for asOf. */
function parameterOf(sheet: ListSheet | ReportSheet, variable: string, path: string): string {
  if (variable === 'asOf') return 'asOf';
  if (isList(sheet) && sheet.filterArg === variable) return `filter${path.slice(variable.length)}`;
  return `filter.${path}`;
}

function coerce(
  schema: GraphQLSchema,
  request: ExportRequest,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (!coerced.errors) return;
  const error = coerced.errors[0];
  const [, variable = 'filter', path] =
    /^Variable "\$(\w+)"(?: got invalid value .*? at "([^"]+)")?/s.exec(error.message) ?? [];
  throw new ExportRefused(400, 'BAD_USER_INPUT', error.message, parameterOf(request.sheet, variable, path ?? variable));
}

/** The first error as the hub shows it (masked and logged unless it has a public code), as a refusal. */
function refusal(sheet: ListSheet | ReportSheet, error: GraphQLError): ExportRefused {
  const { message, extensions } = formatError(error.toJSON(), error);
  const code = typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof extensions?.field === 'string' ? extensions.field : undefined;
  const named = field && isList(sheet) && field in sheet.args && !sheet.filterArg ? `filter.${field}` : field;
  const extra = extensions?.reference ? { reference: extensions.reference } : {};
  return new ExportRefused(STATUS[code] ?? 500, code, message, named, extra);
}

/** Reads the first page (refusing as the query would) and gives the rest as they are read. */
export async function openExport(
  schema: GraphQLSchema,
  contextFor: () => RegistryContext,
  request: ExportRequest,
): Promise<OpenExport> {
  const { sheet } = request;
  const query = isList(sheet) ? listQuery(sheet) : sheet.query;
  const { document, operation } = compiled(query);
  const variables = variablesOf(request);
  coerce(schema, request, operation, variables);
  const run = async (after: string | null) => {
    const result = await execute({
      schema,
      document,
      variableValues: { ...variables, after },
      contextValue: contextFor(),
    });
    if (result.errors?.length) throw refusal(sheet, result.errors[0]);
    return result.data as Record<string, any>;
  };
  const first = await run(null);
  if (!isList(sheet)) {
    const rows = sheet.rows(first.report);
    return {
      title: sheet.title,
      headers: sheet.headers,
      pages: (async function* () {
        yield rows;
      })(),
    };
  }
  const toRows = (data: Record<string, any>) =>
    data.page.edges.map(({ node }: { node: unknown }) => sheet.columns.map((column) => column.cell(node)));
  return {
    title: sheet.title,
    headers: sheet.columns.map((column) => column.header),
    pages: (async function* () {
      let page = first;
      yield toRows(page);
      while (page.page.pageInfo.hasNextPage) {
        page = await run(page.page.pageInfo.endCursor);
        yield toRows(page);
      }
    })(),
  };
}
