import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './pages.js';

// A `<!-- shell: run -->` block, run as a reader runs it: bash, from a folder inside the
// clone (so `npm run token` finds the project), with the hub's address in GW and its secret in
// JWT_SECRET. It must exit 0 and print no GraphQL error; the variables it assigns (capitals,
// as the docs write them: ADMIN=$(npm run --silent token -- --role admin)) are the page's tokens.

const MARK = '--- variables of the block ---';

export interface ShellRun {
  output: string;
  variables: Map<string, string>;
}

export async function runShell(text: string, env: Record<string, string>, where: string): Promise<ShellRun> {
  const names = [...new Set([...text.matchAll(/(?:^|;)\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]))];
  const script = [
    'set -euo pipefail',
    text,
    `printf '\\n%s\\n' '${MARK}'`,
    ...names.map((name) => `printf '%s=%s\\0' ${name} "\${${name}-}"`),
  ].join('\n');
  // Files a block writes (an export's CSV) land in a folder of their own, removed afterwards.
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const cwd = mkdtempSync(join(ROOT, '.data', 'docs-shell-'));
  try {
    const { code, stdout, stderr } = await bash(script, cwd, {
      ...process.env,
      // The node that runs the tests first on PATH, as `npm test` puts it.
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      ...env,
    });
    if (code !== 0) throw new Error(`${where}: the shell block exited with ${code}:\n${stderr}${stdout}`);
    const [output, trailer = ''] = stdout.split(`\n${MARK}\n`);
    for (const line of output.split('\n').filter((l) => l.startsWith('{'))) {
      const answer = parseJson(line);
      if (answer && 'errors' in answer)
        throw new Error(`${where}: the shell block's request was answered with errors: ${line.slice(0, 600)}`);
    }
    const variables = new Map(
      trailer
        .split('\0')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string]),
    );
    return { output, variables };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function bash(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
