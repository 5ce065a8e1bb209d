import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

// The deployment files as their own tools read them, no engine or cluster needed: the compose
// files by docker-compose, the Kubernetes manifests rendered by kubectl kustomize and validated
// against the Kubernetes schemas (PyPI's kubernetes-validate), the alert rules by promtool, the
// load balancer's configuration by haproxy; then what the issue asks of them. The tools come
// from infra/ci/setup.sh or infra/dev/bootstrap.mjs (npm test installs them as root); a missing
// one fails here, saying how to get it.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;

function tool(variable: string, command: string, install: string): string {
  const candidates = [env[variable], ...['/usr/bin', '/usr/sbin', '/usr/local/bin'].map((d) => join(d, command))];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found)
    throw new Error(
      `${command} is missing: npm test installs it as root (infra/dev/bootstrap.mjs), CI with infra/ci/setup.sh; or apt-get install ${install}, or set ${variable}`,
    );
  return found;
}

function runTool(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(file, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, ...options.env },
    input: options.input,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const compose = (...args: string[]) => {
  const result = runTool(tool('DOCKER_COMPOSE', 'docker-compose', 'docker-compose'), args);
  expect(result.status, result.err).toBe(0);
  return result.out;
};

type Service = {
  image?: string;
  ports?: ({ published: number | string; host_ip?: string } | string)[];
  read_only?: boolean;
  deploy?: { replicas?: number };
  profiles?: string[];
  user?: string;
};

describe('docker-compose.yml', () => {
  it('is valid for docker-compose, alone, with the mTLS override and with the Temporal UI profile', () => {
    compose('config', '-q');
    compose('-f', 'docker-compose.yml', '-f', 'docker-compose.mtls.yml', '--profile', 'temporal-ui', 'config', '-q');
  });

  it("publishes only the load balancer's entrance, Grafana, and the Temporal UI on loopback", () => {
    const { services } = parse(compose('--profile', 'temporal-ui', 'config')) as { services: Record<string, Service> };
    // docker-compose 1.29 normalises `'4000:4000'` to an object but leaves `'127.0.0.1:8080:8080'` as written.
    const published = Object.entries(services).flatMap(([name, s]) =>
      (s.ports ?? []).map((p) =>
        typeof p === 'string'
          ? `${name} ${p.split(':').slice(0, -1).join(':')}`
          : `${name} ${p.host_ip ?? '*'}:${p.published}`,
      ),
    );
    expect(published.sort()).toEqual(['grafana *:3000', 'lb *:4000', 'temporal-ui 127.0.0.1:8080']);
    expect(services['temporal-ui'].profiles).toEqual(['temporal-ui']);
  });

  it('runs two replicas of every part on a read-only root, and Temporal as a cluster set up by its SQL tool', () => {
    const { services } = parse(compose('config')) as { services: Record<string, Service & { environment?: any }> };
    for (const part of ['gateway', 'registry', 'processes', 'worker', 'codec']) {
      expect(services[part].deploy?.replicas, part).toBe(2);
      expect(services[part].read_only, part).toBe(true);
    }
    expect(Object.values(services).some((s) => s.image?.includes('auto-setup'))).toBe(false);
    for (const role of ['history', 'matching', 'frontend', 'worker'])
      expect(services[`temporal-${role}`].environment.SERVICES).toBe(role);
    expect(services['temporal-schema'].image).toMatch(/^temporalio\/admin-tools:/);
    expect(services['temporal-frontend'].environment.NUM_HISTORY_SHARDS).toBe('512');
    expect(services.lb.image).toMatch(/^haproxy:/);
  });
});

/** Rendered manifests of a kustomization, as objects. */
function kustomize(dir: string): Record<string, any>[] {
  const result = runTool(tool('KUBECTL', 'kubectl', 'kubernetes-client'), ['kustomize', dir]);
  expect(result.status, result.err).toBe(0);
  return parseAllDocuments(result.out).map((d) => d.toJSON() as Record<string, any>);
}

/** kubernetes-validate --strict on the objects: the exit status and what it said. */
function validate(objects: Record<string, any>[]) {
  // Where npm test's bootstrap put it (also for a bare `npx vitest` after one npm test).
  const cache = join(env.HUB_TOOLS_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'chamber-hub'));
  const home = env.KUBERNETES_VALIDATE_HOME || join(cache, 'kubernetes-validate-1.37.0');
  if (!existsSync(join(home, 'kubernetes_validate')))
    throw new Error(
      'kubernetes-validate is missing: npm test installs it (infra/dev/bootstrap.mjs, PyPI kubernetes-validate==1.37.0); or eval "$(node infra/dev/bootstrap.mjs env)"',
    );
  const file = join(mkdtempSync(join(tmpdir(), 'hub-k8s-')), 'rendered.yaml');
  writeFileSync(file, objects.map((o) => JSON.stringify(o)).join('\n---\n'));
  return runTool(env.HUB_PYTHON || 'python3', ['-m', 'kubernetes_validate', '--strict', '-k', '1.30.0', file], {
    env: { PYTHONPATH: home },
  });
}

