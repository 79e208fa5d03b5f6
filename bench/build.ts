/**
 * The benchmarks time the library as it ships, not as tsx runs it. tsx
 * transpiles with esbuild's `keepNames`, which wraps every function created
 * at run time in `__name(fn, 'name')` — a `defineProperty` that turns the
 * function's properties into a dictionary. The session creates a dozen such
 * closures per call and xstate (plain JS from node_modules) none, so under
 * tsx a live session measured 10.5 KB against 7.8 KB built, and starts and
 * calls paid for it too. tsup builds without `keepNames`; so do these builds.
 *
 * Each measuring child (`bench/timing.ts`, `bench/memory.ts`, `bench/cold.ts`)
 * is bundled with its fixtures and src/ into bench/.cache/perf/, with the
 * dependencies (xstate, zod, tinybench) left external as in dist/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { ROOT } from './fixtures.js';

/**
 * `BENCH_SRC=path`: measure another copy of src/ (e.g. the tree before a
 * change) with the same bench code: imports of src/ are redirected there,
 * and the builds go to their own folder.
 */
const SRC = process.env['BENCH_SRC'] ? `${resolve(ROOT, process.env['BENCH_SRC'])}/` : `${ROOT}src/`;

export const OUT = `${ROOT}bench/.cache/perf/${SRC === `${ROOT}src/` ? '' : 'other-src/'}`;
const otherSrc: Plugin[] =
  SRC === `${ROOT}src/`
    ? []
    : [
        {
          name: 'bench-src',
          setup(b) {
            b.onResolve({ filter: /^\./ }, (args) => {
              const target = resolve(args.resolveDir, args.path);
              if (!target.startsWith(`${ROOT}src/`)) return undefined;
              const moved = SRC + target.slice(`${ROOT}src/`.length);
              const ts = moved.replace(/\.js$/, '.ts');
              return { path: existsSync(ts) ? ts : moved };
            });
          },
        },
      ];

/** Bundles `bench/<name>.ts` (with src/) to bench/.cache/perf/<name>.mjs; returns its path. */
export async function buildChild(name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const outfile = `${OUT}${name}.mjs`;
  await build({
    entryPoints: [`${ROOT}bench/${name}.ts`],
    plugins: otherSrc,
    outfile,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: false,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The desktop entry as dist/index.js ships it (src/index.ts, ESM, deps
 * external), for the cold start: what `import 'safecall-pl'` loads.
 * `plugins`: what-if builds only (bench/bundle.ts, WHAT_IFS).
 */
export async function buildLibrary(name = 'safecall-pl', plugins: Plugin[] = []): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const outfile = `${OUT}${name}.mjs`;
  await build({
    plugins,
    entryPoints: [`${SRC}index.ts`],
    outfile,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    packages: 'external',
    treeShaking: true,
    logLevel: 'warning',
  });
  return outfile;
}
