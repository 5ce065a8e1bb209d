import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/dev/ports.js';
import { Cleanup, startPart, type Child, type Part } from './processes.js';

// The hub as production runs it, on one machine: two replicas of each part as OS processes and
// Debian's HAProxy in front of them (the same HAProxy as docker-compose's load balancer), which
// checks each replica's /readyz and retries a connection that fails on the other one. The
// gateways, the processes service and the workers reach the subgraphs through it too, as they
// reach a Kubernetes Service.

export const REPLICATED: Part[] = ['registry', 'processes', 'worker', 'gateway'];

export interface Replica {
  part: Part;
  index: number;
  name: string;
  env: Record<string, string>;
  child: Child;
  /** Its own /readyz (the worker's probe port). */
  readyUrl: string;
}

export interface ReplicatedHub {
  /** The load balancer's entrance to the gateways. */
  url: string;
  replicas: Replica[];
  /** Starts a replica again (after a kill) and waits until it is ready. */
  restart(replica: Replica): Promise<number>;
}

function haproxyBinary(): string {
  const found = [process.env.HAPROXY, '/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => p && existsSync(p));
  if (!found)
    throw new Error(
      'haproxy is missing: npm test installs it as root (infra/dev/bootstrap.mjs), CI with infra/ci/setup.sh; or apt-get install haproxy, or set HAPROXY',
    );
  return found;
}

const readyPort = (part: Part, env: Record<string, string>) =>
  env[
    { registry: 'REGISTRY_PORT', processes: 'PROCESSES_PORT', worker: 'WORKER_PROBE_PORT', gateway: 'GATEWAY_PORT' }[
      part
    ]
  ];

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/** Two of each part behind HAProxy; `base` is test/support/processes.ts's hubEnv. */
export async function startReplicatedHub(base: Record<string, string>, cleanup: Cleanup): Promise<ReplicatedHub> {
  const lb = { gateway: await freePort(), registry: await freePort(), processes: await freePort() };
  const envs: { part: Part; index: number; env: Record<string, string> }[] = [];
  for (const part of REPLICATED)
    for (const index of [1, 2]) {
      envs.push({
        part,
        index,
        env: {
          ...base,
          GATEWAY_PORT: String(await freePort()),
          REGISTRY_PORT: String(await freePort()),
          PROCESSES_PORT: String(await freePort()),
          WORKER_PROBE_PORT: String(await freePort()),
          REGISTRY_URL: `http://127.0.0.1:${lb.registry}/graphql`,
          PROCESSES_URL: `http://127.0.0.1:${lb.processes}/graphql`,
        },
      });
    }
  const servers = (part: Part) =>
    envs
      .filter((e) => e.part === part)
      .map((e) => `  server ${part}${e.index} 127.0.0.1:${readyPort(part, e.env)}`)
      .join('\n');
  const config = `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 120s
  timeout server 120s
  retries 3
  retry-on conn-failure
  option redispatch
  option httpchk GET /readyz
  http-check expect status 200
  timeout check 2s
  default-server inter 500ms fall 2 rise 2 check
${(['gateway', 'registry', 'processes'] as const)
  .map(
    (part) => `frontend ${part}
  bind 127.0.0.1:${lb[part]}
  default_backend ${part}s
backend ${part}s
  balance roundrobin
${servers(part)}`,
  )
  .join('\n')}
`;
  const file = join(mkdtempSync(join(tmpdir(), 'hub-haproxy-')), 'haproxy.cfg');
  writeFileSync(file, config);
  const haproxy = spawn(haproxyBinary(), ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let haproxyErrors = '';
  haproxy.stderr.on('data', (chunk) => (haproxyErrors += chunk));
  cleanup.add('haproxy', async () => void haproxy.kill('SIGKILL'));
  process.once('exit', () => haproxy.kill('SIGKILL'));

  const start = async ({ part, index, env }: (typeof envs)[number]) => {
    const name = `${part} ${index}`;
    const child = await startPart(part, env, cleanup, name);
    const readyUrl = `http://127.0.0.1:${readyPort(part, env)}/readyz`;
    await waitReady(readyUrl);
    return { part, index, name, env, child, readyUrl } satisfies Replica;
  };
  // The subgraphs first (the others call them), then the workers and gateways.
  const replicas: Replica[] = [];
  for (const group of [
    ['registry', 'processes'],
    ['worker', 'gateway'],
  ] as Part[][])
    replicas.push(...(await Promise.all(envs.filter((e) => group.includes(e.part)).map(start))));
  if (haproxy.exitCode !== null) throw new Error(`haproxy exited: ${haproxyErrors}`);
  return {
    url: `http://127.0.0.1:${lb.gateway}/`,
    replicas,
    async restart(replica) {
      const started = performance.now();
      const fresh = await start(replica);
      replica.child = fresh.child;
      return performance.now() - started;
    },
  };
}
