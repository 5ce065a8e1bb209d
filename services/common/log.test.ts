import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { GraphQLError } from 'graphql';
import {
  addLogSink,
  buildRecord,
  configureLogs,
  fileSink,
  jsonLine,
  log,
  prettyLine,
  serializeError,
  temporalLine,
  type LogSink,
} from './log.js';
import { newRequestScope, runInRequestScope } from './request-scope.js';
import { readConfig, readLogSettings } from './config.js';

const NOW = new Date('2026-11-29T08:00:00.000Z');

// The console keeps only errors meanwhile: the lines these tests write go to their own sinks.
beforeAll(() => configureLogs({ format: 'json', level: 'error' }));
afterAll(() => configureLogs(readLogSettings(process.env)));

describe('log records', () => {
  it('carry time, level, service and message, then the request id and the run from the scope', () => {
    expect(buildRecord('info', 'started', { service: 'gateway', port: 4000 }, NOW)).toEqual({
      time: NOW.toISOString(),
      level: 'info',
      service: 'gateway',
      msg: 'started',
      port: 4000,
    });
    const scope = {
      ...newRequestScope('registry', { 'x-request-id': 'abc-123' }),
      workflowId: 'training-enrollment-1',
    };
    const record = runInRequestScope(scope, () => buildRecord('error', 'failed', { reference: 'r1' }, NOW));
    expect(record).toEqual({
      time: NOW.toISOString(),
      level: 'error',
      service: 'registry',
      msg: 'failed',
      requestId: 'abc-123',
      workflowId: 'training-enrollment-1',
      reference: 'r1',
    });
    expect(Object.keys(record).slice(0, 4)).toEqual(['time', 'level', 'service', 'msg']);
  });

  it('serialise errors with code, stack and causes, once for a GraphQLError and its original', () => {
    const original = Object.assign(new Error('invalid message format'), { code: '08P01' });
    const wrapped = new GraphQLError('invalid message format', { originalError: original });
    const out = serializeError(wrapped) as Record<string, any>;
    expect(out.name).toBe('GraphQLError');
    expect(out.stack).toBeUndefined(); // the original's, written under originalError
    expect(out.originalError).toMatchObject({ name: 'Error', message: 'invalid message format', code: '08P01' });
    expect(out.originalError.stack).toContain('log.test.ts');
    expect(serializeError(new Error('outer', { cause: new Error('inner') }))).toMatchObject({
      message: 'outer',
      cause: { message: 'inner' },
    });
    // An error made in another realm (a workflow's sandbox) is still an error.
    expect(serializeError(runInNewContext('new TypeError("from the sandbox")'))).toMatchObject({
      name: 'TypeError',
      message: 'from the sandbox',
    });
    expect(serializeError('a string')).toBe('a string');
  });

  it('are one JSON line each, whatever they hold (bigint, cycles, newlines)', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const line = jsonLine({ ...buildRecord('info', 'two\nlines', { big: 10n, cycle }, NOW) });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ msg: 'two\nlines', big: '10', cycle: { a: 1, self: '[circular]' } });
  });

  it('read as short lines in the pretty format, with the stack below', () => {
    expect(prettyLine(buildRecord('info', 'ready at http://127.0.0.1:4000/', { service: 'gateway' }, NOW))).toBe(
      '[gateway] ready at http://127.0.0.1:4000/',
    );
    expect(prettyLine(buildRecord('warn', 'slow', { service: 'registry', ms: 1200, query: 'a b' }, NOW))).toBe(
      '[registry] WARN slow ms=1200 query="a b"',
    );
    const error = prettyLine(
      buildRecord('error', 'internal error', { service: 'registry', error: new Error('boom') }, NOW),
    );
    expect(error.split('\n')[0]).toBe('[registry] ERROR internal error');
    expect(error).toContain('Error: boom\n    at ');
    expect(prettyLine(buildRecord('info', 'request', { service: 'gateway', status: 200 }, NOW), 'query Q -> ok')).toBe(
      '[gateway] query Q -> ok',
    );
  });

  it('reach every sink whose level they meet, in its format', () => {
    const written: string[] = [];
    const sink: LogSink = { level: 'warn', format: 'json', write: (line) => void written.push(line) };
    const remove = addLogSink(sink);
    try {
      log.info('below the sink', { service: 'unit' });
      log.warn('at the sink', { service: 'unit' });
    } finally {
      remove();
    }
    log.warn('after removal', { service: 'unit' });
    expect(written.map((line) => JSON.parse(line).msg)).toEqual(['at the sink']);
  });

  it('append whole lines to a file sink', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hub-log-unit-')), 'hub.log');
    const sink = fileSink(path, { level: 'info' });
    const remove = addLogSink(sink);
    try {
      runInRequestScope(newRequestScope('gateway', {}), () => log.info('request', { status: 200 }));
    } finally {
      remove();
      sink.close();
    }
    const [line] = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      level: 'info',
      service: 'gateway',
      msg: 'request',
      status: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});

