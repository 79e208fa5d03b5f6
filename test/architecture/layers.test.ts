/**
 * DESIGN §6 as a test: dependencies point one way, from the edges to the core.
 * Reads every import in src/ (static and dynamic, type imports included) and
 * checks the folder order, the bans (prompts/ and audit/ never import
 * session/; server/ never imports session/), that safecall-pl/testing reaches
 * the library only through the public entries and one internal module, and
 * that nothing a browser entry reaches imports node:* or the server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const ORDER = ['core', 'model', 'pesel', 'script', 'prompts', 'callback', 'session', 'client', 'server', 'audit', 'testing', 'cli'] as const;
type Folder = (typeof ORDER)[number];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every module specifier a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const files = filesUnder(SRC);
const folderOf = (file: string): Folder | 'root' => {
  const top = relative(SRC, file).split('/')[0]!;
  return (ORDER as readonly string[]).includes(top) ? (top as Folder) : 'root';
};
const target = (file: string, spec: string) => resolve(dirname(file), spec.replace(/\.js$/, '.ts'));

describe('DESIGN §6: the shape of the code', () => {
  it('every folder imports only folders before it in the order core → model → … → cli', () => {
    const backEdges: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      if (from === 'root') continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const to = folderOf(target(file, spec));
        if (to === 'root' || to === from) continue;
        if (ORDER.indexOf(to) > ORDER.indexOf(from)) backEdges.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(backEdges).toEqual([]);
  });

  it('prompts/, audit/ and server/ never import session/', () => {
    const offenders = files
      .filter((file) => ['prompts', 'audit', 'server'].includes(folderOf(file)))
      .flatMap((file) => importsOf(file).filter((spec) => spec.startsWith('.') && folderOf(target(file, spec)) === 'session').map((spec) => `${relative(SRC, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('safecall-pl/testing reaches the library only through the public entries and session/internal.ts', () => {
    const allowed = new Set(['index.ts', 'server/index.ts', 'callback/index.ts', 'pesel/index.ts', 'model/index.ts', 'audit/index.ts', 'core/index.ts', 'session/internal.ts']);
    const offenders = files
      .filter((file) => folderOf(file) === 'testing')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => relative(SRC, target(file, spec)))
          .filter((path) => !path.startsWith('testing/') && !path.startsWith('core/') && !allowed.has(path))
          .map((path) => `${relative(SRC, file)} → ${path}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the browser entries never reach node:* or the server', () => {
    for (const entry of ['index.ts', 'pesel/index.ts', 'callback/index.ts', 'audit/index.ts', 'testing/index.ts']) {
      const seen = new Set<string>();
      const stack = [join(SRC, entry)];
      const problems: string[] = [];
      while (stack.length) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of importsOf(file)) {
          if (spec.startsWith('node:')) problems.push(`${relative(SRC, file)} imports ${spec}`);
          if (!spec.startsWith('.')) continue;
          const next = target(file, spec);
          if (relative(SRC, next).startsWith('server/') && entry !== 'testing/index.ts') problems.push(`${relative(SRC, file)} reaches ${relative(SRC, next)}`);
          stack.push(next);
        }
      }
      expect(problems, entry).toEqual([]);
    }
  });

  it('no vocabulary is written twice: step ids, outcome kinds, causes and position schemas are defined in model/ only', () => {
    const definitions: Record<string, string[]> = {};
    const patterns: Record<string, RegExp> = {
      'step ids': /['"]pesel-digit['"]\s*,\s*['"](?:mutual|reveal)['"]/,
      'outcome kinds': /['"]verified['"]\s*,\s*['"]failed['"]\s*,\s*['"]locked['"]/,
      'failure causes': /['"]wrong['"]\s*,\s*['"]dont-know['"]\s*,\s*['"]timeout['"]/,
      'position schema': /z\.int\(\)\.check\(z\.minimum\(1\),\s*z\.maximum\(11\)\)/,
      'callback refusals': /['"]too-soon['"]\s*,\s*['"]outside-hours['"]/,
    };
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of Object.entries(patterns)) if (pattern.test(text)) (definitions[name] ??= []).push(relative(SRC, file));
    }
    for (const [name, where] of Object.entries(definitions)) expect(where.every((path) => path.startsWith('model/')), `${name}: ${where.join(', ')}`).toBe(true);
  });
});
