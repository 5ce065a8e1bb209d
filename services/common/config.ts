// Every setting of the hub, read from the environment in one place. Each has a default that
// works for the embedded dev stack (`npm start`), so a new machine needs no variables at all.
import { fileURLToPath } from 'node:url';
import { DEV_PAYLOAD_KEYS, parsePayloadKeys, type PayloadKey } from './payload-keys.js';

export const EMBEDDED_PG_PORT = 54329;

/**
 * JWT_SECRET when none is set: the embedded dev stack's. Dev sign-in in the console (tokens for
 * the seeded identities, services/gateway/session.ts) exists only while the hub runs with it.
 */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me';

/** TOKEN_MAX_LIFETIME_HOURS when unset: a working day and then some (dev tokens live 12 hours). */
export const DEFAULT_TOKEN_MAX_LIFETIME_HOURS = 24;
/**
 * SUBGRAPH_SECRET when none is set (the embedded dev stack and the tests' default): public, so
 * it proves nothing; with NODE_ENV=production the hub refuses to start with it.
 */
export const DEV_SUBGRAPH_SECRET = 'dev-only-subgraph-secret-not-for-production';

/** Where `npm run console:build` writes the console; the gateway serves it at /console/. */
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist', import.meta.url));

export interface HubConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  jwtSecret: string;
  /**
   * TOKEN_MAX_LIFETIME_HOURS: the longest a bearer token may live (exp - iat), the hub's own and
   * the OIDC issuer's alike; npm run token and dev sign-in stay within it.
   */
  tokenMaxLifetimeMs: number;
  /** Address the HTTP servers bind: loopback for the dev stack, 0.0.0.0 in containers. */
  listenHost: string;
  gatewayPort: number;
  registryPort: number;
  processesPort: number;
  registryUrl: string;
  processesUrl: string;
  /** How long the gateway waits for one subgraph request (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  /**
   * SUBGRAPHS_IN_PROCESS: where the gateway runs in one process with the subgraphs (infra/dev/hub.ts,
   * `npm start`), it calls them there without HTTP; a gateway of its own always fetches their URLs.
   */
  subgraphsInProcess: boolean;
  /** INTEGRATOR_USAGE_FLUSH_MS: how often the gateway adds its integrator usage counts to the registry (10 s). */
  integratorUsageFlushMs: number;
  /**
   * Deadlines of a training application, travelling as workflow input: the chamber's endorsement
   * (ENDORSEMENT_DEADLINE_HOURS), the Federation officers' after escalation (ESCALATION_DEADLINE_HOURS)
   * and the Federation's confirmation (CONFIRMATION_DEADLINE_HOURS).
   */
  trainingDeadlines: { endorsementMs: number; escalationMs: number; confirmationMs: number };
  /**
   * How the hub reaches Temporal beyond address and namespace (services/common/temporal.ts):
   * mTLS files (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_CA, TEMPORAL_TLS_SERVER_NAME)
   * or an API key (TEMPORAL_API_KEY); none of them for the dev server.
   */
  temporalTls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string };
  temporalApiKey?: string;
  /** TEMPORAL_PAYLOAD_KEYS: the first encrypts every payload, all decrypt (rotation). Dev key when unset. */
  payloadKeys: PayloadKey[];
  /** The Temporal UI's codec endpoint (services/codec): its port and the UI origins it answers. */
  codecPort: number;
  codecCorsOrigins: string[];
  /** What every HTTP server (gateway and subgraphs) accepts before it parses a body. */
  http: { maxBodyBytes: number; maxJsonDepth: number };
  /** Introspection and "Did you mean" suggestions (GRAPHQL_INTROSPECTION, off under NODE_ENV=production). */
  introspection: boolean;
  /** The gateway's refusals before execution: see services/gateway/limits/. */
  limits: QueryLimits;
  /**
   * Requests per second per token subject at the gateway, with a burst allowance, counted in
   * PostgreSQL so that every gateway replica shares one bucket per subject (RATE_LIMIT_STORE
   * `postgres`, the default), or in each process's memory (`memory`).
   */
  rateLimit: { perSecond: number; burst: number; store: 'postgres' | 'memory' };
  /**
   * SUBGRAPH_SECRET: the secrets the hub's parts sign subgraph requests with (the first signs,
   * all are accepted: rotation); subgraphs refuse requests without a valid signature.
   */
  subgraphSecrets: string[];
  /** WORKER_PROBE_PORT: the worker's /healthz and /readyz (it has no other HTTP server). */
  workerProbePort: number;
  /** The worker's slots and sticky cache (WORKER_*); undefined leaves the Temporal SDK's default. */
  worker: WorkerTuning;
  /**
   * WORKFLOW_STACK_TRACES: the SDK's stack-trace query (a stack captured for every promise a
   * workflow makes); on in development, off under NODE_ENV=production. Off takes effect only where
   * the worker's node preloads services/processes/workflow-stack-traces (docs/operations.md).
   */
  workflowStackTraces: boolean;
  /**
   * SHUTDOWN_DELAY_SECONDS: on SIGTERM a part answers /readyz with 503 this long before it stops
   * taking requests, so the load balancer's probes see it go first (0 under npm start).
   */
  shutdownDelayMs: number;
  /** The log's format and threshold (LOG_FORMAT, LOG_LEVEL): services/common/log.ts. */
  log: LogSettings;
  /** METRICS_TOKEN: when set, GET /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * WORKER_METRICS_ADDRESS: host:port of the Temporal SDK's Prometheus exporter in a process that
   * runs the worker (npm run worker, npm start); undefined when `off`.
   */
  workerMetricsAddress?: string;
  /** OpenTelemetry traces (services/common/tracing.ts): off unless an OTLP endpoint or TRACE_CONSOLE says otherwise. */
  tracing: TraceSettings;
  /** An OIDC issuer whose tokens the gateway, subgraphs and codec accept besides the hub's own (OIDC_*). */
  oidc?: OidcSettings;
  /** CONSOLE_DIR: the built console the gateway serves at /console/ (default console/dist). */
  consoleDir: string;
  /**
   * TRUSTED_DOCUMENTS=enforce: the gateway runs only registered operations (services/gateway/
   * trusted-documents.ts): the console's own, written by its build, and those in
   * TRUSTED_DOCUMENTS_FILES (comma-separated JSON files). `off` (the default) runs any operation.
   */
  trustedDocuments: { enforce: boolean; files: string[] };
  /**
   * HUB_SEED_TODAY: the day (ISO date) the seed places what walk-throughs and Schedules need
   * around (a course to apply for, last year's inspections); unset: today in China.
   */
  seedToday?: string;
  /**
   * HUB_CLOCK_OFFSET_DAYS: whole days added to the calendar day the services compute
   * (`todayInChina`, services/common/dates.ts), so a test or a demo can run the hub as it will be
   * on a later day (test/docs-examples-moved-clock.test.ts: a year and a half ahead). It moves
   * days only, never an instant: Temporal's timers, workflow code (its Date.now() is the
   * server's), deadlines, bidding windows, tokens and timestamps keep real time. Refused under
   * NODE_ENV=production. Read by todayInChina() from the process's configuration.
   */
  clockOffsetDays: number;
  /**
   * Notifications by email and DingTalk (services/processes/kit/delivery): NOTIFICATION_DELIVERY
   * sends them (default: on under NODE_ENV=production, off in development, where they wait in the
   * outbox), NOTIFICATION_DELIVERY_INTERVAL_MS, NOTIFICATION_RETRY_BASE_MS, NOTIFICATION_MAX_ATTEMPTS.
   */
  notificationDelivery: { enabled: boolean; intervalMs: number; retryBaseMs: number; maxAttempts: number };
}

