// Lint rules that guard the house's shape (run by `npm test`):
// - workflows/ is deterministic code that Temporal replays: it may import only
//   @temporalio/workflow and other files of workflows/ (types from @temporalio/common are erased);
// - no floating promises anywhere: an unawaited promise loses its error.
import tseslint from 'typescript-eslint';

const onlyWorkflowImports = (leavesWorkflows) => [
  'error',
  {
    patterns: [
      {
        regex: '^(?!@temporalio/workflow$|\\.)',
        message:
          'workflows/ may import only @temporalio/workflow and files of workflows/ (no Node built-ins, no services)',
        allowTypeImports: true,
      },
      {
        regex: leavesWorkflows,
        message: 'workflows/ may import only files of workflows/',
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'schema/**',
      'coverage/**',
      'infra/migrations/**',
      'console/dist/**',
      'console/src/gql/**',
      'test-results/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['workflows/*/lint-fixture.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // A file directly in workflows/ must not leave it at all; one folder down may reach ../.
    files: ['workflows/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': onlyWorkflowImports('^\\.\\./') },
  },
  {
    files: ['workflows/*/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': onlyWorkflowImports('^\\.\\./\\.\\./') },
  },
);
