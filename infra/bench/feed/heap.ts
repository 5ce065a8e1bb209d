import v8 from 'node:v8';
import vm from 'node:vm';
import { Writable } from 'node:stream';
import { createRegistryOrm } from '../../../services/registry/orm.js';
import { buildRegistrySchema } from '../../../services/registry/schema.js';
import { createRegistryLoaders } from '../../../services/registry/loaders.js';
import { openExport } from '../../../services/registry/export/run.js';
import { writeCsv } from '../../../services/registry/export/csv.js';
import { writeXlsx } from '../../../services/registry/export/xlsx.js';
import { REGISTRY_LISTS } from '../../../services/registry/export/lists.js';
import type { Cell } from '../../../services/registry/export/sheet.js';

// What an export keeps alive, measured where it is made: the registry's export code run in this
// process against the bench database, writing into a slow sink, with a full garbage collection
// every 50 pages. A process's RSS only says how far V8 let its heap grow between collections;
// the live heap after a collection says whether rows are held.

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface HeapFigure {
  label: string;
  pages: number;
  mebibytes: number;
  /** The most the live heap stood above its start, after a full collection. */
  liveGrowthMiB: number;
}

export async function exportHeap(databaseUrl: string): Promise<HeapFigure[]> {
  const orm = await createRegistryOrm(databaseUrl);
  const { schema } = await buildRegistrySchema();
  const identity = { subject: 'bench-heap', roles: ['INTEGRATOR' as const], organizationIds: [] };
  const sheet = REGISTRY_LISTS.find((s) => s.name === 'organizations')!;
  const contextFor = () => {
    const em = orm.em.fork();
    return { identity, em, loaders: createRegistryLoaders(em) };
  };
  const cases = [
    ['a fifth, CSV', { nameContains: '压测企业1' }, 'csv'],
    ['all, CSV', null, 'csv'],
    ['all, XLSX', null, 'xlsx'],
  ] as const;
  const figures: HeapFigure[] = [];
  try {
    for (const [label, filter, format] of cases) {
      let bytes = 0;
      // A reader that takes each chunk a tick later: the writer has to wait for it.
      const sink = new Writable({
        write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), setImmediate(done)),
      });
      const opened = await openExport(schema, contextFor, { sheet, filter, asOf: null });
      gc();
      const start = process.memoryUsage().heapUsed;
      let [pages, growth] = [0, 0];
      const sampled = (async function* (): AsyncGenerator<Cell[][]> {
        for await (const page of opened.pages) {
          if (++pages % 50 === 0) {
            gc();
            growth = Math.max(growth, process.memoryUsage().heapUsed - start);
          }
          yield page;
        }
      })();
      if (format === 'csv') await writeCsv(sink, opened.headers, sampled);
      else await writeXlsx(sink, opened.title, opened.headers, sampled);
      figures.push({ label, pages, mebibytes: bytes / 2 ** 20, liveGrowthMiB: growth / 2 ** 20 });
    }
  } finally {
    await orm.close();
  }
  return figures;
}
