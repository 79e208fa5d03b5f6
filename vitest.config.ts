import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // Tests and examples import the package by name, as users do; the name resolves to the sources.
  resolve: {
    alias: [
      { find: /^safecall-pl$/, replacement: src('index.ts') },
      { find: /^safecall-pl\/(.+)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    isolate: false,
    // Both cores: much of the suite waits on Redis, Chromium and child processes rather than computing.
    maxWorkers: 2,
    globalSetup: ['test/support/redisGlobalSetup.ts'],
  },
});
