import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { quietTemporalLogs } from '../../services/processes/worker.js';
import { sharedBundle, testDataConverter } from '../../test/support/time-skipping.js';

// Determinism guard: histories of real runs are replayed against the current workflow code.
// approved/rejected/expired.json are runs of the first version (before the task kit): they must
// keep replaying through patched('training-task-kit') and workflows/training/legacy.ts.
// *-v2.json are runs of the current version, recorded with
// `SAVE_HISTORIES=1 npx vitest run workflows/training/workflow.test.ts`. Running workflows
// replay their history whenever a worker picks them up again, so a change that issues different
// commands for the same history would break them in production; it fails here instead.
// The replayer has the hub's data converter, as production's workers do: the saved histories hold
// plain JSON payloads (from before encryption, or decrypted when saved), which the payload codec
// passes through, and an encrypted history would be decrypted with the configured keys.

const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));

function savedHistories(): HistoryAndWorkflowId[] {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json')).sort();
  // The files are the History message's toJSON (see workflow.test.ts); fromObject turns them back
  // into a message with Long event ids, which the replayer takes as is. Passing the parsed JSON
  // instead would route it through the SDK's historyFromJSON, which expects the other format.
  return files.map((file) => ({
    workflowId: `replay-${basename(file, '.json')}`,
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))),
  }));
}

describe('trainingEnrollment replay', () => {
  it('replays every saved history without a nondeterminism error', async () => {
    quietTemporalLogs();
    const histories = savedHistories();
    // An empty folder would make this test pass while guarding nothing.
    expect(histories.length, `no histories in ${HISTORIES}`).toBeGreaterThan(0);

    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: sharedBundle(), dataConverter: testDataConverter() }, histories)) {
      replayed++;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });
});
