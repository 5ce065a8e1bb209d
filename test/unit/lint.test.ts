import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The lint rules that keep workflows/ deterministic must bite: a workflow file that reaches for
// a Node built-in or a service, or leaves a promise floating, is rejected. (Unit tier: no hub.)

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const FIXTURE = `
import { readFileSync } from 'node:fs';
import { createTaskActivities } from '../../services/processes/tasks/activities.js';
import type { SearchAttributePair } from '@temporalio/common';
import { sleep } from '@temporalio/workflow';
import { decisionProblems } from '../human-task/form.js';

export async function badWorkflow(pair: SearchAttributePair): Promise<unknown> {
  sleep(1000);
  return [readFileSync, createTaskActivities, decisionProblems, pair];
}
`;

describe('lint rules', () => {
  it('reject Node built-ins, service imports and floating promises in workflows/, and allow the rest', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(FIXTURE, { filePath: `${ROOT}workflows/training/lint-fixture.ts` });
    const found = result.messages.map((m) => `${m.line}:${m.ruleId}`);
    expect(found).toEqual([
      '2:@typescript-eslint/no-restricted-imports', // node:fs
      '3:@typescript-eslint/no-restricted-imports', // ../../services
      '9:@typescript-eslint/no-floating-promises', // sleep() not awaited
    ]);
    // Type-aware lint builds a program over the whole project: a minute or more while the
    // browser tests run beside the suite on two cores.
  }, 180_000);
});
