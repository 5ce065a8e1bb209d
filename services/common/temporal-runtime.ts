import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import { log, temporalLogger } from './log.js';

// The Temporal SDK's Runtime is one per process and is made once, before the first connection
// of a worker (the SDK refuses a second install). It carries two things the hub sets here:
// - the logger: every SDK, workflow and activity log line goes through the hub's log
//   (services/common/log.ts), with the workflow id, run id and activity the SDK attaches; the
//   SDK core's own lines are forwarded to it too, so a JSON log stays JSON;
// - the metrics: when an address is given, the SDK's Prometheus exporter (task slots, poll and
//   schedule-to-start latencies, activity and workflow task failures, sticky cache ...) listens
//   there, with counters named *_total and durations in seconds, as Prometheus expects.

export interface TemporalRuntimeOptions {
  /** host:port of the SDK's Prometheus exporter (WORKER_METRICS_ADDRESS); none when omitted. */
  metricsAddress?: string;
}

function runtimeOptions(metricsAddress?: string): RuntimeOptions {
  return {
    logger: temporalLogger(),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(metricsAddress
        ? {
            metrics: {
              prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true },
            },
          }
        : {}),
    },
  };
}

/**
 * Installs the process's Temporal Runtime with the hub's logger and, if asked, the worker
 * metrics exporter. Returns the exporter's address when it listens. A Runtime that already
 * exists (a test environment or an earlier call made it) is kept as it is. An exporter that
 * cannot listen (the port is taken) is logged as an error and the Runtime starts without it:
 * a worker without metrics is better than no worker.
 */
export function installTemporalRuntime(options: TemporalRuntimeOptions = {}): { metricsAddress?: string } {
  if (Runtime._instance !== undefined) return {};
  if (options.metricsAddress) {
    try {
      Runtime.install(runtimeOptions(options.metricsAddress));
      return { metricsAddress: options.metricsAddress };
    } catch (error) {
      if (Runtime._instance !== undefined) return {};
      log.error(
        `the worker metrics exporter could not listen on ${options.metricsAddress}; running without it (WORKER_METRICS_ADDRESS)`,
        { service: 'worker', error },
      );
    }
  }
  try {
    Runtime.install(runtimeOptions());
  } catch {
    // Made meanwhile by someone else: keep theirs.
  }
  return {};
}
