import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parse, type DocumentNode } from 'graphql';
import { parseExampleSpec, type ExampleSpec } from './spec.js';

// The docs' code blocks as the docs test reads them: README.md and every docs/*.md, each
// page's blocks in order, with the marker (an HTML comment right before the block) that says
// how the block is executed: `<!-- example: {...} -->` before a ```graphql block,
// `<!-- shell: run -->`, `<!-- shell: run by <file>[, <file>] [(note)] -->` or
// `<!-- shell: not run — <why> -->` before a ```sh block. markdown-it finds the blocks, so a
// fence inside a list or an indented code block is seen as a reader's Markdown viewer sees it.

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);

export type Shell = { how: 'run' } | { how: 'run by'; files: string[] } | { how: 'not run'; reason: string };

export type PageBlock =
  | { kind: 'example'; line: number; query: string; spec: ExampleSpec }
  | { kind: 'example not run'; line: number; reason: string }
  | { kind: 'shell'; line: number; text: string; shell: Shell };

export interface Page {
  /** Relative to the repository: README.md, docs/training.md ... */
  path: string;
  blocks: PageBlock[];
  /** What is wrong with the page's markers, each naming its line; empty when none. */
  problems: string[];
}

/** README.md, then docs/*.md by name. */
export function docPagePaths(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  return ['README.md', ...docs.map((name) => `docs/${name}`)];
}

export function readPage(path: string, text = readFileSync(join(ROOT, path), 'utf8')): Page {
  const tokens = new MarkdownIt('commonmark').parse(text, {});
  const blocks: PageBlock[] = [];
  const problems: string[] = [];
  let previous: { comment?: string; line: number } | undefined;
  for (const token of tokens) {
    // Only block-level tokens matter; a marker must be the block right before the code.
    if (token.nesting === -1) continue;
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'html_block') {
      const comment = /^\s*<!--\s*([\s\S]*?)\s*-->\s*$/.exec(token.content)?.[1];
      if (comment !== undefined && /^(example|shell):/.test(comment)) {
        previous = { comment, line };
        continue;
      }
    }
    const marker = previous?.comment;
    const markerLine = previous?.line ?? line;
    previous = undefined;
    if (token.type !== 'fence' && token.type !== 'code_block') {
      if (marker) problems.push(`${path}:${markerLine}: a marker "${marker}" with no code block right after it`);
      continue;
    }
    const language = token.type === 'fence' ? token.info.trim().split(/\s+/)[0].toLowerCase() : '';
    const where = `${path}:${line}`;
    try {
      const block = classify(language, token.content, marker, where);
      if (block) blocks.push({ ...block, line });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { path, blocks, problems };
}

type Unplaced<T> = T extends unknown ? Omit<T, 'line'> : never;

function classify(language: string, content: string, marker: string | undefined, where: string) {
  if (language === 'graphql') {
    if (!marker?.startsWith('example:'))
      throw new Error(
        `${where}: a graphql block without <!-- example: {...} --> (or <!-- example: not run — <why> -->) right before it`,
      );
    return exampleBlock(content, marker.slice('example:'.length).trim(), where);
  }
  if (SHELL_LANGUAGES.has(language)) {
    if (!marker?.startsWith('shell:'))
      throw new Error(
        `${where}: a ${language} block without <!-- shell: run -->, <!-- shell: run by <test file> --> or <!-- shell: not run — <why> -->`,
      );
    return { kind: 'shell', text: content, shell: shellMarker(marker.slice('shell:'.length).trim(), where) } as const;
  }
  if (marker) throw new Error(`${where}: "${marker}" stands before a ${language || 'plain'} block`);
  // An example shown without its language would escape the test: GraphQL is labelled graphql.
  if (isOperation(content))
    throw new Error(`${where}: this block is a GraphQL operation: fence it as \`\`\`graphql with its example marker`);
  return undefined;
}

function exampleBlock(content: string, marker: string, where: string): Unplaced<PageBlock> {
  const notRun = /^not run\s*[—–-]+\s*(\S[\s\S]*)$/.exec(marker);
  if (notRun) return { kind: 'example not run', reason: notRun[1] };
  if (/^not run/.test(marker))
    throw new Error(`${where}: "not run" needs its reason: <!-- example: not run — <why> -->`);
  let json: unknown;
  try {
    json = JSON.parse(marker);
  } catch (error) {
    throw new Error(`${where}: the example's annotation is not JSON (${(error as Error).message}): ${marker}`);
  }
  let document: DocumentNode;
  try {
    document = parse(content);
  } catch (error) {
    throw new Error(`${where}: the example is not GraphQL: ${(error as Error).message}`);
  }
  if (document.definitions.filter((d) => d.kind === 'OperationDefinition').length !== 1)
    throw new Error(`${where}: an example holds exactly one operation`);
  return { kind: 'example', query: content, spec: parseExampleSpec(json, where) };
}

function shellMarker(marker: string, where: string): Shell {
  if (marker === 'run') return { how: 'run' };
  const notRun = /^not run\s*[—–-]+\s*(\S[\s\S]*)$/.exec(marker);
  if (notRun) return { how: 'not run', reason: notRun[1] };
  const runBy = /^run by\s+([^()]+?)\s*(\(.*\))?$/.exec(marker);
  if (runBy) return { how: 'run by', files: runBy[1].split(/\s*,\s*/) };
  throw new Error(
    `${where}: "shell: ${marker}" is not a shell marker: run, run by <file>[, <file>] (<note>), or not run — <why>`,
  );
}

function isOperation(content: string): boolean {
  try {
    return parse(content).definitions.some((d) => d.kind === 'OperationDefinition');
  } catch {
    return false;
  }
}
