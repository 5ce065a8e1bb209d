import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Starts hub.ts in a child process and watches its memory. Not processes/stack.ts's
// startHubChild: that one runs the processes benchmark's hub.ts and does not hand out the pid,
// which /proc needs here.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Resident set size of a process in MiB (VmRSS, what the kernel holds in RAM for it). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name may hold spaces
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100 on Linux)
}

/** The dev server's pid, found by its --port (startDevTemporal does not hand it out); NaN if none. */
export function temporalPid(address: string): number {
  const port = address.split(':').pop();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('start-dev') && args[args.indexOf('--port') + 1] === port) return Number(entry);
    } catch { /* gone meanwhile */ }
  }
  return NaN;
}

export interface EvaluationHub {
  pid: number;
  gatewayUrl: string;
  stop(): Promise<void>;
}

/** node --import tsx hub.ts (no tsx wrapper, so the pid is the hub's own); waits for its ready line. */
export async function startEvaluationHub(env: Record<string, string>): Promise<EvaluationHub> {
  const { HUB_WORKFLOW_BUNDLE: _shared, ...inherited } = process.env; // the child bundles the hub's own code
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/bench/evaluation/hub.ts'], {
    cwd: ROOT, env: { ...inherited, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[hub] ${chunk}`));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const ready = new Promise<{ gatewayUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the hub did not start within 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`the hub exited with code ${code} before it was ready`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('BENCH_READY ')) return; // the servers' own start-up lines are noise here
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('BENCH_READY '.length)));
    });
  });
  try {
    return { pid: child.pid!, ...(await ready), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Samples a process's RSS every second; `mark` starts a new window, whose peak is kept apart. */
export function watchMemory(pid: number) {
  const windows = new Map<string, number>();
  let current = 'start';
  const sample = () => {
    const now = rssMiB(pid);
    windows.set(current, Math.max(windows.get(current) ?? 0, now));
    return now;
  };
  const timer = setInterval(() => { try { sample(); } catch { /* the child is gone: nothing left to watch */ } }, 1000);
  return {
    /** Samples now and opens window `name`; returns the RSS now. */
    mark(name: string) {
      const now = sample();
      current = name;
      windows.set(name, now);
      return now;
    },
    peak: (name: string) => windows.get(name) ?? NaN,
    stop: () => clearInterval(timer),
  };
}
