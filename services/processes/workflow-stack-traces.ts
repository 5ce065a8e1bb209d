// WORKFLOW_STACK_TRACES=off, made real: preloaded into the worker's process (`node --import
// <this file>`, as infra/k8s and the image do), so that Node runs it first in every thread,
// including the Temporal SDK's workflow threads, before the SDK sets its promise hook there.
//
// The SDK hooks every promise a workflow makes and captures and source-maps a stack for each, only
// to answer the `__stack_trace` query; on a busy worker that was ~40% of the workflow thread's
// time (docs/benchmarks.md, issue 25). Where `v8.promiseHooks.createHook` throws (bun, old Node)
// the SDK skips the hook and the query answers "Workflow stack traces are not enabled on this
// worker" (@temporalio/worker vm-shared.js setPromiseHook, @temporalio/workflow getStackTraces):
// this file makes it throw for that one caller when the setting is off, and nothing else changes.
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { workflowStackTraces } from '../common/config.js';

/** Set on the main thread, so that the worker can tell WORKFLOW_STACK_TRACES=off would be ignored (worker.ts). */
const PRELOADED = Symbol.for('chamber-hub.workflow-stack-traces');

/** Only the SDK's workflow threads are told "no hook"; any other caller gets Node's own. */
const SDK_CALLER = /@temporalio[\\/]worker[\\/](lib|src)[\\/]workflow[\\/]vm-shared/;

if (isMainThread) (globalThis as Record<symbol, unknown>)[PRELOADED] = true;
// A worker thread's process.env is a copy of its parent's when the thread was made.
else if (!workflowStackTraces(process.env)) {
  const createHook = v8.promiseHooks.createHook.bind(v8.promiseHooks);
  v8.promiseHooks.createHook = (hooks) => {
    if (SDK_CALLER.test(new Error().stack ?? ''))
      throw new Error('workflow stack traces are off (WORKFLOW_STACK_TRACES)');
    return createHook(hooks);
  };
}
