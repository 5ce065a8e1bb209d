import { defineConfig, type Plugin } from 'vite';
import { print, type DocumentNode } from 'graphql';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The console is built into console/dist and served by the gateway at /console/ (same origin
// as the GraphQL endpoint, so no CORS and no token in a cookie). Everything it loads is in
// that folder: no CDN, no web fonts (the system's CJK fonts render Chinese).
// The console's operations, registered with the gateway: TRUSTED_DOCUMENTS=enforce runs only
// these and the integrators' own (services/gateway/trusted-documents.ts). They are the typed
// documents codegen wrote into src/gql/, so the file holds exactly what the console can send.
function trustedDocuments(): Plugin {
  return {
    name: 'chamber-trusted-documents',
    apply: 'build',
    async generateBundle() {
      const generated: Record<string, unknown> = await import('./src/gql/graphql.js');
      const documents = Object.values(generated)
        .filter((value): value is DocumentNode => (value as DocumentNode | undefined)?.kind === 'Document')
        .map((document) => {
          const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
          return { name: operation?.name?.value ?? 'anonymous', query: print(document) };
        });
      this.emitFile({
        type: 'asset',
        fileName: 'trusted-documents.json',
        source: `${JSON.stringify({ documents }, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react(), trustedDocuments()],
  resolve: {
    // Browser code takes graphql's ESM build (the Node side aliases the CJS one in vitest.config.ts).
    alias: { graphql: fileURLToPath(new URL('../node_modules/graphql/index.mjs', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The GraphQL IDE's lazy chunk (GraphiQL with Monaco) is ~4 MB and loads only on /console/ide.
    chunkSizeWarningLimit: 5_000,
  },
  server: {
    // `npx vite console` for development: GraphQL goes to the gateway of `npm start`.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/console/session': 'http://127.0.0.1:4000' },
  },
});
