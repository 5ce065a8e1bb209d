import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sendError, type HttpHandler } from '../../common/http.js';
import { HubError } from '../../common/errors.js';
import { hasRole, identify, type Identity, type TokenVerifier } from '../../common/identity.js';
import { IMPORT_KINDS, MAX_HTTP_ROWS, type ImportKind } from './formats.js';
import { MAX_UPLOAD_BYTES } from '../../common/import-upload.js';
import { storeImportFile } from './upload.js';

// POST /imports/files?kind=<kind>&fileName=<name> with the file's raw bytes: an upload larger
// than GraphQL's base64 mutation takes. The gateway serves it as POST /api/v1/imports/files
// (services/gateway/import-upload.ts) and forwards the caller's token; this side verifies it
// again and decides, as uploadRegistryImportFile does: Federation officers and admins only, the
// same checks of the file, the same record. The body is read a chunk at a time and refused
// (413) as soon as it passes the limit, never read whole first.

export const UPLOAD_PATH = '/imports/files';

/** Refused with `status`, the code and the message in Chinese. */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

class UploadAbandoned extends Error {}

const tooLarge = () =>
  new UploadRefused(
    413,
    'PAYLOAD_TOO_LARGE',
    `文件超过 ${MAX_UPLOAD_BYTES / 2 ** 20} MiB 的上限；请拆成多个文件分别导入`,
    'body',
  );

function parameters(url: URL): { kind: ImportKind; fileName: string } {
  const unknown = [...url.searchParams.keys()].find((key) => key !== 'kind' && key !== 'fileName');
  if (unknown !== undefined)
    throw new UploadRefused(400, 'BAD_USER_INPUT', `上传只接受 kind 和 fileName 两个参数，不接受“${unknown}”`, unknown);
  const kind = url.searchParams.get('kind') ?? '';
  if (!(IMPORT_KINDS as string[]).includes(kind))
    throw new UploadRefused(400, 'BAD_USER_INPUT', `kind 应为：${IMPORT_KINDS.join('、')}`, 'kind');
  const fileName = url.searchParams.get('fileName');
  if (!fileName)
    throw new UploadRefused(400, 'BAD_USER_INPUT', '缺少 fileName 参数（文件名，如 名录.csv）', 'fileName');
  return { kind: kind as ImportKind, fileName };
}

/** The body, read a chunk at a time; refused once it passes the limit (or says it will). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    // The sender went away (the gateway cuts an upload past the limit): nobody to answer.
    throw new UploadAbandoned();
  }
  return Buffer.concat(chunks, size);
}

export function importUploadRoutes(deps: { orm: MikroORM; verify: TokenVerifier }) {
  async function serve(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'BAD_REQUEST', `POST ${UPLOAD_PATH}`);
    }
    let identity: Identity;
    try {
      identity = await identify(req.headers.authorization, deps.verify);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const code = String(error.extensions.code);
      return sendError(res, code === 'FORBIDDEN' ? 403 : 401, code, error.message);
    }
    try {
      if (!hasRole(identity, 'FEDERATION_OFFICER', 'ADMIN'))
        throw new UploadRefused(403, 'FORBIDDEN', '只有工商联工作人员和管理员可以上传导入文件');
      const { kind, fileName } = parameters(new URL(req.url ?? '/', 'http://x'));
      const bytes = await readBody(req);
      const file = await storeImportFile(deps.orm.em.fork(), {
        kind,
        fileName,
        bytes,
        uploadedBy: identity.subject,
        maxRows: MAX_HTTP_ROWS,
        field: 'body',
      });
      const { id, format, sha256, size, rows, uploadedAt } = file;
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ id, kind, fileName: file.fileName, format, sha256, size, rows, uploadedAt }));
    } catch (error) {
      if (error instanceof HubError) {
        const { code, field } = error.extensions as { code: string; field?: string };
        return refuse(res, new UploadRefused(400, code, error.message, field));
      }
      if (error instanceof UploadRefused) return refuse(res, error);
      if (error instanceof UploadAbandoned) return void res.destroy();
      throw error;
    }
  }

  return (req: IncomingMessage): HttpHandler | undefined =>
    (req.url ?? '/').split('?')[0] === UPLOAD_PATH ? serve : undefined;
}

function refuse(res: ServerResponse, error: UploadRefused) {
  // The rest of a body not read: the connection ends with the answer.
  if (!res.headersSent) res.setHeader('connection', 'close');
  sendError(res, error.status, error.code, error.message, error.field ? { field: error.field } : {});
}
