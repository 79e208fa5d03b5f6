/**
 * `npm run bench`: every figure of issue 13, each with its baseline measured
 * in the same run. Prints a table and writes bench/results.json.
 *
 * How (see BENCHMARKS.md):
 * - timings run in child processes on a build of src/ without tsx's
 *   `keepNames` (bench/build.ts), one process per group; a figure and its
 *   baseline are timed in the same iterations (bench/measure.ts);
 * - heap: one process per variant, 5,000 live calls each, `--expose-gc`;
 * - cold start: a fresh process per sample, safecall and its baseline alternating;
 * - bundles: esbuild in-process, browser, minified, gzip -9 (bench/bundle.ts).
 *
 *   BENCH_TIME=500     ms per task per round (default 500)
 *   BENCH_ROUNDS=5     measured rounds after one discarded warm-up round; a
 *                      figure is the median of the rounds' medians, a ratio the
 *                      median of the per-round ratios
 *   BENCH_ONLY=call,start,event,memory,snapshot,restore,callback,cold,bundle   a subset
 *   BENCH_OUT=path     where to write the JSON (default bench/results.json, full runs only)
 *   BENCH_PROFILE=dir  also write a V8 CPU profile of every timing child (summarise with bench/profile.ts)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildChild, buildLibrary, OUT } from './build.js';
import { BUDGETS, BROWSER_ENTRIES, bundleDesktop, bundleDesktopAllWhatIfs, bundleEntry, bundleFloors, WHAT_IFS, type BrowserEntry, type BundleReport } from './bundle.js';
import { ROOT } from './fixtures.js';
import { median, ratioOf, ROUNDS, TIME, type Ratio, type Timing } from './measure.js';

const ONLY = process.env['BENCH_ONLY']?.split(',');
const PROFILE = process.env['BENCH_PROFILE'];
const wants = (group: string) => !ONLY || ONLY.includes(group);

type Row = { measure: string; safecall: string; baseline: string; ratio: string; target: string; status: string };
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const us = (t: Timing) => `${fmt(t.medianUs, t.medianUs < 100 ? 1 : 0)} µs`;
const spread = (r: Ratio) => `${fmt(r.median, 2)}× (rounds ${fmt(r.min, 2)}–${fmt(r.max, 2)})`;
const verdict = (met: boolean, miss: string) => (met ? 'met' : `MISSED: ${miss}`);
const info = (measure: string, safecall: string, baseline = '', ratio = '') => rows.push({ measure, safecall, baseline, ratio, target: '(info)', status: '' });

/** Runs a built child and returns its last stdout line, parsed. */
function child<T>(file: string, args: string[], nodeArgs: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeArgs, file, ...args], { cwd: ROOT, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const line = out.trim().split('\n').pop() ?? '';
  const parsed: T = JSON.parse(line);
  return parsed;
}

interface GroupResult {
  group: string;
  timings: Record<string, Timing>;
  info: Record<string, unknown>;
}

const loadAtStart = os.loadavg();
const timingNeeded = ['call', 'start', 'event', 'snapshot', 'restore', 'callback'].some(wants);
const timingChild = timingNeeded ? await buildChild('timing') : '';
const group = (name: string): GroupResult => {
  const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const result = child<GroupResult>(timingChild, [name], ['--expose-gc', ...profile]);
  results[name] = result;
  return result;
};

// 1. A full verified call ------------------------------------------------------
if (wants('call')) {
  const { timings: t, info: i } = group('call');
  const bare = t['bare']!;
  const session = t['session']!;
  const ratio = ratioOf(session, bare);
  const calls = `${String(i['events'])} events, ${String(i['serviceAnswers'])} service answers`;
  rows.push({ measure: `1. Full verified call (fraud-alert: ${calls})`, safecall: us(session), baseline: `${us(bare)} bare`, ratio: spread(ratio), target: '≤ 1.3×', status: verdict(ratio.median <= 1.3, `${fmt(ratio.median / 1.3, 2)}× the target`) });
  info('1b. … the prompt read after every event (a desktop)', us(t['session, prompt read after every event']!), us(bare), spread(ratioOf(t['session, prompt read after every event']!, bare)));
  info(`1c. … with an audit sink (${String(i['auditEventsPerCall'])} events kept)`, us(t['session with an audit sink']!), us(bare), spread(ratioOf(t['session with an audit sink']!, bare)));
}

