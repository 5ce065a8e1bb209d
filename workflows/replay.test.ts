import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { quietTemporalLogs } from '../services/processes/worker.js';
import { historyDataConverter, sharedBundle } from '../test/support/time-skipping.js';

// Determinism guard: histories of real runs are replayed against the current workflow code.
// approved/rejected/expired.json are runs of the first version (before the task kit): they must
// keep replaying through patched('training-task-kit') and workflows/training/legacy.ts.
// *-v2.json are runs of the current version, recorded with
// `SAVE_HISTORIES=1 npx vitest run workflows/training/workflow.test.ts`. Running workflows
// replay their history whenever a worker picks them up again, so a change that issues different
// commands for the same history would break them in production; it fails here instead.
// The replayer has the hub's data converter with its keys, as production's workers do, except that
// it accepts plain payloads: the saved histories hold plain JSON (from before encryption, or
// decrypted when saved, so that they depend on no key), while every worker and client of the hub
// refuses them (services/common/payload-codec.ts). The files are reviewed parts of this repository
// and replay acts on nothing, so accepting plain JSON here lets no one forge a decision.

const WORKFLOWS = fileURLToPath(new URL('./', import.meta.url));

/** Every process's saved histories: workflows/<process>/histories/*.json. */
function savedHistories(): HistoryAndWorkflowId[] {
  const folders = readdirSync(WORKFLOWS, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && existsSync(join(WORKFLOWS, d.name, 'histories')),
  );
  const files = folders.flatMap((d) =>
    readdirSync(join(WORKFLOWS, d.name, 'histories'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(WORKFLOWS, d.name, 'histories', f)),
  );
  // The files are the History message's toJSON (see maybeSaveHistory); fromObject turns them back
  // into a message with Long event ids, which the replayer takes as is. Passing the parsed JSON
  // instead would route it through the SDK's historyFromJSON, which expects the other format.
  return files.map((file) => ({
    workflowId: `replay-${basename(dirname(dirname(file)))}-${basename(file, '.json')}`,
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(file, 'utf8'))),
  }));
}

describe('replay of saved histories', () => {
  it('replays every saved history without a nondeterminism error', async () => {
    quietTemporalLogs();
    const histories = savedHistories();
    // An empty folder would make this test pass while guarding nothing.
    expect(histories.length, `no histories under ${WORKFLOWS}`).toBeGreaterThan(0);
    // Each process with a workflow has some.
    expect(new Set(histories.map((h) => h.workflowId.split('-')[1]))).toEqual(
      new Set(['evaluation', 'procurement', 'registry', 'training']),
    );

    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: sharedBundle(), dataConverter: historyDataConverter() },
      histories,
    )) {
      replayed++;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });
});