describe('Temporal lines', () => {
  const activityMeta = {
    sdkComponent: 'worker',
    isLocal: false,
    attempt: 3,
    namespace: 'default',
    taskQueue: 'hub',
    workflowId: 'procurement-42',
    workflowRunId: 'run-1',
    workflowType: 'procurement',
    activityId: '7',
    activityType: 'payMilestone',
  };

  it('keep the workflow id, run and activity of an activity failure as fields', () => {
    const error = new Error('registry unavailable');
    const line = temporalLine('WARN', 'Activity failed', { ...activityMeta, taskToken: 'CiQ2ZGE...', error })!;
    const { sdkComponent: _component, ...attributes } = activityMeta;
    expect(line).toEqual({
      level: 'warn',
      msg: 'Activity failed',
      fields: { service: 'worker', temporal: 'worker', ...attributes, error },
    });
    expect(JSON.parse(jsonLine(buildRecord(line.level, line.msg, line.fields, NOW)))).toMatchObject({
      service: 'worker',
      workflowId: 'procurement-42',
      workflowRunId: 'run-1',
      activityType: 'payMilestone',
      attempt: 3,
      error: { message: 'registry unavailable' },
    });
  });

  it("drop the SDK's own lines below WARN, keep the application's (workflow, activity) from their level", () => {
    expect(temporalLine('INFO', 'Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' })).toBeUndefined();
    expect(temporalLine('DEBUG', 'Activity completed', activityMeta)).toBeUndefined();
    expect(temporalLine('INFO', 'core says', { sdkComponent: 'core' })).toBeUndefined();
    expect(
      temporalLine('INFO', 'seat granted', {
        sdkComponent: 'workflow',
        workflowId: 'training-enrollment-1',
        runId: 'r',
      }),
    ).toMatchObject({
      level: 'info',
      fields: { workflowId: 'training-enrollment-1', runId: 'r', temporal: 'workflow' },
    });
    expect(temporalLine('ERROR', 'Worker failed', { sdkComponent: 'worker' })?.level).toBe('error');
  });
});

describe('log settings', () => {
  it('default to JSON from info up, and refuse what they do not know', () => {
    expect(readLogSettings({})).toEqual({ format: 'json', level: 'info' });
    expect(readLogSettings({ LOG_FORMAT: 'PRETTY', LOG_LEVEL: 'Warn' })).toEqual({ format: 'pretty', level: 'warn' });
    expect(() => readLogSettings({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or pretty/);
    expect(() => readLogSettings({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('turn the worker metrics exporter off, move it, or refuse an address that is not host:port', () => {
    expect(readConfig({}).workerMetricsAddress).toBe('127.0.0.1:9464');
    expect(readConfig({ WORKER_METRICS_ADDRESS: 'off' }).workerMetricsAddress).toBeUndefined();
    expect(readConfig({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).workerMetricsAddress).toBe('0.0.0.0:9464');
    expect(readConfig({ WORKER_METRICS_ADDRESS: '[::1]:9000' }).workerMetricsAddress).toBe('[::1]:9000');
    expect(() => readConfig({ WORKER_METRICS_ADDRESS: '9464' })).toThrow(/host:port/);
    expect(() => readConfig({ WORKER_METRICS_ADDRESS: 'localhost:99999' })).toThrow(/host:port/);
    expect(readConfig({}).metricsToken).toBeUndefined();
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
  });
});
