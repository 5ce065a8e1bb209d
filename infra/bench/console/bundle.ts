import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The built console's size: every file raw and gzipped, split into what the first page load
// asks for (index.html's entry script, its module preloads and stylesheets) and what comes
// later (lazily loaded routes such as the GraphQL IDE, Monaco's workers, fonts).

export interface BuiltFile {
  path: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export function measureBundle(dir: string): BuiltFile[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const referenced = new Set([...html.matchAll(/(?:src|href)="\/console\/([^"]+)"/g)].map((match) => match[1]));
  const files: BuiltFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        const rel = relative(dir, path);
        files.push({
          path: rel,
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          initial: rel === 'index.html' || referenced.has(rel),
        });
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function bundleReport(files: BuiltFile[]): string[] {
  const lines = ['file                                             raw         gzip   load'];
  for (const file of files)
    lines.push(
      `${file.path.padEnd(44)} ${kib(file.raw).padStart(11)} ${kib(file.gzip).padStart(11)}   ${file.initial ? 'initial' : 'lazy'}`,
    );
  const total = (initial: boolean, ext: RegExp) => {
    const chosen = files.filter((file) => file.initial === initial && ext.test(file.path));
    return `${kib(chosen.reduce((sum, file) => sum + file.raw, 0))} raw, ${kib(chosen.reduce((sum, file) => sum + file.gzip, 0))} gzip`;
  };
  lines.push(
    '',
    `initial load  JS ${total(true, /\.js$/)}; CSS ${total(true, /\.css$/)}`,
    `lazy chunks   JS ${total(false, /\.js$/)}; CSS ${total(false, /\.css$/)}; other ${total(false, /\.(?!js$|css$)[^.]+$/)}`,
  );
  return lines;
}