// 1d. One event -------------------------------------------------------------------
if (wants('event')) {
  const { timings: t, info: i } = group('event');
  const per = Number(i['eventsPerSample']);
  const perEvent = (x: Timing) => `${fmt(x.medianUs / per, 2)} µs`;
  info('1d. One event: session.send ÷ actor.send (HOLD/RESUME)', perEvent(t['session']!), perEvent(t['bare']!), spread(ratioOf(t['session']!, t['bare']!)));
  info('1e. … and the prompt read after it', perEvent(t['session, prompt read after each']!), perEvent(t['bare']!), spread(ratioOf(t['session, prompt read after each']!, t['bare']!)));
  info("1f. … of session.send's own work: the zod parse of the event; the can() check", `${perEvent(t['parts: zod parse of the event']!)}; ${perEvent(t['parts: snapshot.can(event)']!)}`, perEvent(t['bare']!));
}

// 2. Session start --------------------------------------------------------------------
if (wants('start')) {
  const { timings: t } = group('start');
  const ratio = ratioOf(t['session']!, t['bare']!);
  rows.push({ measure: '2. Session start: createCallSession ÷ createActor(machine).start()', safecall: us(t['session']!), baseline: us(t['bare']!), ratio: spread(ratio), target: '≤ 1.8×', status: verdict(ratio.median <= 1.8, `${fmt(ratio.median / 1.8, 2)}× the target`) });
  info('2b. … and the first prompt rendered', us(t['session + first prompt']!), us(t['bare']!), spread(ratioOf(t['session + first prompt']!, t['bare']!)));
}

// 3. Retained heap ----------------------------------------------------------------------
if (wants('memory')) {
  const memoryChild = await buildChild('memory');
  const count = 5_000;
  const samples: Record<string, number[]> = { bare: [], session: [], 'session+prompt': [] };
  // Three rounds, the variants alternating: the heap grows the same way for each.
  for (let round = 0; round < 3; round++) {
    for (const variant of Object.keys(samples)) samples[variant]!.push(child<{ bytesPerItem: number }>(memoryChild, [variant, String(count)], ['--expose-gc']).bytesPerItem);
  }
  const bare = median(samples['bare']!);
  const session = median(samples['session']!);
  const prompt = median(samples['session+prompt']!);
  results['memory'] = { count, state: 'pesel.digits.asking, first digit given, timer armed', samples, bare, session, sessionWithPrompt: prompt };
  const ratio = session / bare;
  rows.push({ measure: `3. Retained heap per live call (${count.toLocaleString('en-US')} mid-call)`, safecall: kb(session), baseline: `${kb(bare)} bare actor`, ratio: `${fmt(ratio, 2)}×`, target: '≤ 1.2×', status: verdict(ratio <= 1.2, `${fmt(ratio / 1.2, 2)}× the target`) });
  info('3b. … with the prompt rendered and cached (a desktop)', kb(prompt), kb(bare), `${fmt(prompt / bare, 2)}×`);
}

// 4. Snapshot -------------------------------------------------------------------------------
if (wants('snapshot')) {
  const { timings: t, info: i } = group('snapshot');
  const mid = Number(i['midCallBytes']);
  rows.push({ measure: '4. Snapshot JSON mid-call (first digit given)', safecall: `${mid} B`, baseline: `${String(i['bareMidCallBytes'])} B xstate persisted snapshot`, ratio: `largest over the call ${String(i['largest'])} B`, target: `≤ ${BUDGETS.snapshotMidCall} B`, status: verdict(mid <= BUDGETS.snapshotMidCall, `+${mid - BUDGETS.snapshotMidCall} B`) });
  info('4b. Taking it: snapshot() + stringify', us(t['session']!), `${us(t['bare']!)} getPersistedSnapshot() + stringify`, spread(ratioOf(t['session']!, t['bare']!)));
}

// 5. Restore ------------------------------------------------------------------------------
if (wants('restore')) {
  const { timings: t } = group('restore');
  const ratio = ratioOf(t['session']!, t['bare']!);
  rows.push({ measure: '5. Restore mid-call (resume answered at once) ÷ JSON.parse + createActor(m, { snapshot }).start()', safecall: us(t['session']!), baseline: us(t['bare']!), ratio: spread(ratio), target: '≤ 2×', status: verdict(ratio.median <= 2, `${fmt(ratio.median / 2, 2)}× the target`) });
  const part = (name: string) => us(t[`parts: ${name}`]!);
  info(
    '5b. … where it goes: zod parses of the snapshot, the deps, the resumed CallState; the restored transition',
    `${part('zod parse of the snapshot')}; ${part('zod parse of the deps')}; ${part("zod parse of resume's CallState")}; ${part('the restored transition (reenter asking)')}`,
    us(t['bare']!),
  );
}

