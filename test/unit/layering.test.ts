import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

// The import rules of .dependency-cruiser.cjs must bite: each rule is run on a small tree of
// fixture files made to break it (and one good file beside), and each must report exactly its
// breach; the same rules then pass on the hub's own tree in `npm test`.

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

/** A breach per rule: the file that imports and the file it must not import. */
const BREACHES: Record<string, [from: string, to: string]> = {
  'services-not-infra': ['services/registry/main.ts', 'infra/seed/run.ts'],
  'workflows-only-workflows': ['workflows/training/workflow.ts', 'services/common/dates.ts'],
  'subgraphs-apart': ['services/processes/main.ts', 'services/registry/orm.ts'],
  'common-knows-no-service': ['services/common/http.ts', 'services/gateway/limits.ts'],
  'plumbing-names-no-process': ['services/processes/tasks/inbox.ts', 'services/processes/training/course.ts'],
  'processes-apart': ['services/processes/procurement/activities.ts', 'services/processes/evaluation/recusal.ts'],
  'workflows-apart': ['workflows/procurement/context.ts', 'workflows/evaluation/rules.ts'],
  'console-is-a-browser-app': ['console/src/App.tsx', 'workflows/stage-words.ts'],
  'no-cycles': ['services/processes/kit/a.ts', 'services/processes/kit/b.ts'],
};

function writeTree(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const importOf = (from: string, to: string) => {
  const depth = from.split('/').length - 1;
  return `import '${'../'.repeat(depth)}${to.replace(/\.tsx?$/, '.js')}';\n`;
};

async function violationsIn(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'layering-'));
  try {
    writeTree(root, {
      'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext" } }',
      ...files,
    });
    const previous = process.cwd();
    process.chdir(root); // the rules' paths are relative to where the cruise runs, as in npm test
    try {
      const { output } = await cruise(
        ['services', 'workflows', 'infra', 'console'].filter((d) => Object.keys(files).some((f) => f.startsWith(d))),
        {
          ...config.options,
          ruleSet: { forbidden: config.forbidden },
          validate: true,
        },
      );
      const result = output as ICruiseResult;
      return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    } finally {
      process.chdir(previous);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the import rules', () => {
  for (const [rule, [from, to]] of Object.entries(BREACHES)) {
    it(`${rule} refuses ${from} importing ${to}`, async () => {
      const files: Record<string, string> = { [to]: 'export const x = 1;\n', [from]: importOf(from, to) };
      if (rule === 'no-cycles') files[to] = importOf(to, from);
      const found = await violationsIn(files);
      expect(found.filter((v) => v.startsWith(`${rule}:`))).not.toEqual([]);
      // Only this rule: the other rules leave a lawful import alone.
      expect(found.every((v) => v.startsWith(`${rule}:`))).toBe(true);
    });
  }

  it('let the lawful imports of the house through', async () => {
    expect(
      await violationsIn({
        'workflows/human-task/board.ts': 'export const board = 1;\n',
        'workflows/training/workflow.ts': importOf('workflows/training/workflow.ts', 'workflows/human-task/board.ts'),
        'services/processes/kit/context.ts': importOf(
          'services/processes/kit/context.ts',
          'workflows/human-task/board.ts',
        ),
        'services/processes/training/process.ts': importOf(
          'services/processes/training/process.ts',
          'services/processes/kit/context.ts',
        ),
        'services/processes/catalog.ts': importOf(
          'services/processes/catalog.ts',
          'services/processes/training/process.ts',
        ),
        'infra/db/orms.ts': importOf('infra/db/orms.ts', 'services/processes/catalog.ts'),
      }),
    ).toEqual([]);
  });
});
