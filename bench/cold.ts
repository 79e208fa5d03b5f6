/**
 * Cold start, in a fresh process each time (run.ts alternates the modes):
 *
 *   node bench/.cache/perf/cold.mjs safecall <library.mjs> <script.json>
 *   node bench/.cache/perf/cold.mjs deps
 *   node bench/.cache/perf/cold.mjs deps-barrel
 *
 * `safecall`: import the desktop entry as it ships (bench/build.ts builds it
 * like dist/index.js: ESM, dependencies external), the first `defineScript`
 * and the first prompt of a session. `deps`: import xstate, zod/mini and
 * date-fns (the modules src/callback uses, by subpath) alone. `deps-barrel`:
 * the same with the `date-fns` barrel, as an import of `date-fns` loads it in
 * Node. The script JSON is read before the clock starts: reading a file is
 * the host's cost. Prints one JSON line: { mode, ms, phases }.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface DesktopEntry {
  defineScript(input: unknown): unknown;
  createCallSession(script: unknown, deps: unknown): { prompt: { say: string }; stop(): void };
}

function isDesktopEntry(value: unknown): value is DesktopEntry {
  const entry = value as Partial<Record<keyof DesktopEntry, unknown>>;
  return typeof entry.defineScript === 'function' && typeof entry.createCallSession === 'function';
}

const [mode, library, scriptFile] = process.argv.slice(2);
const phases: Record<string, number> = {};
let ms: number;

if (mode === 'safecall') {
  const json: unknown = JSON.parse(readFileSync(scriptFile!, 'utf8'));
  const never = new Promise<never>(() => undefined);
  const verifier = { open: () => never, resume: () => never, checkDigits: () => never, checkAnswer: () => never, reveal: () => never, close: () => never };
  const t0 = performance.now();
  const entry: unknown = await import(pathToFileURL(library!).href);
  const t1 = performance.now();
  if (!isDesktopEntry(entry)) throw new Error(`${library} is not the desktop entry`);
  const script = entry.defineScript(json);
  const t2 = performance.now();
  const session = entry.createCallSession(script, { agent: { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' }, customer: { name: 'Jan Kowalski', ref: 'c-1', form: 'pan' }, verifier });
  const say = session.prompt.say;
  const t3 = performance.now();
  if (!say) throw new Error('no prompt');
  session.stop();
  ms = t3 - t0;
  Object.assign(phases, { import: t1 - t0, defineScript: t2 - t1, firstPrompt: t3 - t2 });
} else if (mode === 'deps') {
  const t0 = performance.now();
  await Promise.all([import('xstate'), import('zod/mini'), import('date-fns/format'), import('date-fns/locale/pl'), import('@date-fns/tz')]);
  ms = performance.now() - t0;
} else if (mode === 'deps-barrel') {
  const t0 = performance.now();
  await Promise.all([import('xstate'), import('zod/mini'), import('date-fns')]);
  ms = performance.now() - t0;
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
console.log(JSON.stringify({ mode, ms, phases }));
