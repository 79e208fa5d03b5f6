import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    pesel: 'src/pesel/index.ts',
    server: 'src/server/index.ts',
    callback: 'src/callback/index.ts',
    audit: 'src/audit/index.ts',
    'audit-node': 'src/audit/node/index.ts',
    testing: 'src/testing/index.ts',
    cli: 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  treeshake: true,
  // Optional peer: loaded only by redisStore users, who install it themselves.
  external: ['redis'],
});
