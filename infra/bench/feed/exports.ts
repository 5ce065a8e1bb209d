import { readFileSync } from 'node:fs';

// The exports' memory: a whole list downloaded through the gateway (read and dropped as it
// comes) while the registry's resident memory is sampled; its growth must not follow the size.

export interface ExportFigures {
  path: string;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
}

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export async function download(
  gatewayUrl: string,
  token: string,
  path: string,
  registryPid: number,
): Promise<ExportFigures> {
  const rssBeforeMiB = rssMiB(registryPid);
  let rssPeakMiB = rssBeforeMiB;
  const sampler = setInterval(() => (rssPeakMiB = Math.max(rssPeakMiB, rssMiB(registryPid))), 50);
  const started = performance.now();
  try {
    const response = await fetch(new URL(path, gatewayUrl), { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    let [bytes, lines] = [0, 0];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) lines++;
    }
    const rows = path.includes('.csv') ? lines - 1 : NaN; // XLSX is zipped: rows are not countable here
    return { path, rows, bytes, seconds: (performance.now() - started) / 1000, rssBeforeMiB, rssPeakMiB };
  } finally {
    clearInterval(sampler);
  }
}
