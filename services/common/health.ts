import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { log } from './log.js';

// Probes for whatever runs the hub's parts (Kubernetes, docker-compose, the load balancer):
// GET /healthz says the process is alive (its event loop answers), GET /readyz that it can do
// its work now: each of its checks (PostgreSQL answers, Temporal answers, the supergraph is
// composed, the worker polls) passed within CHECK_TIMEOUT_MS. A part that is stopping answers
// /readyz with 503 from the first moment of SIGTERM, so the load balancer stops sending it new
// requests while it finishes the ones it has (gracefulShutdown below).
// Answers are small JSON objects, never cached, and need no token: they name checks, not data.

/** One readiness condition: resolves when met, rejects (with a reason a person can act on) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export const CHECK_TIMEOUT_MS = 2_000;

export class Health {
  private stopping = false;

  constructor(
    readonly service: string,
    private readonly checks: Record<string, ReadinessCheck> = {},
  ) {}

  /** From now on /readyz answers 503 "stopping": no new work should be sent here. */
  markStopping(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Runs every check at once, each under CHECK_TIMEOUT_MS. */
  async readiness(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results = await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        });
        try {
          await Promise.race([check(), late]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, (error as Error).message?.slice(0, 200) || 'failed'] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(results);
    if (this.stopping) checks.shutdown = 'stopping';
    return { ready: !this.stopping && results.every(([, result]) => result === 'ok'), checks };
  }

  /** Answers GET/HEAD /healthz and /readyz; false for any other path (the caller serves it). */
  handles(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(405, { status: 'use GET' });
    } else if (path === '/healthz') {
      send(200, { status: 'alive', service: this.service });
    } else {
      this.readiness().then(
        ({ ready, checks }) =>
          send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: this.service, checks }),
        () => send(503, { status: 'not ready', service: this.service }),
      );
    }
    return true;
  }
}

/**
 * A probe server of its own, for a part with no HTTP server of its own (the worker): /healthz and
 * /readyz on `port`, 404 for anything else.
 */
export async function serveProbes(health: Health, port: number, host: string) {
  const server = createServer((req, res) => {
    if (!health.handles(req, res))
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
  });
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * SIGTERM and SIGINT for a part's entry point: /readyz turns 503 at once, and after
 * `delayMs` (time for the load balancer's next probe to notice) `stop` runs: it stops taking
 * requests and drains the ones in flight (the HTTP front), or lets the worker finish or hand back
 * its tasks. The process exits 0 when `stop` is done, 1 when it fails or outlives `deadlineMs`;
 * a second signal exits at once.
 */
export function stopOnSignals(
  health: Health | undefined,
  stop: () => Promise<unknown>,
  options: { delayMs: number; deadlineMs?: number },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    health?.markStopping();
    log.info(`${signal}: not ready any more; stopping in ${options.delayMs} ms`, { service: health?.service });
    const deadline = setTimeout(
      () => {
        log.error(`still stopping after ${options.deadlineMs ?? 60_000} ms: exiting`, { service: health?.service });
        process.exit(1);
      },
      options.delayMs + (options.deadlineMs ?? 60_000),
    );
    deadline.unref();
    setTimeout(() => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('stopping failed', { error, service: health?.service });
          process.exit(1);
        },
      );
    }, options.delayMs);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
