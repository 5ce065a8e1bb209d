import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { docPagePaths, readPage, ROOT, type Page } from '../support/docs/pages.js';
import { isRole, merged } from '../support/docs/spec.js';
import { isReference } from '../support/docs/references.js';
import { commandsOf } from '../support/docs/commands.js';

// The docs' markers in seconds, before the integration tier runs the examples
// (test/docs-examples.test.ts): every code block marked, every example valid against the
// committed API schema, every reference and token one the runner knows, every "run by" file
// there and naming the commands it runs.

const pages: Page[] = docPagePaths().map((path) => readPage(path));
const api = buildSchema(readFileSync(join(ROOT, 'schema/api.graphql'), 'utf8'));

describe("the docs' code blocks", () => {
  it('each have a marker, and each marker its block', () => {
    expect(pages.flatMap((page) => page.problems)).toEqual([]);
  });

  it('hold GraphQL that the API schema accepts', () => {
    const invalid = pages.flatMap((page) =>
      page.blocks.flatMap((block) =>
        block.kind === 'example'
          ? validate(api, parse(block.query)).map((e) => `${page.path}:${block.line}: ${e.message}`)
          : [],
      ),
    );
    expect(invalid).toEqual([]);
  });

  it('use references, saved values and tokens the page has', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const saved = new Set<string>();
      const tokens = new Set<string>();
      for (const block of page.blocks) {
        const where = `${page.path}:${block.line}`;
        if (block.kind === 'shell' && block.shell.how === 'run')
          for (const m of block.text.matchAll(/(?:^|;)\s*([A-Z_][A-Z0-9_]*)=\$\(npm run --silent token/gm))
            tokens.add(m[1]);
        if (block.kind !== 'example') continue;
        const { each, save, ...base } = block.spec;
        for (const { as, org, subject, vars, shows } of each ? each.map((entry) => merged(base, entry)) : [base]) {
          if (as && !isRole(as) && !tokens.has(as))
            problems.push(`${where}: "as": "${as}" is no role and no token of the page`);
          for (const value of strings([org, subject, vars, shows])) {
            if (/^[@$]/.test(value) && !isReference(value)) problems.push(`${where}: "${value}" is not a reference`);
            const name = /^\$(\w+)$/.exec(value)?.[1];
            if (name && !saved.has(name)) problems.push(`${where}: $${name} is used before an example saves it`);
          }
        }
        for (const name of Object.keys(save ?? {})) saved.add(name);
      }
    }
    expect(problems).toEqual([]);
  });

  it('marked "run by" name files that exist and mention the commands', () => {
    const problems: string[] = [];
    for (const page of pages)
      for (const block of page.blocks) {
        if (block.kind !== 'shell' || block.shell.how !== 'run by') continue;
        const texts = block.shell.files.map((file) =>
          existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : undefined,
        );
        block.shell.files.forEach(
          (file, i) => texts[i] === undefined && problems.push(`${page.path}:${block.line}: no file ${file}`),
        );
        for (const command of commandsOf(block.text))
          if (!texts.some((text) => text?.includes(command)))
            problems.push(
              `${page.path}:${block.line}: "${command}" is not mentioned in ${block.shell.files.join(', ')}`,
            );
      }
    expect(problems).toEqual([]);
  });
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}
