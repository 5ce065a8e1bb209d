import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { docPagePaths, readPage, ROOT, type Page } from '../support/docs/pages.js';
import { isRole, merged } from '../support/docs/spec.js';
import { isReference, resolve } from '../support/docs/references.js';
import { addDays, addYears, todayInChina } from '../../services/common/dates.js';
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

describe('the markers', () => {
  const problemsOf = (text: string) => readPage('x.md', text).problems.map((p) => p.replace(/^x\.md:\d+: /, ''));
  const fence = (language: string, body: string) => `\`\`\`${language}\n${body}\n\`\`\`\n`;

  it('refuse a block without its marker, and a marker without its block', () => {
    expect(problemsOf(fence('graphql', '{ a }'))[0]).toMatch(/a graphql block without <!-- example/);
    expect(problemsOf(fence('sh', 'ls'))[0]).toMatch(/a sh block without <!-- shell: run/);
    expect(problemsOf(`<!-- example: {} -->\n\nSome words.\n`)[0]).toMatch(/with no code block right after it/);
    expect(problemsOf(`<!-- shell: run -->\n\n${fence('graphql', '{ a }')}`)[0]).toMatch(/graphql block without/);
    expect(problemsOf(`<!-- example: {} -->\n\n${fence('json', '{}')}`)[0]).toMatch(/stands before a json block/);
  });

  it('refuse GraphQL that is not fenced as graphql', () => {
    expect(problemsOf(`Text:\n\n    { organizations { totalCount } }\n`)[0]).toMatch(/fence it as ```graphql/);
    expect(problemsOf(fence('', 'query { a }'))[0]).toMatch(/fence it as ```graphql/);
    expect(problemsOf(fence('json', '{ "stage": "NOTICE" }'))).toEqual([]);
  });

  it('refuse an annotation that is not what the runner reads', () => {
    const example = (annotation: string, body = '{ a }') =>
      problemsOf(`<!-- example: ${annotation} -->\n\n${fence('graphql', body)}`);
    expect(example('not run')[0]).toMatch(/needs its reason/);
    expect(example('not run — a fragment of the query above')).toEqual([]);
    expect(example('{as: ADMIN}')[0]).toMatch(/is not JSON/);
    expect(example('{"who": "ADMIN"}')[0]).toMatch(/unknown keys who/);
    expect(example('{"expect": "CONFLICTS"}')[0]).toMatch(/not a code the hub answers/);
    expect(example('{"expect": "CONFLICT", "retry": true}')[0]).toMatch(/a refusal has no answer/);
    expect(example('{"as": "OFFICER", "org": "wenzhou"}')[0]).toMatch(/not a role/);
    expect(example('{"save": {"x": "a..b"}}')[0]).toMatch(/dotted path/);
    expect(example('{"each": [{"save": {"x": "a"}}]}')[0]).toMatch(/an entry of `each` has save/);
    expect(example('{}', '{ a } { b }')[0]).toMatch(/exactly one operation/);
    expect(example('{}', '{ a ')[0]).toMatch(/is not GraphQL/);
    expect(problemsOf(`<!-- shell: run now -->\n\n${fence('sh', 'ls')}`)[0]).toMatch(/is not a shell marker/);
  });

  it('name the commands a shell block runs', () => {
    expect(commandsOf('npm ci && npm start     # the whole hub')).toEqual(['npm ci', 'npm start']);
    expect(commandsOf('TOKEN=$(npm run --silent token -- --role admin)\ncurl -s "$GW" \\\n  -d @- <<\'JSON\'')).toEqual(
      ['npm run', 'curl'],
    );
  });

  it('resolve references to seed ids, days counted from today and saved values', () => {
    const saved = new Map<string, unknown>([['task', 't-1']]);
    const today = todayInChina();
    expect(resolve({ org: '@org:wenzhou', t: '$task', n: 3 }, saved, 'x')).toEqual({
      org: 'dd9882e2-7e1c-519a-b5ab-e5f108b6eba5',
      t: 't-1',
      n: 3,
    });
    expect(resolve('@person:wenzhou-staff-1', saved, 'x')).toBe('f17bee7b-a522-5a09-8679-19a49b4db0d6');
    expect(resolve('@today+30d', saved, 'x')).toBe(addDays(today, 30));
    expect(resolve('@today+1m+1y-1d', saved, 'x')).toBe(addDays(addYears(addMonthsForTest(today, 1), 1), -1));
    expect(resolve('@year-1', saved, 'x')).toBe(Number(today.slice(0, 4)) - 1);
    const inHalfAMinute = Date.parse(resolve('@now+PT30S', saved, 'x') as string) - Date.now();
    expect(inHalfAMinute).toBeGreaterThan(25_000);
    expect(inHalfAMinute).toBeLessThanOrEqual(30_000);
    expect(() => resolve('$never', saved, 'x')).toThrow(/\$never was not saved/);
    expect(resolve('@elsewhere', saved, 'x')).toBe('@elsewhere');
    expect(isReference('@elsewhere')).toBe(false);
  });
});

/** A month later as a calendar reads it, for days that exist in both months (the test's own arithmetic). */
function addMonthsForTest(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}