export interface WorkerTuning {
  /** WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: workflow tasks one worker runs at once. */
  maxConcurrentWorkflowTaskExecutions?: number;
  /** WORKER_MAX_CONCURRENT_ACTIVITIES: activities one worker runs at once. */
  maxConcurrentActivityTaskExecutions?: number;
  /** WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: local activities (the task kit's projection writes) at once. */
  maxConcurrentLocalActivityExecutions?: number;
  /** WORKER_MAX_CACHED_WORKFLOWS: the sticky cache, runs kept in memory between their workflow tasks. */
  maxCachedWorkflows?: number;
  /** WORKER_SHUTDOWN_GRACE_SECONDS: how long running activities may finish after SIGTERM before they are cancelled. */
  shutdownGraceMs: number;
}

export interface OidcSettings {
  /** OIDC_ISSUER: the `iss` of its tokens, exactly; discovery is <issuer>/.well-known/openid-configuration. */
  issuer: string;
  /** OIDC_AUDIENCE: the `aud` its access tokens must carry for the hub. */
  audience: string;
  /** OIDC_CLIENT_ID: the console's public client id at the issuer (default: the audience). */
  clientId: string;
  /** OIDC_SCOPE: what the console asks for (default `openid profile`). */
  scope: string;
  /** OIDC_ROLES_CLAIM / OIDC_ORGS_CLAIM: claim names, dotted paths allowed (realm_access.roles). */
  rolesClaim: string;
  orgsClaim: string;
  /** OIDC_FEDERATION_CLAIM: the claim naming the officer's or admin's Federation (organization id); default `fed`. */
  federationClaim: string;
  /** OIDC_JWKS_URI: the keys' URL; from discovery when unset. */
  jwksUri?: string;
}

