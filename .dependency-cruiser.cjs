// The house's import rules, checked by `npm test` (dependency-cruiser) and proven to bite by
// test/unit/layering.test.ts, which runs these very rules on a tree of fixture files:
// - imports flow infra -> services -> workflows, never back;
// - the registry and processes subgraphs never import each other (they talk GraphQL), nor does
//   the gateway import either;
// - inside services/processes the plumbing (kit/, tasks/, runs/, operations/, committees/,
//   registry/) never imports a process folder or the catalog that lists them, and one process
//   folder never imports another (what two share lives in committees/);
// - the console (a browser app) imports nothing of the servers;
// - no cycles, type-only imports included (they tie files together for readers just the same).

/** The processes service's plumbing: everything in it that is not a process's own folder. */
const PLUMBING = '(kit|tasks|runs|operations|committees|registry)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle ties files into one unit that cannot be read, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'services-not-infra',
      comment: 'Services never import infra: infra hands them what they need (migrations, the catalog).',
      severity: 'error',
      // A unit test beside the code may read the seed's data (it is the hub's composition, not the service's).
      from: { path: '^services/', pathNot: '\\.test\\.ts$' },
      to: { path: '^infra/' },
    },
    {
      name: 'workflows-only-workflows',
      comment: 'Workflow code is replayed by Temporal: it imports nothing of services or infra.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(services|infra|test)/' },
    },
    {
      name: 'subgraphs-apart',
      comment: 'The subgraphs and the gateway talk GraphQL over HTTP, never by import.',
      severity: 'error',
      from: { path: '^services/(registry|processes|gateway|codec)/' },
      to: { path: '^services/(registry|processes|gateway|codec)/', pathNot: '^services/$1/' },
    },
    {
      name: 'common-knows-no-service',
      comment: 'services/common is shared by every service and imports none of them.',
      severity: 'error',
      from: { path: '^services/common/' },
      to: { path: '^services/(registry|processes|gateway|codec)/' },
    },
    {
      name: 'plumbing-names-no-process',
      comment:
        'tasks/, runs/, operations/ and kit/ receive the catalog; they never import a process folder or catalog.ts.',
      severity: 'error',
      // A unit test beside the plumbing may hand it the hub's own catalog.
      from: { path: `^services/processes/${PLUMBING}/`, pathNot: '\\.test\\.ts$' },
      to: {
        path: ['^services/processes/[^/]+/', '^services/processes/catalog\\.ts$'],
        pathNot: `^services/processes/${PLUMBING}/`,
      },
    },
    {
      name: 'processes-apart',
      comment: 'A process folder imports the plumbing and committees/, never another process folder.',
      severity: 'error',
      from: { path: '^services/processes/([^/]+)/', pathNot: `^services/processes/${PLUMBING}/` },
      to: {
        path: '^services/processes/[^/]+/',
        pathNot: ['^services/processes/$1/', `^services/processes/${PLUMBING}/`],
      },
    },
    {
      name: 'workflows-apart',
      comment: "A process's workflows import the human-task kit and workflows/common, never another process's.",
      severity: 'error',
      from: { path: '^workflows/([^/]+)/', pathNot: '^workflows/(human-task|common)/' },
      to: { path: '^workflows/[^/]+/', pathNot: ['^workflows/$1/', '^workflows/(human-task|common)/'] },
    },
    {
      name: 'console-is-a-browser-app',
      comment: 'The console reaches the hub over HTTP; it imports none of the servers, infra or workflows.',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: '^(services|infra|workflows)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data|coverage|test-results)/|^console/src/gql/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