// 6. Callbacks ------------------------------------------------------------------------------
if (wants('callback')) {
  const { timings: t } = group('callback');
  const each = (name: string, label: string) => {
    const x = t[name]!;
    rows.push({ measure: `6. ${label}`, safecall: us(x), baseline: `${us(t['CONFIRM on a step without callbacks (for scale)']!)} a CONFIRM`, ratio: '', target: '≤ 300 µs', status: verdict(x.medianUs <= 300, `+${fmt(x.medianUs - 300, 0)} µs`) });
  };
  each('not-safe prompt rendered (3 slots + window)', 'Callback prompt (not-safe, 3 slots) rendered');
  each('REQUEST_CALLBACK accepted (in 15 minutes)', 'REQUEST_CALLBACK decided: accepted (in 15 minutes)');
  each('REQUEST_CALLBACK refused (a Sunday), 3 suggestions', 'REQUEST_CALLBACK decided: refused (a Sunday), 3 suggestions');
}

// 7. Cold start -------------------------------------------------------------------------------
if (wants('cold')) {
  const coldChild = await buildChild('cold');
  const library = await buildLibrary();
  const strengthKey = Object.keys(WHAT_IFS).find((name) => name.includes('strength'))!;
  const lintKey = Object.keys(WHAT_IFS).find((name) => name.includes('lint'))!;
  const withoutStrength = await buildLibrary('safecall-pl.what-if', WHAT_IFS[strengthKey]);
  const withoutBoth = await buildLibrary('safecall-pl.what-if-2', [...WHAT_IFS[strengthKey]!, ...WHAT_IFS[lintKey]!]);
  const script = `${ROOT}examples/scripts/fraud-alert.json`;
  const SAMPLES = 7;
  type Cold = { ms: number; phases: Record<string, number> };
  const samples: Record<'safecall' | 'deps' | 'deps-barrel' | 'what-if' | 'what-if-2', Cold[]> = { safecall: [], deps: [], 'deps-barrel': [], 'what-if': [], 'what-if-2': [] };
  // A fresh process per sample; the modes alternate so that load changes hit them alike.
  for (let i = 0; i < SAMPLES; i++) {
    samples.safecall.push(child<Cold>(coldChild, ['safecall', library, script]));
    samples.deps.push(child<Cold>(coldChild, ['deps']));
    samples['what-if'].push(child<Cold>(coldChild, ['safecall', withoutStrength, script]));
    samples['what-if-2'].push(child<Cold>(coldChild, ['safecall', withoutBoth, script]));
    samples['deps-barrel'].push(child<Cold>(coldChild, ['deps-barrel']));
  }
  const ms = (mode: keyof typeof samples) => median(samples[mode].map((s) => s.ms));
  const phase = (name: string) => median(samples.safecall.map((s) => s.phases[name] ?? 0));
  const ratios = samples.safecall.map((s, i) => s.ms / samples.deps[i]!.ms);
  const ratio = median(ratios);
  results['cold'] = { samples, ratios, library: library.slice(ROOT.length) };
  rows.push({
    measure: '7. Cold start: import + first defineScript + first prompt ÷ importing xstate, zod/mini, date-fns (format, pl, @date-fns/tz)',
    safecall: `${fmt(ms('safecall'), 0)} ms (import ${fmt(phase('import'), 0)}, defineScript ${fmt(phase('defineScript'), 0)}, prompt ${fmt(phase('firstPrompt'), 0)})`,
    baseline: `${fmt(ms('deps'), 0)} ms (with the date-fns barrel: ${fmt(ms('deps-barrel'), 0)} ms)`,
    ratio: `${fmt(ratio, 2)}× (samples ${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)})`,
    target: '≤ 1.2×',
    status: verdict(ratio <= 1.2, `${fmt(ratio / 1.2, 2)}× the target`),
  });
  const whatIf = (mode: 'what-if' | 'what-if-2', label: string) => {
    const ratioOfMode = median(samples[mode].map((s, i) => s.ms / samples.deps[i]!.ms));
    const phaseOf = (name: string) => median(samples[mode].map((s) => s.phases[name] ?? 0));
    info(label, `${fmt(ms(mode), 0)} ms (import ${fmt(phaseOf('import'), 0)}, defineScript ${fmt(phaseOf('defineScript'), 0)}, prompt ${fmt(phaseOf('firstPrompt'), 0)})`, `${fmt(ms('deps'), 0)} ms`, `${fmt(ratioOfMode, 2)}×`);
  };
  whatIf('what-if', `7b. what-if: ${strengthKey}`);
  whatIf('what-if-2', '7c. what-if: … and without the unsafe-text lint as well');
}

