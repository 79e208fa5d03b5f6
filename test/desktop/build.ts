import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DESKTOP = join(ROOT, 'examples/agent-desktop');
const CACHE = join(ROOT, 'node_modules/.cache/safecall-desktop');

/** A production build of the agent desktop, and the source modules it was made from. */
export interface DesktopBuild {
  /** The output directory (what `npm run desktop` serves). */
  dir: string;
  /** Absolute paths of the modules bundled into it (the asset scan's provenance). */
  modules: string[];
}

function filesUnder(dir: string, skip: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skip(path)) continue;
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, skip));
    else out.push(path);
  }
  return out;
}

/** Everything the build reads that can change while the repo is worked on: one hash, one cached build. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(DESKTOP, (path) => path.endsWith('/dist') || path.endsWith('/node_modules')),
    ...filesUnder(join(ROOT, 'src'), () => false),
    ...filesUnder(join(ROOT, 'examples/scripts'), () => false),
    join(ROOT, 'package-lock.json'),
  ].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

let pending: Promise<DesktopBuild> | undefined;

/**
 * Builds the desktop with its own Vite config into a cache keyed by the
 * inputs' contents, so the test files (each in its own worker) share one
 * build per state of the sources. Built into a temporary directory and
 * renamed into place: a concurrent build of the same inputs loses the rename
 * and uses the winner's output.
 */
export function buildDesktop(): Promise<DesktopBuild> {
  pending ??= (async () => {
    const key = inputsHash();
    const dir = join(CACHE, key);
    const manifest = join(CACHE, `${key}.modules.json`);
    if (existsSync(join(dir, 'index.html')) && existsSync(manifest)) return { dir, modules: JSON.parse(readFileSync(manifest, 'utf8')) as string[] };
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    // Vite and the React plugin choose production from NODE_ENV, which the test runner sets to "test".
    const nodeEnv = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    let output: Awaited<ReturnType<typeof build>>;
    try {
      output = await build({ configFile: join(DESKTOP, 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir: tmp, emptyOutDir: true } });
    } finally {
      if (nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = nodeEnv;
    }
    const outputs = Array.isArray(output) ? output : [output];
    const modules = new Set<string>();
    for (const result of outputs) {
      if (!('output' in result)) continue;
      for (const chunk of result.output) {
        if (chunk.type === 'chunk') for (const id of chunk.moduleIds) modules.add(id);
      }
    }
    const list = [...modules].sort();
    writeFileSync(`${tmp}.modules.json`, JSON.stringify(list));
    try {
      renameSync(tmp, dir);
      renameSync(`${tmp}.modules.json`, manifest);
    } catch {
      // Another worker built the same inputs first: keep its output.
      rmSync(tmp, { recursive: true, force: true });
      rmSync(`${tmp}.modules.json`, { force: true });
    }
    // Builds of earlier sources are of no use any more.
    for (const name of readdirSync(CACHE)) {
      if (!name.startsWith(key) && !name.includes('.tmp-')) rmSync(join(CACHE, name), { recursive: true, force: true });
    }
    return { dir, modules: existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as string[]) : list };
  })();
  return pending;
}
