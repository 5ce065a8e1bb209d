import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by function and by place (a
// package under node_modules, a file of this repository, node's internals), counting only the
// samples taken between two moments of the monotonic clock (process.hrtime, which V8's profile
// timestamps share on Linux), so start-up and shut-down stay out.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where a function lives: `pkg:@mikro-orm/core`, a repository path, `node:internal`, or a V8 pseudo-node. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + '/node_modules/'.length).split('/');
    return `pkg:${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  return relative(ROOT, path);
}

export interface SelfTimes {
  /** Sampled milliseconds in the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: { name: string; place: string; ms: number }[];
  places: { place: string; ms: number }[];
}

/** Self time within [fromUs, toUs] (monotonic microseconds), by function and by place, largest first. */
export function selfTimes(file: string, fromUs: number, toUs: number): SelfTimes {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, { name: string; place: string; ms: number }>();
  const places = new Map<string, number>();
  let [busyMs, idleMs] = [0, 0];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    // A sample's weight is the interval up to the next one.
    const weight = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (at < fromUs || at > toUs) continue;
    const { callFrame } = byId.get(profile.samples[i])!;
    if (callFrame.functionName === '(idle)') {
      idleMs += weight;
      continue;
    }
    busyMs += weight;
    const place = placeOf(callFrame.url, callFrame.functionName);
    const name = `${callFrame.functionName || '(anonymous)'}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    const key = `${name}@${place}`;
    const entry = functions.get(key) ?? { name, place, ms: 0 };
    entry.ms += weight;
    functions.set(key, entry);
    places.set(place, (places.get(place) ?? 0) + weight);
  }
  return {
    busyMs,
    idleMs,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
    places: [...places].map(([place, ms]) => ({ place, ms })).sort((a, b) => b.ms - a.ms),
  };
}
