import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sendError, type HttpHandler } from '../../common/http.js';
import { HubError } from '../../common/errors.js';
import { identify, type Identity, type TokenVerifier } from '../../common/identity.js';
import { log } from '../../common/log.js';
import { createRegistryLoaders } from '../loaders.js';
import { ExportRefused, openExport } from './run.js';
import { writeCsv } from './csv.js';
import { writeXlsx } from './xlsx.js';
import { REGISTRY_LISTS } from './lists.js';
import { FACT_LISTS } from './fact-lists.js';
import { STATISTICS_REPORT } from './report.js';
import type { ListSheet, ReportSheet } from './sheet.js';

// GET /export/<list>.csv|.xlsx?filter=<json>&asOf=<day>: a registry list (the query of that
// name, its arguments as the filter) or the statistics report, streamed. The gateway serves the
// same path and forwards the caller's token (services/gateway/export.ts); this side verifies
// it again, as for GraphQL. Everything is checked and the first page read before the status
// line: a refusal is a JSON error in the hub's shape; a failure later cuts the connection, so
// a client never mistakes half a file for a whole one.

export const EXPORT_PATH = /^\/export\/([A-Za-z]+)\.(csv|xlsx)$/;

const SHEETS = new Map<string, ListSheet | ReportSheet>(
  [...REGISTRY_LISTS, ...FACT_LISTS, STATISTICS_REPORT].map((sheet) => [sheet.name, sheet]),
);
export const EXPORT_NAMES = [...SHEETS.keys()];

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function parameters(url: URL): { filter: Record<string, unknown> | null; asOf: string | null } {
  const unknown = [...url.searchParams.keys()].find((key) => key !== 'filter' && key !== 'asOf');
  if (unknown !== undefined)
    throw new ExportRefused(400, 'BAD_USER_INPUT', `An export takes filter (JSON) and asOf, not "${unknown}"`, unknown);
  const raw = url.searchParams.get('filter');
  let filter: unknown = null;
  if (raw != null) {
    try {
      filter = JSON.parse(raw);
    } catch {
      throw new ExportRefused(
        400,
        'BAD_USER_INPUT',
        'filter must be a JSON object, e.g. {"kind":"INDUSTRY_ASSOCIATION"}',
        'filter',
      );
    }
    if (filter === null || typeof filter !== 'object' || Array.isArray(filter))
      throw new ExportRefused(400, 'BAD_USER_INPUT', 'filter must be a JSON object', 'filter');
  }
  return { filter: filter as Record<string, unknown> | null, asOf: url.searchParams.get('asOf') };
}

/** `attachment` with an ASCII name for old clients and the Chinese one (RFC 6266 filename*). */
const disposition = (name: string, title: string, format: string) =>
  `attachment; filename="${name}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`;

export function exportRoutes(deps: { schema: GraphQLSchema; orm: MikroORM; verify: TokenVerifier }) {
  async function serve(req: IncomingMessage, res: ServerResponse, name: string, format: 'csv' | 'xlsx') {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendError(res, 405, 'BAD_REQUEST', `GET ${req.url?.split('?')[0]}`);
    }
    let identity: Identity;
    try {
      identity = await identify(req.headers.authorization, deps.verify);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const code = String(error.extensions.code);
      return sendError(res, code === 'FORBIDDEN' ? 403 : 401, code, error.message);
    }
    const sheet = SHEETS.get(name);
    if (!sheet)
      return sendError(res, 404, 'NOT_FOUND', `No export is called ${name}; there are ${EXPORT_NAMES.join(', ')}`);
    let opened;
    try {
      const { filter, asOf } = parameters(new URL(req.url ?? '/', 'http://x'));
      const contextFor = () => {
        const em = deps.orm.em.fork();
        return { identity, em, loaders: createRegistryLoaders(em) };
      };
      opened = await openExport(deps.schema, contextFor, { sheet, filter, asOf });
    } catch (error) {
      if (!(error instanceof ExportRefused)) throw error;
      const extra = { ...(error.field ? { field: error.field } : {}), ...error.extra };
      return sendError(res, error.status, error.code, error.message, extra);
    }
    res.writeHead(200, {
      'content-type': TYPES[format],
      'content-disposition': disposition(name, opened.title, format),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    try {
      if (format === 'csv') await writeCsv(res, opened.headers, opened.pages);
      else await writeXlsx(res, opened.title, opened.headers, opened.pages);
    } catch (error) {
      // Past the status line: cut the connection, so the file reads as broken, not as complete.
      log.error(`export ${name}.${format} failed after it began; the connection was cut`, { error });
      res.destroy(error as Error);
    }
  }

  return (req: IncomingMessage): HttpHandler | undefined => {
    const path = (req.url ?? '/').split('?')[0];
    const match = EXPORT_PATH.exec(path);
    if (!match) return undefined;
    return (request, res) => serve(request, res, match[1], match[2] as 'csv' | 'xlsx');
  };
}
