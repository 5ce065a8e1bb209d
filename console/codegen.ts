import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the committed client schema (npm run schema writes schema/api.graphql):
// `npm run console:codegen` after changing a query or the API; test/console-codegen.test.ts
// fails when src/gql/ is stale.
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
          JSON: 'unknown',
          Date: 'string',
          SafeInt: 'number',
          Money: 'number',
        },
      },
    },
  },
};
export default config;
