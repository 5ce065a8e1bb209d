import { readPage } from './pages.js';
import { runPage, type PageHub } from './run-page.js';

// The docs test must be able to fail: pages that break each rule, run against a real hub, and
// the message each must fail with; one page that keeps every rule, which must pass.

const graphql = (annotation: string, query: string) =>
  `<!-- example: ${annotation} -->\n\n\`\`\`graphql\n${query}\n\`\`\`\n`;
const shell = (text: string) => `<!-- shell: run -->\n\n\`\`\`sh\n${text}\n\`\`\`\n`;

const NOBODY = '{ organization(id: "00000000-0000-4000-8000-000000000000") { name } }';
const FIGURES = '{ statistics(asOf: "2019-12-31") { bankPairings } }';

export const BROKEN_PAGES: [text: string, failure: RegExp][] = [
  [graphql('{"expect": "CONFLICT"}', FIGURES), /expected the refusal CONFLICT, got an answer without error/],
  [graphql('{"expect": "CONFLICT"}', NOBODY), /expected the refusal CONFLICT, got NOT_FOUND/],
  [graphql('{}', NOBODY), /answered with an error \(NOT_FOUND\)/],
  [graphql('{}', '{ organizations(first: 1) { nome } }'), /answered with an error/],
  [graphql('{"save": {"x": "statistics.charity"}}', FIGURES), /\$x: the answer has nothing at statistics.charity/],
  [graphql('{"shows": {"statistics.bankPairings": 9}}', FIGURES), /statistics.bankPairings is 8, not 9/],
  [graphql('{"retry": true, "shows": {"statistics.bankPairings": 9}}', FIGURES), /still so after 1.5 s of retries/],
  [graphql('{"as": "SOMEONE"}', FIGURES), /neither a token a shell: run block of the page assigned nor a role/],
  [graphql('{"vars": {"x": "$never"}}', FIGURES), /\$never was not saved by an earlier example/],
  [shell('false'), /the shell block exited with 1/],
  [shell(`echo '{"errors":[{"message":"refused"}]}'`), /answered with errors/],
];

export const SOUND_PAGE = [
  shell('READER=$(npm run --silent token -- --role integrator --subject docs-self-check)'),
  graphql('{"as": "READER", "save": {"code": "serviceCategories.0.code"}}', '{ serviceCategories { code } }'),
  graphql(
    '{"as": "ADMIN", "vars": {"id": "@org:wenzhou"}, "save": {"name": "organization.name"}, "shows": {"organization.name": "嘉兴市温州商会"}}',
    'query ($id: ID!) { organization(id: $id) { name } }',
  ),
  graphql(
    '{"vars": {"id": "@org:wenzhou"}, "shows": {"organization.name": "$name"}}',
    'query ($id: ID!) { organization(id: $id) { name } }',
  ),
  graphql('{"vars": {"day": "@today-1d"}, "retry": true}', 'query ($day: String) { statistics(asOf: $day) { asOf } }'),
].join('\n');

/** Each broken page's failure (undefined where it passed), then the sound page's count. */
export async function selfCheck(hub: PageHub): Promise<{ failures: (string | undefined)[]; sound: number }> {
  const failures: (string | undefined)[] = [];
  for (const [index, [text]] of BROKEN_PAGES.entries()) {
    failures.push(
      await runPage(readPage(`broken-${index}.md`, text), hub, { retryMs: 1500 }).then(
        () => undefined,
        (error: Error) => error.message,
      ),
    );
  }
  const { examples, shells } = await runPage(readPage('sound.md', SOUND_PAGE), hub);
  return { failures, sound: examples + shells };
}
