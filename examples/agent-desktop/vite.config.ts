/**
 * The agent desktop's build: React, and the library imported by its package
 * name as a bank's desktop would (`safecall-pl`), resolved to the sources.
 * Asset names carry no content hash: the demo server revalidates every file,
 * and stable names keep the asset scan (test/desktop/assets.test.ts) free of
 * random digit runs.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^safecall-pl$/, replacement: src('index.ts') },
      { find: /^safecall-pl\/(.+)$/, replacement: src('$1/index.ts') },
    ],
  },
  // `npx vite examples/agent-desktop` (hot reload) next to a running `npm run desktop`: the API stays on the demo server.
  server: { proxy: { '/api': 'http://127.0.0.1:5180' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
});