export interface TraceSettings {
  /**
   * Where spans go over OTLP/HTTP (JSON): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else
   * OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces; undefined when neither is set.
   */
  otlpTracesUrl?: string;
  /** TRACE_CONSOLE: every span also as a line of the hub's log (development). */
  console: boolean;
  /** OTEL_SERVICE_NAME: the resource's service.name instead of the process's own (gateway, worker ...). */
  serviceName?: string;
}

export interface LogSettings {
  /** `json`: one JSON object a line (the default); `pretty`: short human lines (npm start). */
  format: 'json' | 'pretty';
  /** The lowest level written: debug, info (the default), warn, error. */
  level: 'debug' | 'info' | 'warn' | 'error';
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

function port(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return value;
}

function isoDay(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // A real calendar day (dates.ts's isIsoDate, not imported: it loads the logger, which loads this file).
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== raw)
    throw new Error(`${name} must be a day in the form yyyy-mm-dd, got "${raw}"`);
  return raw;
}

/** HUB_CLOCK_OFFSET_DAYS: a whole number of days (±100 years), 0 unless set; never in production. */
function clockOffsetDays(env: NodeJS.ProcessEnv): number {
  const raw = env.HUB_CLOCK_OFFSET_DAYS;
  if (raw === undefined || raw === '') return 0;
  const days = Number(raw);
  if (!/^[+-]?\d+$/.test(raw) || Math.abs(days) > 36_500)
    throw new Error(`HUB_CLOCK_OFFSET_DAYS must be a whole number of days, got "${raw}"`);
  if (days !== 0 && env.NODE_ENV === 'production')
    throw new Error('HUB_CLOCK_OFFSET_DAYS moves the calendar for tests and demos; unset it under NODE_ENV=production');
  return days;
}

function hours(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of hours, got "${raw}"`);
  return Math.round(value * 3_600_000);
}

function milliseconds(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive number of milliseconds, got "${raw}"`);
  return value;
}

function positive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** A positive whole number, or undefined when unset (the library's own default applies). */
function optionalPositive(name: string, env: NodeJS.ProcessEnv): number | undefined {
  return env[name] === undefined || env[name] === '' ? undefined : positive(name, 1, env);
}

function nonNegativeSeconds(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 3600)
    throw new Error(`${name} must be a number of seconds from 0 to 3600, got "${raw}"`);
  return Math.round(value * 1000);
}

