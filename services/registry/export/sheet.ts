// What an export is (services/registry/export/): a registry list read page by page through the
// registry's own GraphQL query, so it has the same answer, order, validation and authorization
// as that query, and each node turned into a row of cells under Chinese headers.

export type Cell = string | number | null;

export interface Column {
  header: string;
  cell: (node: any) => Cell;
}

export interface ListSheet {
  /** The query field, also the export's name: /export/<name>.csv */
  name: string;
  /** The sheet's (and the file's) Chinese name. */
  title: string;
  /** Arguments a filter may give, name → GraphQL type. */
  args: Record<string, string>;
  /** The filter is this one argument's value (organizations: an OrganizationFilter); else the arguments themselves. */
  filterArg?: string;
  /** The node's selection; it may use $asOf when `usesAsOf`. */
  selection: string;
  usesAsOf?: boolean;
  columns: Column[];
}

/** A report of one page (statistics): its query, and its answer as rows. */
export interface ReportSheet {
  name: string;
  title: string;
  /** The query, with $asOf. */
  query: string;
  headers: string[];
  rows: (data: any) => Cell[][];
}

export const PAGE_SIZE = 100;

/** The list's query: one page after $after, with the filter's arguments as variables. */
export function listQuery(sheet: ListSheet): string {
  const args = Object.entries(sheet.args);
  const variables = [
    '$first: Int!',
    '$after: String',
    ...args.map(([name, type]) => `$${name}: ${type}`),
    ...(sheet.usesAsOf ? ['$asOf: String'] : []),
  ];
  const passed = ['first: $first', 'after: $after', ...args.map(([name]) => `${name}: $${name}`)];
  return `query Export(${variables.join(', ')}) { page: ${sheet.name}(${passed.join(', ')}) {
    pageInfo { hasNextPage endCursor } edges { node { ${sheet.selection} } } } }`;
}

/** Names of organisations, joined as a clerk writes a list. */
export const names = (organizations: { name: string }[] | null | undefined): string =>
  (organizations ?? []).map((o) => o.name).join('、');

export const word =
  <K extends string>(words: Record<K, string>) =>
  (value: K | null | undefined): string | null =>
    value == null ? null : (words[value] ?? value);

/** The organisation a record is about: select ORG, show these two columns. */
export const ORG = 'organization { name creditCode }';
export const organizationColumns: Column[] = [
  { header: '组织名称', cell: (n) => n.organization.name },
  { header: '统一社会信用代码', cell: (n) => n.organization.creditCode },
];
export const id: Column = { header: '编号', cell: (n) => n.id };