// 8. Bundles -------------------------------------------------------------------------------------
if (wants('bundle')) {
  const desktop = await bundleDesktop();
  const floors = await bundleFloors(desktop.inputs);
  const whatIfs: Record<string, number> = {};
  for (const [name, plugins] of Object.entries(WHAT_IFS)) whatIfs[name] = (await bundleDesktop(plugins)).gzip;
  const allWhatIfs = await bundleDesktopAllWhatIfs();
  const entries: Partial<Record<BrowserEntry, BundleReport | { error: string }>> = {};
  for (const entry of Object.keys(BROWSER_ENTRIES) as BrowserEntry[]) {
    try {
      entries[entry] = await bundleEntry(entry);
    } catch (error) {
      entries[entry] = { error: error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error) };
    }
  }
  const strip = (r: BundleReport) => ({ bytes: r.bytes, gzip: r.gzip, byPart: r.byPart, nodeImports: r.nodeImports });
  results['bundle'] = {
    gzipLevel: 9,
    desktop: strip(desktop),
    floors: { xstate: strip(floors.xstate), zodMini: strip(floors['zod/mini']), both: strip(floors.both) },
    whatIfs: { ...whatIfs, 'all three API decisions': allWhatIfs.gzip },
    entries: Object.fromEntries(Object.entries(entries).map(([name, r]) => [name, r && 'error' in r ? r : r && strip(r)])),
    budgets: BUDGETS,
  };
  rows.push({
    measure: '8. Desktop bundle: createCallSession, restoreCallSession, defineScript, actionEvent, httpVerifier, Polish prompts — all deps, min+gz',
    safecall: `${kb(desktop.gzip)} (${kb(desktop.bytes)} min)`,
    baseline: `floor ${kb(floors.both.gzip)}: xstate ${kb(floors.xstate.gzip)} + zod/mini ${kb(floors['zod/mini'].gzip)} as used`,
    ratio: `+${kb(desktop.gzip - floors.both.gzip)} safecall's own`,
    target: '≤ 40 KB',
    status: verdict(desktop.gzip <= BUDGETS.desktopGzipTarget, `+${kb(desktop.gzip - BUDGETS.desktopGzipTarget)}`),
  });
  for (const [name, gzip] of Object.entries(whatIfs)) info(`8b. what-if: ${name}`, kb(gzip), '', `−${kb(desktop.gzip - gzip)}`);
  info('8c. what-if: the three API decisions together (English, lint, strength check)', kb(allWhatIfs.gzip), '', `−${kb(desktop.gzip - allWhatIfs.gzip)}`);
  for (const [entry, report] of Object.entries(entries)) {
    if (!report) continue;
    const ceiling = BUDGETS.entries[entry as BrowserEntry];
    if ('error' in report) {
      rows.push({ measure: `8d. Entry ${entry} (export *)`, safecall: 'does not build', baseline: report.error, ratio: '', target: `≤ ${kb(ceiling)}`, status: 'NOT MEASURED' });
      continue;
    }
    rows.push({
      measure: `8d. Entry ${entry} (export *), min+gz; node:* imports`,
      safecall: `${kb(report.gzip)}; ${report.nodeImports.length ? report.nodeImports.map((i) => `${i.path} (${i.importer})`).join(', ') : 'none'}`,
      baseline: '',
      ratio: '',
      target: `≤ ${kb(ceiling)} (CI ceiling); no node:*`,
      status: verdict(report.gzip <= ceiling && report.nodeImports.length === 0, report.nodeImports.length ? 'imports node:*' : `+${kb(report.gzip - ceiling)}`),
    });
  }
}

// Output ----------------------------------------------------------------------------------------------
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return head + (execFileSync('git', ['status', '--porcelain', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
})();
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  commit,
  timing: 'wall clock (performance.now) in child processes on an esbuild build of src/ (no keepNames); each figure paired with its baseline in the same iterations',
  timePerTaskMs: TIME,
  rounds: ROUNDS,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: os.loadavg(),
  builds: OUT.slice(ROOT.length),
};
const header = ['Measure', 'safecall', 'Baseline (same run)', 'Ratio', 'Target', 'Status'] as const;
const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${[r.measure, r.safecall, r.baseline, r.ratio, r.target, r.status].join(' | ')} |`)].join('\n');
console.log(`\nsafecall benchmarks — Node ${environment.node}, ${environment.cpu ?? 'unknown CPU'} (${environment.cores} cores, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} → ${environment.loadAverageAtEnd.map((l) => l.toFixed(1)).join(' ')}), ${ROUNDS} rounds × ${TIME} ms per task\n`);
console.log(table);
// bench/results.json always holds a complete run: a partial one (BENCH_ONLY) writes only to BENCH_OUT, if given.
const out = process.env['BENCH_OUT'] ?? (ONLY ? undefined : `${ROOT}bench/results.json`);
if (out) writeFileSync(out, `${JSON.stringify({ environment, results, table: rows }, null, 2)}\n`);