/** SUBGRAPH_SECRET: comma-separated, each 32 characters or more; the dev secret refused in production. */
function subgraphSecrets(env: NodeJS.ProcessEnv): string[] {
  const raw = env.SUBGRAPH_SECRET || DEV_SUBGRAPH_SECRET;
  const secrets = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length === 0 || secrets.some((s) => s.length < 32))
    throw new Error(
      'SUBGRAPH_SECRET must hold secrets of at least 32 characters each (openssl rand -base64 32), comma-separated',
    );
  if (env.NODE_ENV === 'production' && secrets.includes(DEV_SUBGRAPH_SECRET))
    throw new Error(
      'NODE_ENV=production with the dev-only SUBGRAPH_SECRET: set a secret of your own (openssl rand -base64 32)',
    );
  return secrets;
}

function rateLimitStore(env: NodeJS.ProcessEnv): 'postgres' | 'memory' {
  const raw = (env.RATE_LIMIT_STORE || 'postgres').toLowerCase();
  if (raw !== 'postgres' && raw !== 'memory')
    throw new Error(`RATE_LIMIT_STORE must be postgres or memory, got "${env.RATE_LIMIT_STORE}"`);
  return raw;
}

/** WORKFLOW_STACK_TRACES, on unless NODE_ENV=production; read by the workflow threads' preload too. */
export function workflowStackTraces(env: NodeJS.ProcessEnv): boolean {
  return flag('WORKFLOW_STACK_TRACES', env.NODE_ENV !== 'production', env);
}

function flag(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function url(name: string, fallback: string, env: NodeJS.ProcessEnv): string {
  const raw = env[name] || fallback;
  try {
    new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL, got "${raw}"`);
  }
  return raw;
}

/** LOG_FORMAT and LOG_LEVEL alone (the log reads them before any service has its HubConfig). */
export function readLogSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const format = (env.LOG_FORMAT || 'json').toLowerCase();
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (level !== 'debug' && level !== 'info' && level !== 'warn' && level !== 'error') {
    throw new Error(`LOG_LEVEL must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  }
  return { format, level };
}

/**
 * The standard OpenTelemetry variables the hub honours, plus TRACE_CONSOLE. OTEL_SDK_DISABLED=true
 * turns everything off; only OTLP over HTTP with JSON bodies is spoken (what every collector's
 * port 4318 takes), so another OTEL_EXPORTER_OTLP_PROTOCOL is refused rather than ignored.
 */
export function readTraceSettings(env: NodeJS.ProcessEnv = process.env): TraceSettings {
  const serviceName = env.OTEL_SERVICE_NAME || undefined;
  const consoleOut = flag('TRACE_CONSOLE', false, env);
  if (flag('OTEL_SDK_DISABLED', false, env)) return { console: false, serviceName };
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (protocol && protocol !== 'http/json') {
    throw new Error(
      `OTEL_EXPORTER_OTLP_PROTOCOL must be http/json (the hub exports OTLP over HTTP with JSON bodies), got "${protocol}"`,
    );
  }
  const httpUrl = (name: string) => {
    const raw = url(name, '', env);
    if (!/^https?:$/.test(new URL(raw).protocol))
      throw new Error(`${name} must be an http:// or https:// URL, got "${raw}"`);
    return raw;
  };
  let otlpTracesUrl: string | undefined;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) otlpTracesUrl = httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  else if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    otlpTracesUrl = `${httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT').replace(/\/+$/, '')}/v1/traces`;
  return { otlpTracesUrl, console: consoleOut, serviceName };
}

/** host:port for a listening socket ([v6]:port too), or undefined for `off`. */
function bindAddress(name: string, fallback: string, env: NodeJS.ProcessEnv): string | undefined {
  const raw = env[name] || fallback;
  if (raw.toLowerCase() === 'off') return undefined;
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
  if (!match || Number(match[2]) > 65535)
    throw new Error(`${name} must be host:port (e.g. 127.0.0.1:9464) or off, got "${raw}"`);
  return raw;
}

