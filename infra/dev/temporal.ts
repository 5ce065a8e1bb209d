import { TestWorkflowEnvironment } from '@temporalio/testing';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** An executable: the path in `override` when given, else `name` on PATH; undefined when none is executable. */
export function findExecutable(name: string, override: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [override, ...(env.PATH ?? '').split(delimiter).map((dir) => dir && join(dir, name))];
  return candidates.find((path): path is string => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH. */
export const findTemporalCli = (env: NodeJS.ProcessEnv = process.env) => findExecutable('temporal', env.TEMPORAL_CLI, env);

export interface DevTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * A complete Temporal server for development and tests (`temporal server start-dev`), run and
 * stopped by the SDK. Only where no CLI exists does the SDK download one.
 */
export async function startDevTemporal(options: { port?: number; uiPort?: number; dbFile?: string; uiCodecEndpoint?: string } = {}): Promise<DevTemporal> {
  const cli = findTemporalCli();
  // `npm start` / `npm test` (infra/dev/bootstrap.mjs) set TEMPORAL_CLI; a bare `npx vitest` may not.
  if (!cli) console.warn('[temporal] no temporal CLI found (TEMPORAL_CLI or PATH; `eval "$(node infra/dev/bootstrap.mjs env)"` sets it); letting the SDK download one');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: options.uiPort !== undefined,
      uiPort: options.uiPort,
      dbFilename: options.dbFile,
      log: { format: 'pretty', level: 'error' },
      // The UI decodes the hub's encrypted payloads through this endpoint (services/codec).
      extraArgs: options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : [],
    },
  });
  const address = env.address;
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : '(UI disabled)',
    stop: () => env.teardown(),
  };
}
