import { inject } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../../../services/common/config.js';
import { startHub } from '../../../infra/dev/hub.js';
import { startDevTemporal, type DevTemporal } from '../../../infra/dev/temporal.js';
import { freePort } from '../../../infra/dev/ports.js';
import { seededDatabase } from '../processes.js';
import { quietTemporalLogs } from '../../../services/processes/worker.js';
import type { PageHub } from './run-page.js';

// Each page's examples change seeded rows (an inspection recorded, a course's seat taken), so
// each page gets a hub of its own on a database of its own: the seed is made once per run and
// copied for each page (PostgreSQL's CREATE DATABASE … TEMPLATE, a file copy, about a second),
// and the hub runs in this process on free ports with its own Temporal namespace and task
// queue on a Temporal dev server of the docs' own, so one page's runs, Schedules and batch
// operations never meet another's (nor the suite's global hub's).

const SECRET = `docs-examples-${randomBytes(8).toString('hex')}`;

export interface DocsWorld {
  /** A fresh copy of the seed and a hub on it for page number `index`; `stop` drops both. */
  pageHub(index: number): Promise<PageHub & { stop(): Promise<void> }>;
  stop(): Promise<void>;
}

const namespace = (index: number) => `docs-page-${index}`;

export async function startDocsWorld(name: string, pages: number): Promise<DocsWorld> {
  quietTemporalLogs(); // the SDK's own lines from WARN up, before the first worker of the process
  let temporal: DevTemporal | undefined;
  const template = await seededDatabase(`docs_${name}`);
  try {
    temporal = await startDevTemporal({ namespaces: Array.from({ length: pages }, (_, i) => namespace(i)) });
  } catch (error) {
    await template.stop();
    throw error;
  }
  const payloadKeys = `docs-${Date.now()}:${randomBytes(32).toString('base64')}`;
  const server = new URL(template.url);
  const templateName = server.pathname.slice(1);
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({
      connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString(),
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const address = temporal.address;
  return {
    async pageHub(index) {
      const database = `${templateName}_${index}`;
      await admin(async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
        await client.query(
          `create database ${client.escapeIdentifier(database)} template ${client.escapeIdentifier(templateName)}`,
        );
      });
      const [gateway, registry, processes, codec] = [
        await freePort(),
        await freePort(),
        await freePort(),
        await freePort(),
      ];
      // The suite's bundle: no bundling in the worker (seconds saved per page).
      process.env.HUB_WORKFLOW_BUNDLE = inject('workflowBundle');
      const settings = readConfig({
        DATABASE_URL: Object.assign(new URL(server), { pathname: `/${database}` }).toString(),
        TEMPORAL_ADDRESS: address,
        TEMPORAL_NAMESPACE: namespace(index),
        TEMPORAL_TASK_QUEUE: `docs-${name}-${index}`,
        TEMPORAL_PAYLOAD_KEYS: payloadKeys,
        JWT_SECRET: SECRET,
        GATEWAY_PORT: String(gateway),
        REGISTRY_PORT: String(registry),
        PROCESSES_PORT: String(processes),
        CODEC_PORT: String(codec),
        WORKER_METRICS_ADDRESS: 'off',
        LOG_FORMAT: 'pretty',
        LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      });
      const hub = await startHub(settings);
      return {
        gatewayUrl: hub.gatewayUrl,
        jwtSecret: SECRET,
        async stop() {
          await hub.stop();
          await admin((client) =>
            client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`),
          );
        },
      };
    },
    async stop() {
      await temporal?.stop();
      await template.stop();
    },
  };
}