describe('the Kubernetes manifests', () => {
  const city = () => kustomize('infra/k8s/overlays/city');

  it('render (the city overlay, the temporal and data namespaces) and pass the Kubernetes 1.30 schemas, strictly', () => {
    for (const objects of [city(), kustomize('infra/k8s/temporal'), kustomize('infra/k8s/data')]) {
      const result = validate(objects);
      expect(result.status, `${result.out}\n${result.err}`).toBe(0);
      expect(result.out).toMatch(/passed/);
    }
    // The validator does refuse a wrong manifest (a control: it would catch a real mistake).
    const broken = structuredClone(city().find((o) => o.kind === 'Deployment')!);
    broken.spec.replicas = 'two';
    broken.spec.template.spec.containers[0].readinessProbes = {};
    expect(validate([broken]).status).not.toBe(0);
  });

  it('give every part probes, resources, a read-only non-root container, a disruption budget and an autoscaler', () => {
    const objects = city();
    const of = (kind: string) => objects.filter((o) => o.kind === kind);
    const deployments = of('Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([
      'codec',
      'gateway',
      'processes',
      'registry',
      'worker',
    ]);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const [container] = pod.containers;
      expect(d.metadata.namespace).toBe('hub-jiaxing');
      expect(container.image).toMatch(/^registry\.example\.gov\.cn\/jiaxing\/chamber-federation-hub:/);
      expect(container.command[0]).toBe('node');
      expect(container.readinessProbe.httpGet.path, d.metadata.name).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container.resources.requests.cpu).toBeTruthy();
      expect(container.resources.limits.memory).toBeTruthy();
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
      const name = d.metadata.name;
      expect(
        of('PodDisruptionBudget').some((p) => p.spec.selector.matchLabels['app.kubernetes.io/name'] === name),
      ).toBe(true);
      expect(of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name)).toBe(true);
    }
    expect(
      of('Job')
        .map((j) => j.metadata.name)
        .sort(),
    ).toEqual(['hub-migrate', 'temporal-namespace']);
    expect(of('Secret').map((s) => s.metadata.name)).toEqual(['hub-secrets']);
    expect(of('ConfigMap').map((c) => c.metadata.name)).toContain('hub-prometheus-rules');
  });

  it('let in from outside only the gateway and the codec endpoint, and only the gateway to processes', () => {
    const objects = city();
    const [ingress] = objects.filter((o) => o.kind === 'Ingress');
    const backends = ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name));
    expect([...new Set(backends)].sort()).toEqual(['codec', 'gateway']);
    const policies = Object.fromEntries(
      objects.filter((o) => o.kind === 'NetworkPolicy').map((p) => [p.metadata.name, p.spec]),
    );
    expect(policies['default-deny']).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    // (kustomize's commonLabels narrow every selector to the hub's own pods as well)
    const [fromGateway] = policies['processes-from-gateway'].ingress[0].from;
    expect(policies['processes-from-gateway'].ingress[0].from).toHaveLength(1);
    expect(fromGateway.podSelector.matchLabels['app.kubernetes.io/name']).toBe('gateway');
    expect(policies['registry-from-hub'].ingress[0].from[0].podSelector.matchExpressions[0].values).toEqual([
      'gateway',
      'processes',
      'worker',
    ]);
  });
});

describe('the alert rules and the load balancer', () => {
  it('pass promtool: the rules check, their unit tests, and the Prometheus configuration', () => {
    const promtool = tool('PROMTOOL', 'promtool', 'prometheus');
    for (const args of [
      ['check', 'rules', 'infra/observability/alerts.yml'],
      ['test', 'rules', 'infra/observability/alerts.test.yml'],
      ['check', 'config', '--syntax-only', 'infra/observability/prometheus.yml'],
    ]) {
      const result = runTool(promtool, args);
      expect(result.status, `promtool ${args.join(' ')}\n${result.out}${result.err}`).toBe(0);
    }
  });

  it("is a valid HAProxy configuration (compose's load balancer)", () => {
    const haproxy = tool('HAPROXY', 'haproxy', 'haproxy');
    const result = runTool(haproxy, ['-c', '-f', 'infra/lb/haproxy.cfg']);
    expect(result.status, result.out + result.err).toBe(0);
    expect(execFileSync(haproxy, ['-v'], { encoding: 'utf8' })).toMatch(/HAProxy version 2\./);
  });
});
