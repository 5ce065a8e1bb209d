import { closeSync, openSync, writeSync } from 'node:fs';
import { inspect, types } from 'node:util';
import type { LogLevel as TemporalLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { readLogSettings, type LogSettings } from './config.js';
import { currentRequest } from './request-scope.js';

// The hub's log: one line per event, JSON for machines (the default: containers, CI, files) or
// a short human line for `npm start` (LOG_FORMAT=pretty). Each line carries the service, and
// inside a request its request id (services/common/request-scope.ts), so the masked error a
// client sees ("Internal error (reference x)") is found by its reference, and the rest of that
// request (gateway, then each subgraph) by its request id. Temporal's own logger is routed here
// too (temporalLogger), so worker and activity lines carry the workflow id.

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = LogSettings['format'];
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** What one line says: fields beside the message; `error` (an Error or anything thrown) is serialised. */
export type Fields = Record<string, unknown> & { service?: string; error?: unknown };

export interface LogRecord {
  time: string;
  level: Level;
  service?: string;
  msg: string;
  [field: string]: unknown;
}

export interface LogSink {
  level: Level;
  format: LogFormat;
  write(line: string, level: Level): void;
}

/** Warnings and errors to stderr, the rest to stdout (both streams end up in a container's log). */
function consoleSink(settings: LogSettings): LogSink {
  return {
    ...settings,
    write(line, level) {
      (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(`${line}\n`);
    },
  };
}

function settingsFromEnv(): LogSettings {
  try {
    return readLogSettings(process.env);
  } catch {
    return { format: 'json', level: 'info' }; // readConfig refuses the bad value, with its name
  }
}

let consoleOut: LogSink = consoleSink(settingsFromEnv());
const extraSinks = new Set<LogSink>();

/** Sets the console's format and level (each service's start-up does, from its HubConfig). */
export function configureLogs(settings: LogSettings): void {
  consoleOut = consoleSink(settings);
}

/** Adds a sink beside the console (the tests' log file); returns its removal. */
export function addLogSink(sink: LogSink): () => void {
  extraSinks.add(sink);
  return () => void extraSinks.delete(sink);
}

/** A sink appending lines to a file, synchronously (so a reader never sees half a line). */
export function fileSink(
  path: string,
  options: { level?: Level; format?: LogFormat } = {},
): LogSink & { close(): void } {
  const fd = openSync(path, 'a');
  return {
    level: options.level ?? 'info',
    format: options.format ?? 'json',
    write: (line) => void writeSync(fd, `${line}\n`),
    close: () => closeSync(fd),
  };
}

/** An error as JSON: name, message, code, stack, and its cause (one level of GraphQL's originalError too). */
export function serializeError(error: unknown, depth = 0): unknown {
  // isNativeError: also errors of another realm (a workflow's sandbox), which fail instanceof.
  if (!types.isNativeError(error))
    return typeof error === 'object' && error !== null
      ? inspect(error, { depth: 3, breakLength: Infinity })
      : String(error);
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code ?? (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (code !== undefined) out.code = code;
  const original = (error as { originalError?: Error }).originalError;
  // A GraphQLError copies its original's stack: written once, under originalError.
  if (error.stack && error.stack !== original?.stack) out.stack = error.stack;
  if (depth < 3) {
    if (original && original !== error) out.originalError = serializeError(original, depth + 1);
    if (error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
  }
  return out;
}

/** The record a call makes: time, level, service, message, the request's ids, then the caller's fields. */
export function buildRecord(level: Level, msg: string, fields: Fields = {}, now = new Date()): LogRecord {
  const scope = currentRequest();
  const service = fields.service ?? scope?.service;
  const time = now.toISOString();
  const record: LogRecord = service ? { time, level, service, msg } : { time, level, msg };
  if (scope) {
    record.requestId = scope.requestId;
    if (scope.workflowId) record.workflowId = scope.workflowId;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === 'service') continue;
    record[key] = key === 'error' ? serializeError(value) : value;
  }
  return record;
}

/** One JSON line; values JSON cannot hold (bigint, cycles) become text instead of failing the log. */
export function jsonLine(record: LogRecord): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return value;
  });
}

