import { readdirSync, readFileSync } from 'node:fs';

// What the kernel says of the hub child and the Temporal server: memory and CPU, from /proc.

/** Resident set size of a process in MiB (VmRSS, what the kernel holds in RAM for it). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
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
    } catch {
      /* gone meanwhile */
    }
  }
  return NaN;
}

/**
 * CPU seconds the hub child and the dev server have spent: each call returns [hub, Temporal]
 * since the previous call (the first, since this one), so a phase shows which side it waits on.
 */
export function cpuMeter(hubPid: number, temporalAddress: string): () => number[] {
  const serverPid = temporalPid(temporalAddress);
  const now = () => [cpuSeconds(hubPid), Number.isNaN(serverPid) ? NaN : cpuSeconds(serverPid)];
  let before = now();
  return () => {
    const current = now();
    const spent = current.map((v, i) => v - before[i]);
    before = current;
    return spent;
  };
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
  const timer = setInterval(() => {
    try {
      sample();
    } catch {
      /* the child is gone: nothing left to watch */
    }
  }, 1000);
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
