import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The console is built into console/dist and served by the gateway at /console/ (same origin
// as the GraphQL endpoint, so no CORS and no token in a cookie). Everything it loads is in
// that folder: no CDN, no web fonts (the system's CJK fonts render Chinese).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
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