const PRETTY_SKIP = new Set(['time', 'level', 'service', 'msg', 'error']);

/**
 * A human line: "[service] message key=value ...", then the error's stack on the lines below;
 * `human`, when the caller gave one, stands for the message and the fields.
 */
export function prettyLine(record: LogRecord, human?: string): string {
  const head = `${record.service ? `[${record.service}] ` : ''}${record.level === 'info' || record.level === 'debug' ? '' : `${record.level.toUpperCase()} `}${human ?? record.msg}`;
  if (human !== undefined) return head;
  const rest = Object.entries(record)
    .filter(([key, value]) => !PRETTY_SKIP.has(key) && value !== undefined)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'string' ? (/\s/.test(value) ? JSON.stringify(value) : value) : inspect(value, { depth: 2, breakLength: Infinity })}`,
    );
  const error = record.error as { stack?: string; message?: string; cause?: unknown } | string | undefined;
  const detail =
    error === undefined
      ? ''
      : `\n${typeof error === 'string' ? error : (error.stack ?? error.message)}${typeof error === 'object' && error.cause ? `\n  cause: ${inspect(error.cause, { depth: 3, breakLength: Infinity })}` : ''}`;
  return `${head}${rest.length ? ` ${rest.join(' ')}` : ''}${detail}`;
}

function emit(level: Level, msg: string, fields?: Fields, human?: string): void {
  const sinks = [consoleOut, ...extraSinks].filter((sink) => RANK[level] >= RANK[sink.level]);
  if (sinks.length === 0) return;
  const record = buildRecord(level, msg, fields);
  let json: string | undefined;
  let pretty: string | undefined;
  for (const sink of sinks) {
    try {
      sink.write(sink.format === 'json' ? (json ??= jsonLine(record)) : (pretty ??= prettyLine(record, human)), level);
    } catch {
      // A log that cannot be written must not fail the request that wrote it.
    }
  }
}

/** `human`: the whole pretty line instead of "message key=value ..." (the request lines). */
export const log = {
  debug: (msg: string, fields?: Fields, human?: string) => emit('debug', msg, fields, human),
  info: (msg: string, fields?: Fields, human?: string) => emit('info', msg, fields, human),
  warn: (msg: string, fields?: Fields, human?: string) => emit('warn', msg, fields, human),
  error: (msg: string, fields?: Fields, human?: string) => emit('error', msg, fields, human),
};

const FROM_TEMPORAL: Record<TemporalLevel, Level> = {
  TRACE: 'debug',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Temporal's log entry as a hub line. Workflow and activity context loggers put the workflow id,
 * run id, type, activity and attempt in `meta`; they become fields of the line (not the
 * activity's task token, which completes it through Temporal's API). The SDK's own
 * lines (sdkComponent worker or core) are kept from WARN up: its INFO lines include the whole
 * bundler report; the application's (workflow, activity) follow LOG_LEVEL like everything else.
 */
export function temporalLine(
  level: TemporalLevel,
  message: string,
  meta: LogMetadata = {},
): { level: Level; msg: string; fields: Fields } | undefined {
  const hubLevel = FROM_TEMPORAL[level] ?? 'info';
  const component = meta.sdkComponent;
  const internal = component !== 'workflow' && component !== 'activity';
  if (internal && RANK[hubLevel] < RANK.warn) return undefined;
  // The task token completes the activity through Temporal's API: it stays out of the log.
  const { sdkComponent: _component, taskToken: _token, error, ...rest } = meta as LogMetadata & { error?: unknown };
  return {
    level: hubLevel,
    msg: message,
    fields: { service: 'worker', temporal: component, ...rest, ...(error !== undefined ? { error } : {}) },
  };
}

/** The Runtime's logger (services/common/temporal-runtime.ts): every SDK line through the hub's log. */
export function temporalLogger(): TemporalLogger {
  const write = (level: TemporalLevel, message: string, meta?: LogMetadata) => {
    const line = temporalLine(level, message, meta);
    if (line) emit(line.level, line.msg, line.fields);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
