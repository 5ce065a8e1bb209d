// The hostile tenth of `npm run bench:load`: the queries the hardening issue found that cost a
// hub seconds or megabytes (a deep list of lists, hundreds of aliases of expensive fields, a
// megabyte document). Each must be refused before execution, quickly.

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

export function hostileQueries(startId: string): { name: string; query: string }[] {
  return [
    {
      name: 'deep lists (317 characters)',
      query:
        '{ organizations(first: 100) { edges { node { name relationships { type from { name relationships { type to { name relationships { type from { name } } } } } } } } } }',
    },
    { name: '500 × statistics', query: aliases(500, 'statistics { asOf }') },
    {
      name: '500 × neighbors',
      query: aliases(500, `organization(id: "${startId}") { neighbors(depth: 3, first: 100) { totalCount } }`),
    },
    { name: '1 MB of aliases', query: aliases(58_000, '__typename') },
  ];
}
