// Lint rules (run by `npm test`): typescript-eslint's recommended type-checked rules on all the
// TypeScript, with the exceptions below written down, and the rules that guard the house's shape:
// - workflows/ is deterministic code that Temporal replays: it may import only
//   @temporalio/workflow and other files of workflows/ (types from @temporalio/common are erased);
// - no floating promises anywhere: an unawaited promise loses its error.
// The import rules between folders are dependency-cruiser's (.dependency-cruiser.cjs).
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
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['workflows/*/lint-fixture.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Exception: an async function with no await is kept where an interface wants a promise
      // (activities, resolvers, hooks); making them sync would change their callers' types.
      '@typescript-eslint/require-await': 'off',
      // Exception: the hub's TypeScript enums have values equal to their names (GraphQL enums),
      // so comparing one with the literal compares the same value.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Exception: `_name` marks a value taken apart on purpose and left unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Exception: tests, benchmarks and the registry's export sheets read GraphQL answers and JSON
    // as `any` on purpose (each assertion, count or column names the field it reads), so the
    // no-unsafe-* rules and no-explicit-any do not apply to them.
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'infra/bench/**/*.ts', 'services/registry/export/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Exception: React hooks and antd hand out functions bound to their component (signOut,
    // form.setFieldsValue ...), which unbound-method cannot tell from a class's methods.
    files: ['console/**/*.tsx', 'console/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      // Exception: antd's handlers (onFinish, onConfirm) may be async; they report their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
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
