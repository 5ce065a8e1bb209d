import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sendError } from '../common/http.js';

// The web console's built files (console/dist, CONSOLE_DIR) at /console/ on the gateway's own
// origin, so the console reaches /graphql without CORS and carries no token in a cookie.
// Everything it loads comes from here: the Content-Security-Policy says so to the browser
// (only the OIDC issuer's origin is allowed besides, for the token exchange). Paths the
// console's router owns (/console/tasks/<id>) get index.html; a missing file is a 404.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.wasm']);
const gzipped = promisify(gzip);

export interface ConsoleFiles {
  /** GET/HEAD of a file path under /console/ (`rest` is what follows /console/, still encoded). */
  serve(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void>;
}

/** Security headers of every console answer; `trustedOrigins()` adds the OIDC issuer's origins. */
export function consoleHeaders(trustedOrigins: string[]): Record<string, string> {
  const others = trustedOrigins.length ? ` ${trustedOrigins.join(' ')}` : '';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // antd writes its styles into <style> elements at run time (CSS-in-JS).
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      `connect-src 'self'${others}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      `form-action 'self'${others}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** The path's segments under the console directory, or undefined when it tries to leave it. */
function safeSegments(rest: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || segment.startsWith('.') || /[\\/\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

export function consoleFiles(dir: string, trustedOrigins: () => string[]): ConsoleFiles {
  const root = resolve(dir);
  // Compressed bodies by path and modification time: the bundle is compressed once, not per visit.
  const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();

  async function fileAt(path: string) {
    try {
      const info = await stat(path);
      return info.isFile() ? info : undefined;
    } catch {
      return undefined;
    }
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    info: { mtimeMs: number; size: number },
    cache: string,
  ) {
    const ext = extname(path).toLowerCase();
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cache,
      etag,
    };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    let body: Buffer;
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && info.size > 1024) {
      let entry = compressed.get(path);
      if (!entry || entry.mtimeMs !== info.mtimeMs) {
        entry = { mtimeMs: info.mtimeMs, body: await gzipped(await readFile(path), { level: 9 }) };
        compressed.set(path, entry);
      }
      body = entry.body;
      headers['content-encoding'] = 'gzip';
    } else {
      body = await readFile(path);
    }
    if (COMPRESSIBLE.has(ext)) headers.vary = 'accept-encoding';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function notBuilt(req: IncomingMessage, res: ServerResponse) {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head><body>
<h1>控制台尚未构建 / The console is not built</h1>
<p>No built console in <code>${escapeHtml(root)}</code>. Run <code>npm run console:build</code> and reload
(<code>npm start</code> builds it when it is missing).</p></body></html>`;
    res.writeHead(503, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': '10',
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  }

  return {
    async serve(req, res, rest) {
      for (const [name, value] of Object.entries(consoleHeaders(trustedOrigins()))) res.setHeader(name, value);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return sendError(
          res,
          405,
          'BAD_REQUEST',
          `${req.method} is not served here: the console's files answer GET and HEAD`,
        );
      }
      const segments = safeSegments(rest);
      if (!segments) return sendError(res, 400, 'BAD_REQUEST', 'The path is not a path inside the console');
      const index = join(root, 'index.html');
      if (segments.length) {
        const path = join(root, ...segments);
        if (!path.startsWith(root + sep))
          return sendError(res, 400, 'BAD_REQUEST', 'The path is not a path inside the console');
        const info = await fileAt(path);
        // Vite names what it builds into assets/ by content hash: a new build has new names.
        if (info)
          return send(
            req,
            res,
            path,
            info,
            segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        // A name with an extension is a file the page asked for; without one, a page of the console's router.
        if (extname(segments[segments.length - 1]))
          return sendError(res, 404, 'NOT_FOUND', `No console file ${segments.join('/')}`);
      }
      const info = await fileAt(index);
      if (!info) return notBuilt(req, res);
      return send(req, res, index, info, 'no-cache');
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
