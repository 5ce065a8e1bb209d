import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Every npm script that runs one of our files answers --help with its usage (exit 0, nothing
// started) and a flag it does not know with one line on stderr and exit code 2, never a stack
// trace (services/common/cli.ts). The scripts come from package.json, so a new one is covered.

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const OURS = Object.entries(scripts)
  .map(([name, command]) => [name, /^tsx (\S+\.ts)$/.exec(command)?.[1]] as const)
  .filter((entry): entry is readonly [string, string] => !!entry[1]);

function run(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', file, ...args],
      // No database, no Temporal: --help and a bad flag must not need (or touch) either.
      { cwd: ROOT, timeout: 150_000, env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('command-line scripts', () => {
  it('are all found in package.json', () => {
    expect(OURS.map(([name]) => name)).toEqual(
      expect.arrayContaining(['token', 'migrate', 'seed', 'schema', 'worker', 'migration:create', 'bench:registry']),
    );
    expect(OURS.filter(([name]) => name.startsWith('bench:')).length).toBe(
      Object.keys(scripts).filter((name) => name.startsWith('bench:')).length,
    );
  });

  for (const [name, file] of OURS) {
    it(`npm run ${name}: --help is its usage, a bogus flag one line and exit code 2`, async () => {
      const [help, bogus] = await Promise.all([run(file, ['--help']), run(file, ['--no-such-flag=1'])]);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/^usage: npm run /);
      expect(help.stdout + help.stderr).not.toContain('    at ');
      expect(bogus.code, bogus.stdout + bogus.stderr).toBe(2);
      expect(bogus.stderr.trim().split('\n')).toHaveLength(1);
      expect(bogus.stderr).toMatch(/no-such-flag/);
      expect(bogus.stdout + bogus.stderr).not.toContain('    at ');
    }, 180_000); // each loads its imports (the ORM, Temporal's SDK) before it reads its arguments: seconds, more under load
  }

  it('npm run token: a lifetime beyond TOKEN_MAX_LIFETIME_HOURS is refused in one line, one within it is printed', async () => {
    const [long, day] = await Promise.all([
      run('infra/dev/token.ts', ['--hours', '48']),
      run('infra/dev/token.ts', ['--hours', '24']),
    ]);
    expect(long.code).toBe(2);
    expect(long.stderr.trim().split('\n')).toEqual([expect.stringMatching(/TOKEN_MAX_LIFETIME_HOURS=24/)]);
    expect(day.code).toBe(0);
    expect(day.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
