// Lint rules that guard the house's shape (run by `npm test`):
// - workflows/ is deterministic code that Temporal replays: it may import only
//   @temporalio/workflow and other files of workflows/ (types from @temporalio/common are erased);
// - no floating promises anywhere: an unawaited promise loses its error.
import tseslint from 'typescript-eslint';

const onlyWorkflowImports = (leavesWorkflows) => ['error', {
  patterns: [{
    regex: '^(?!@temporalio/workflow$|\\.)',
    message: 'workflows/ may import only @temporalio/workflow and files of workflows/ (no Node built-ins, no services)',
    allowTypeImports: true,
  }, {
    regex: leavesWorkflows,
    message: 'workflows/ may import only files of workflows/',
  }],
}];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'schema/**', 'coverage/**', 'infra/migrations/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['workflows/*/lint-fixture.ts'] }, tsconfigRootDir: import.meta.dirname },
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
  {
    // The one exception: workflows/tracing.ts, the bundle's tracing interceptors, wraps the
    // Temporal SDK's OpenTelemetry workflow interceptors (sandbox code the SDK ships for the
    // bundle: spans, never commands) and uses @opentelemetry/api's context, which they bundle
    // anyway. Nothing else of those packages, and no other file, may import them.
    files: ['workflows/tracing.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          regex: '^(?!@temporalio/workflow$|@opentelemetry/api$|@temporalio/interceptors-opentelemetry/lib/(workflow/index|instrumentation)\\.js$|\\.)',
          message: 'workflows/tracing.ts may import only @temporalio/workflow, @opentelemetry/api and the SDK\'s workflow interceptors',
          allowTypeImports: true,
        }, {
          regex: '^\\.\\./',
          message: 'workflows/ may import only files of workflows/',
        }],
      }],
    },
  },
);