function temporalTls(env: NodeJS.ProcessEnv): HubConfig['temporalTls'] {
  const tls = {
    certPath: env.TEMPORAL_TLS_CERT || undefined,
    keyPath: env.TEMPORAL_TLS_KEY || undefined,
    caPath: env.TEMPORAL_TLS_CA || undefined,
    serverName: env.TEMPORAL_TLS_SERVER_NAME || undefined,
  };
  if (!Object.values(tls).some(Boolean)) return undefined;
  if (Boolean(tls.certPath) !== Boolean(tls.keyPath))
    throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (the client certificate and its key)');
  return tls;
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters long');
  return token;
}

function claimPath(name: string, fallback: string, env: NodeJS.ProcessEnv): string {
  const raw = env[name] || fallback;
  if (!/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/.test(raw))
    throw new Error(`${name} must be a claim name or a dotted path (e.g. realm_access.roles), got "${raw}"`);
  return raw;
}

/** OIDC_* together: nothing without OIDC_ISSUER; with it, OIDC_AUDIENCE is required. */
function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) {
    const stray = ['OIDC_AUDIENCE', 'OIDC_CLIENT_ID', 'OIDC_JWKS_URI'].filter((name) => env[name]);
    if (stray.length) throw new Error(`${stray.join(', ')} set without OIDC_ISSUER: set the issuer too, or unset them`);
    return undefined;
  }
  const issuer = url('OIDC_ISSUER', '', env);
  if (!/^https?:$/.test(new URL(issuer).protocol))
    throw new Error(`OIDC_ISSUER must be an http:// or https:// URL, got "${issuer}"`);
  const audience = env.OIDC_AUDIENCE;
  if (!audience)
    throw new Error(
      'OIDC_AUDIENCE is required with OIDC_ISSUER: the audience (aud) the issuer puts in access tokens for the hub',
    );
  return {
    issuer,
    audience,
    clientId: env.OIDC_CLIENT_ID || audience,
    scope: env.OIDC_SCOPE || 'openid profile',
    rolesClaim: claimPath('OIDC_ROLES_CLAIM', 'roles', env),
    orgsClaim: claimPath('OIDC_ORGS_CLAIM', 'orgs', env),
    federationClaim: claimPath('OIDC_FEDERATION_CLAIM', 'fed', env),
    jwksUri: env.OIDC_JWKS_URI ? url('OIDC_JWKS_URI', '', env) : undefined,
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const registryPort = port('REGISTRY_PORT', 4001, env);
  const processesPort = port('PROCESSES_PORT', 4002, env);
  const jwtSecret = env.JWT_SECRET || DEV_JWT_SECRET;
  if (jwtSecret.length < 16) throw new Error('JWT_SECRET must be at least 16 characters long');
  return {
    databaseUrl: url('DATABASE_URL', `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/hub`, env),
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'hub',
    jwtSecret,
    tokenMaxLifetimeMs: hours('TOKEN_MAX_LIFETIME_HOURS', DEFAULT_TOKEN_MAX_LIFETIME_HOURS, env),
    listenHost: env.LISTEN_HOST || '127.0.0.1',
    gatewayPort: port('GATEWAY_PORT', 4000, env),
    registryPort,
    processesPort,
    registryUrl: url('REGISTRY_URL', `http://127.0.0.1:${registryPort}/graphql`, env),
    trainingDeadlines: {
      endorsementMs: hours('ENDORSEMENT_DEADLINE_HOURS', 14 * 24, env),
      escalationMs: hours('ESCALATION_DEADLINE_HOURS', 3 * 24, env),
      confirmationMs: hours('CONFIRMATION_DEADLINE_HOURS', 7 * 24, env),
    },
    processesUrl: url('PROCESSES_URL', `http://127.0.0.1:${processesPort}/graphql`, env),
    subgraphTimeoutMs: milliseconds('SUBGRAPH_TIMEOUT_MS', 30_000, env),
    subgraphsInProcess: flag('SUBGRAPHS_IN_PROCESS', false, env),
    integratorUsageFlushMs: milliseconds('INTEGRATOR_USAGE_FLUSH_MS', 10_000, env),
    temporalTls: temporalTls(env),
    temporalApiKey: env.TEMPORAL_API_KEY || undefined,
    payloadKeys: parsePayloadKeys(env.TEMPORAL_PAYLOAD_KEYS || DEV_PAYLOAD_KEYS),
    codecPort: port('CODEC_PORT', 4003, env),
    codecCorsOrigins: (env.CODEC_CORS_ORIGINS || 'http://127.0.0.1:8233,http://localhost:8233')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    http: {
      maxBodyBytes: positive('MAX_BODY_BYTES', 1_048_576, env),
      maxJsonDepth: positive('MAX_JSON_DEPTH', 64, env),
    },
    introspection: flag('GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production', env),
    // Defaults sit well above every query of the README, the tests and the benchmark (measured:
    // depth 6, 4 aliases, ~150 tokens, cost 526) and far below the hostile ones of issue 7.
    limits: {
      maxDepth: positive('MAX_QUERY_DEPTH', 12, env),
      maxAliases: positive('MAX_QUERY_ALIASES', 30, env),
      maxTokens: positive('MAX_QUERY_TOKENS', 3000, env),
      maxDirectives: positive('MAX_QUERY_DIRECTIVES', 20, env),
      maxCost: positive('MAX_QUERY_COST', 5000, env),
    },
    rateLimit: {
      perSecond: positive('RATE_LIMIT_PER_SECOND', 100, env),
      burst: positive('RATE_LIMIT_BURST', 200, env),
      store: rateLimitStore(env),
    },
    subgraphSecrets: subgraphSecrets(env),
    workerProbePort: port('WORKER_PROBE_PORT', 4004, env),
    worker: {
      maxConcurrentWorkflowTaskExecutions: optionalPositive('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', env),
      maxConcurrentActivityTaskExecutions: optionalPositive('WORKER_MAX_CONCURRENT_ACTIVITIES', env),
      maxConcurrentLocalActivityExecutions: optionalPositive('WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES', env),
      maxCachedWorkflows: optionalPositive('WORKER_MAX_CACHED_WORKFLOWS', env),
      shutdownGraceMs: nonNegativeSeconds('WORKER_SHUTDOWN_GRACE_SECONDS', 10, env),
    },
    workflowStackTraces: workflowStackTraces(env),
    shutdownDelayMs: nonNegativeSeconds('SHUTDOWN_DELAY_SECONDS', 0, env),
    log: readLogSettings(env),
    metricsToken: metricsToken(env),
    workerMetricsAddress: bindAddress('WORKER_METRICS_ADDRESS', '127.0.0.1:9464', env),
    tracing: readTraceSettings(env),
    oidc: oidcSettings(env),
    consoleDir: env.CONSOLE_DIR || DEFAULT_CONSOLE_DIR,
    trustedDocuments: trustedDocuments(env),
    seedToday: isoDay('HUB_SEED_TODAY', env),
    clockOffsetDays: clockOffsetDays(env),
    notificationDelivery: {
      enabled: flag('NOTIFICATION_DELIVERY', env.NODE_ENV === 'production', env),
      intervalMs: positive('NOTIFICATION_DELIVERY_INTERVAL_MS', 5_000, env),
      retryBaseMs: positive('NOTIFICATION_RETRY_BASE_MS', 60_000, env),
      maxAttempts: positive('NOTIFICATION_MAX_ATTEMPTS', 8, env),
    },
  };
}

function trustedDocuments(env: NodeJS.ProcessEnv): HubConfig['trustedDocuments'] {
  const mode = env.TRUSTED_DOCUMENTS || 'off';
  if (mode !== 'off' && mode !== 'enforce')
    throw new Error(`TRUSTED_DOCUMENTS must be "off" or "enforce", not "${mode}"`);
  const files = (env.TRUSTED_DOCUMENTS_FILES ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return { enforce: mode === 'enforce', files };
}

let cached: HubConfig | undefined;
/** The process's configuration, validated once. */
export function config(): HubConfig {
  cached ??= readConfig();
  return cached;
}
