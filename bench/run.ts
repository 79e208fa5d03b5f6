/**
 * `npm run bench`: every figure of issue 6, each measured in the same run as
 * its baseline. Prints a table and writes bench/results.json.
 *
 *   BENCH_TIME=1000   ms per task per round (default 1000)
 *   BENCH_ROUNDS=5    measured rounds, after one discarded warm-up round; the
 *                     reported figure is the median of the rounds' medians. A
 *                     figure and its baseline are sampled in the same iterations
 *                     (see measure()).
 *   BENCH_ONLY=call,start,memory,snapshot,bundle,pesel,parts   a subset
 *   BENCH_OUT=path    where to write the JSON (default bench/results.json, full runs only)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import { createActor } from 'xstate';
import { challengeStrength, createCallSession, mainStates, pickChallenge, restoreCallSession, statePath, stepOfPath, type AuditEvent, type CallSession } from '../src/index.js';
import { seededRandom } from '../src/testing/index.js';
// Internals, for the before/after measurements of the optimised pieces (group 7):
import { pooledCryptoRandom } from '../src/core/random.js';
import { randomId as randomIdOf } from '../src/session/session.js';
import { progressOf, stepOfValue, topState } from '../src/session/view.js';
import { bareMachine, bareMidCall, playBareCall, startBare } from './bare.js';
import { BUDGETS, ROOT, bundleDesktop, bundleDesktopPolishOnly, bundleFloors, bundleMain, bundlePesel, forbiddenInPesel, type BundleReport } from './bundle.js';
import { depsFor, loadScript, playVerifiedCall, playVerifiedCallFromPrompts, sessionMidCall } from './fixtures.js';

const TIME = Number(process.env['BENCH_TIME'] ?? 1000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const ONLY = process.env['BENCH_ONLY']?.split(',');
const wants = (group: string) => !ONLY || ONLY.includes(group);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const script = loadScript('fraud-alert');

interface Timing {
  /** Median latency, µs (median over rounds of each round's median). */
  medianUs: number;
  /** Mean latency, µs (median over rounds of each round's mean): includes GC pauses. */
  meanUs: number;
  /** Sustained throughput, ops/s: 1e6 / meanUs. */
  opsPerSec: number;
  /** Per-round medians, µs. */
  roundsUs: number[];
  samples: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Paired sampling, for a figure and its baseline. One tinybench task per round
 * whose every iteration runs each task of the group once, in a rotating order,
 * timing each: every iteration gives one sample of every task, taken within
 * the same millisecond or two. On this shared 2-core machine (other processes
 * come and go), timing tasks one after the other in blocks gave per-round
 * ratios anywhere from 0.7× to 2.5×; paired, they agree within a few %.
 * tinybench drives the rounds (warm-up, time budget, minimum iterations).
 */
async function measure(group: string, tasks: Record<string, () => unknown>, paired = true): Promise<Record<string, Timing>> {
  if (!paired) return measureEach(group, tasks);
  const names = Object.keys(tasks);
  const perTask: Record<string, { us: number[]; mean: number[]; samples: number }> = Object.fromEntries(names.map((n) => [n, { us: [], mean: [], samples: 0 }]));
  let recording = false;
  let turn = 0;
  let samples: Record<string, number[]> = {};
  const iteration = async () => {
    const first = turn++ % names.length;
    for (let j = 0; j < names.length; j++) {
      const name = names[(first + j) % names.length]!;
      const t0 = performance.now();
      const result = tasks[name]!();
      if (result instanceof Promise) await result;
      const ms = performance.now() - t0;
      if (recording) samples[name]!.push(ms);
    }
  };
  // Round 0 only warms up (JIT, caches, heap sizing) and is discarded.
  for (let round = 0; round <= ROUNDS; round++) {
    samples = Object.fromEntries(names.map((n) => [n, []]));
    const bench = new Bench({ name: group, time: TIME * names.length, warmupTime: round ? 50 : 500, warmupIterations: 20, iterations: 50 });
    bench.add(`${group} (interleaved)`, iteration, {
      beforeAll: (mode) => {
        gc();
        recording = mode === 'run' && round > 0;
      },
    });
    await bench.run();
    const result = bench.tasks[0]!.result;
    if (result.state !== 'completed') throw new Error(`${group}: ${result.state === 'errored' ? result.error.stack : result.state}`);
    if (round === 0) continue;
    for (const name of names) {
      const xs = samples[name]!;
      perTask[name]!.us.push(median(xs) * 1000);
      perTask[name]!.mean.push((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000);
      perTask[name]!.samples += xs.length;
    }
  }
  const out: Record<string, Timing> = {};
  for (const [name, e] of Object.entries(perTask)) out[name] = { medianUs: median(e.us), meanUs: median(e.mean), opsPerSec: 1e6 / median(e.mean), roundsUs: e.us, samples: e.samples };
  return out;
}

/** Plain tinybench, one task after the other, for sub-microsecond operations without a baseline to pair with. */
async function measureEach(group: string, tasks: Record<string, () => unknown>): Promise<Record<string, Timing>> {
  const perTask: Record<string, { us: number[]; mean: number[]; samples: number }> = {};
  // Round 0 only warms up and is discarded.
  for (let round = 0; round <= ROUNDS; round++) {
    const bench = new Bench({ name: group, time: TIME, warmupTime: round ? 50 : 250, warmupIterations: 20, iterations: 20 });
    const all = Object.keys(tasks);
    const names = all.map((_, i) => all[(i + round) % all.length]!);
    for (const name of names) bench.add(name, tasks[name]!, { beforeAll: () => gc() });
    await bench.run();
    if (round === 0) continue;
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${group}/${task.name}: ${result.state === 'errored' ? result.error.stack : result.state}`);
      const entry = (perTask[task.name] ??= { us: [], mean: [], samples: 0 });
      entry.us.push(result.latency.p50 * 1000);
      entry.mean.push(result.latency.mean * 1000);
      entry.samples += result.latency.samplesCount;
    }
  }
  const out: Record<string, Timing> = {};
  for (const [name, e] of Object.entries(perTask)) out[name] = { medianUs: median(e.us), meanUs: median(e.mean), opsPerSec: 1e6 / median(e.mean), roundsUs: e.us, samples: e.samples };
  return out;
}

/** Per-round ratios a/b: the median, and the spread (rounds alternate the task order; the machine is shared). */
function ratioOf(a: Timing, b: Timing): { median: number; min: number; max: number; rounds: number[] } {
  const rounds = a.roundsUs.map((us, i) => us / b.roundsUs[i]!);
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds };
}
const spread = (r: { median: number; min: number; max: number }) => `${fmt(r.median, 2)}× (rounds ${fmt(r.min, 2)}–${fmt(r.max, 2)})`;

const loadAtStart = os.loadavg();
const results: Record<string, unknown> = {};
type Row = { measure: string; safecall: string; baseline: string; ratio: string; target: string; status: string };
const rows: Row[] = [];
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const ok = (pass: boolean, miss?: string) => (pass ? 'met' : `MISSED${miss ? ` (${miss})` : ''}`);

// 1. Full verified call ------------------------------------------------------
if (wants('call')) {
  let n = 0;
  // What a back end does with audit events: stamp and keep them (here: the last call's).
  let kept: AuditEvent[] = [];
  const auditSink = (event: AuditEvent) => {
    if (event.type === 'call-started') kept = [];
    kept.push(event);
  };
  await playVerifiedCall(createCallSession(script, depsFor(0, { audit: auditSink })));
  const auditCount = kept.length;
  const t = await measure('call', {
    'bare xstate: full call': () => playBareCall(n++),
    'safecall: full call': () => playVerifiedCall(createCallSession(script, depsFor(n++))),
    'safecall: full call, prompt read after every event': () => playVerifiedCallFromPrompts(createCallSession(script, depsFor(n++))),
    'safecall: full call with an audit sink': () => playVerifiedCall(createCallSession(script, depsFor(n++, { audit: auditSink }))),
  });
  const bare = t['bare xstate: full call']!;
  const engine = t['safecall: full call']!;
  const desktop = t['safecall: full call, prompt read after every event']!;
  const audited = t['safecall: full call with an audit sink']!;
  const ratios = ratioOf(engine, bare);
  const ratiosDesktop = ratioOf(desktop, bare);
  const ratiosAudited = ratioOf(audited, bare);
  const ratio = ratios.median;
  results['call'] = { script: 'fraud-alert', customerEvents: 11, verifierAnswers: 4, bare, safecall: engine, safecallWithPrompts: desktop, safecallWithAudit: audited, ratio: ratios, ratioWithPrompts: ratiosDesktop, ratioWithAudit: ratiosAudited, auditEventsPerCall: auditCount, target: 2.0 };
  rows.push({
    measure: '1. Full verified call (fraud-alert: 11 events + 4 verifier answers)',
    safecall: `${fmt(engine.medianUs, 0)} µs median; ${fmt(engine.opsPerSec, 0)} calls/s sustained`,
    baseline: `${fmt(bare.medianUs, 0)} µs median; ${fmt(bare.opsPerSec, 0)} calls/s sustained`,
    ratio: spread(ratios),
    target: '≤ 2.0×',
    status: ok(ratio <= 2, `${fmt(ratio / 2, 2)}× the target`),
  });
  rows.push({
    measure: '1b. … with the prompt rendered after every event (desktop)',
    safecall: `${fmt(desktop.medianUs, 0)} µs; ${fmt(desktop.opsPerSec, 0)} calls/s`,
    baseline: `${fmt(bare.medianUs, 0)} µs`,
    ratio: spread(ratiosDesktop),
    target: '(info)',
    status: '',
  });
  rows.push({
    measure: `1c. … with an audit sink (${auditCount} events per call, kept in an array)`,
    safecall: `${fmt(audited.medianUs, 0)} µs; ${fmt(audited.opsPerSec, 0)} calls/s`,
    baseline: `${fmt(bare.medianUs, 0)} µs`,
    ratio: spread(ratiosAudited),
    target: '(info)',
    status: '',
  });
}

// 2. Session start -----------------------------------------------------------
if (wants('start')) {
  let n = 0;
  const t = await measure('start', {
    'bare xstate: createActor().start()': () => startBare(n++),
    'safecall: createCallSession + first prompt': () => createCallSession(script, depsFor(n++)).prompt,
    'safecall: createCallSession only': () => createCallSession(script, depsFor(n++)),
  });
  const bare = t['bare xstate: createActor().start()']!;
  const start = t['safecall: createCallSession + first prompt']!;
  const create = t['safecall: createCallSession only']!;
  results['start'] = { bare, safecall: start, createOnly: create, targetUs: 50 };
  rows.push({
    measure: '2. Session start (create + first prompt), median',
    safecall: `${fmt(start.medianUs, 1)} µs (mean ${fmt(start.meanUs, 1)}; create only ${fmt(create.medianUs, 1)})`,
    baseline: `${fmt(bare.medianUs, 1)} µs (mean ${fmt(bare.meanUs, 1)})`,
    ratio: spread(ratioOf(start, bare)),
    target: '≤ 50 µs',
    status: ok(start.medianUs <= 50, `+${fmt(start.medianUs - 50, 1)} µs`),
  });
}

// 3. Memory ------------------------------------------------------------------
if (wants('memory')) {
  const count = 10_000;
  const runChild = (variant: string) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memory.ts', variant, String(count)], { cwd: ROOT, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { bytesPerItem: number; heapDelta: number };
  };
  const bare = runChild('bare');
  const session = runChild('session');
  const withPrompt = runChild('session+prompt');
  results['memory'] = { count, state: 'pesel.asking, first digit given, timer armed', bare, session, sessionWithPrompt: withPrompt, targetBytes: 12 * 1024 };
  rows.push({
    measure: `3. Retained heap per live session (${count.toLocaleString('en-US')} mid-call)`,
    safecall: `${kb(session.bytesPerItem)} (prompt cached: ${kb(withPrompt.bytesPerItem)})`,
    baseline: kb(bare.bytesPerItem),
    ratio: `${fmt(session.bytesPerItem / bare.bytesPerItem, 2)}×`,
    target: '≤ 12 KB',
    status: ok(Math.max(session.bytesPerItem, withPrompt.bytesPerItem) <= 12 * 1024),
  });
}

// 4. Snapshot ----------------------------------------------------------------
if (wants('snapshot')) {
  const sizes: { state: string; bytes: number }[] = [];
  await playVerifiedCall(createCallSession(script, depsFor(1)), (s) => sizes.push({ state: statePath(s.actor.getSnapshot().value), bytes: JSON.stringify(s.snapshot()).length }));
  const mid = sessionMidCall(script, depsFor(2));
  const midJson = JSON.stringify(mid.snapshot());
  const bareMid = bareMidCall(3);
  const bareJson = JSON.stringify(bareMid.getPersistedSnapshot());
  const deps = depsFor(4);
  let restored: CallSession | undefined;
  const t = await measure('snapshot', {
    'bare xstate: getPersistedSnapshot + JSON.stringify': () => JSON.stringify(bareMid.getPersistedSnapshot()),
    'safecall: snapshot() + JSON.stringify': () => JSON.stringify(mid.snapshot()),
    'bare xstate: restore (JSON.parse + createActor({ snapshot }).start())': () => createActor(bareMachine, { snapshot: JSON.parse(bareJson), input: { customerRef: '', positions: [], questions: 2 } }).start().stop(),
    'safecall: restore (JSON.parse + restoreCallSession)': () => {
      restored = restoreCallSession(script, JSON.parse(midJson), deps);
      restored.stop();
    },
  });
  mid.stop();
  bareMid.stop();
  const maxSize = Math.max(...sizes.map((s) => s.bytes));
  const rBare = t['bare xstate: restore (JSON.parse + createActor({ snapshot }).start())']!;
  const rSafe = t['safecall: restore (JSON.parse + restoreCallSession)']!;
  const sBare = t['bare xstate: getPersistedSnapshot + JSON.stringify']!;
  const sSafe = t['safecall: snapshot() + JSON.stringify']!;
  results['snapshot'] = { midCallBytes: midJson.length, bareMidCallBytes: bareJson.length, maxBytesOverCall: maxSize, perStep: sizes, take: { bare: sBare, safecall: sSafe }, restore: { bare: rBare, safecall: rSafe }, targetBytes: BUDGETS.snapshotJson };
  rows.push({
    measure: '4a. Snapshot JSON size mid-call (largest over the call)',
    safecall: `${midJson.length} B (${maxSize} B)`,
    baseline: `${bareJson.length} B (xstate persisted snapshot)`,
    ratio: `${fmt(midJson.length / bareJson.length, 2)}×`,
    target: '≤ 2 KB',
    status: ok(maxSize <= BUDGETS.snapshotJson),
  });
  rows.push({
    measure: '4b. Snapshot: take (snapshot() + stringify)',
    safecall: `${fmt(sSafe.medianUs, 2)} µs`,
    baseline: `${fmt(sBare.medianUs, 2)} µs`,
    ratio: `${fmt(sSafe.medianUs / sBare.medianUs, 2)}×`,
    target: '(info)',
    status: '',
  });
  rows.push({
    measure: '4c. Snapshot: restore (parse + restoreCallSession)',
    safecall: `${fmt(rSafe.medianUs, 1)} µs`,
    baseline: `${fmt(rBare.medianUs, 1)} µs`,
    ratio: `${fmt(rSafe.medianUs / rBare.medianUs, 2)}×`,
    target: '(info)',
    status: '',
  });
}

// 5. Bundle ------------------------------------------------------------------
if (wants('bundle')) {
  const main = await bundleMain();
  const desktop = await bundleDesktop();
  const polishOnly = await bundleDesktopPolishOnly();
  const pesel = await bundlePesel();
  const floors = await bundleFloors(main.inputs);
  const desktopFloors = await bundleFloors(desktop.inputs);
  const floorAll = floors['floor: all three (as used), one bundle']!;
  const desktopFloor = desktopFloors['floor: all three (as used), one bundle']!;
  const strip = (r: BundleReport) => ({ bytes: r.bytes, gzip: r.gzip, byOrigin: r.byOrigin, nodeImports: r.nodeImports });
  const forbidden = forbiddenInPesel(pesel);
  results['bundle'] = {
    gzipLevel: 9,
    main: strip(main),
    desktop: strip(desktop),
    whatIfDesktopPolishOnly: strip(polishOnly),
    pesel: { ...strip(pesel), forbidden },
    floors: Object.fromEntries(Object.entries(floors).map(([k, v]) => [k, strip(v)])),
    desktopFloors: Object.fromEntries(Object.entries(desktopFloors).map(([k, v]) => [k, strip(v)])),
    budgets: BUDGETS,
  };
  rows.push({
    measure: '5a. Bundle: `safecall` main entry, all deps, min+gzip',
    safecall: `${kb(main.gzip)} (${kb(main.bytes)} min)`,
    baseline: `deps floor ${kb(floorAll.gzip)}`,
    ratio: `+${kb(main.gzip - floorAll.gzip)} safecall's own`,
    target: '≤ 40 KB gz',
    status: ok(main.gzip <= BUDGETS.mainGzipTarget, `+${kb(main.gzip - BUDGETS.mainGzipTarget)}`),
  });
  rows.push({
    measure: '5b. Bundle: desktop imports only (createCallSession, restoreCallSession, defineScript, errors, maskPesel)',
    safecall: `${kb(desktop.gzip)} (${kb(desktop.bytes)} min)`,
    baseline: `deps floor ${kb(desktopFloor.gzip)}`,
    ratio: `+${kb(desktop.gzip - desktopFloor.gzip)} safecall's own`,
    target: '(info)',
    status: '',
  });
  rows.push({ measure: '5b′. what-if: 5b without the English prompt texts', safecall: `${kb(polishOnly.gzip)}`, baseline: '', ratio: `−${kb(desktop.gzip - polishOnly.gzip)}`, target: '(info)', status: '' });
  for (const [name, f] of Object.entries(floors)) rows.push({ measure: `    ${name}`, safecall: '', baseline: `${kb(f.gzip)} (${kb(f.bytes)} min)`, ratio: '', target: '', status: '' });
  rows.push({ measure: '    floor: zod/mini as the desktop imports use it (no JSON Schema)', safecall: '', baseline: `${kb(desktopFloors['floor: zod/mini (as used)']!.gzip)}`, ratio: '', target: '', status: '' });
  rows.push({
    measure: '5c. Bundle: `safecall/pesel`, min+gzip',
    safecall: `${kb(pesel.gzip)} (${kb(pesel.bytes)} min)`,
    baseline: '',
    ratio: '',
    target: '≤ 4 KB gz, no xstate/zod',
    status: ok(pesel.gzip <= BUDGETS.peselGzip && forbidden.length === 0, forbidden.join(', ')),
  });
  const nodeImports = [...main.nodeImports, ...pesel.nodeImports];
  rows.push({ measure: '5d. `node:` imports in browser bundles', safecall: nodeImports.length ? nodeImports.map((i) => `${i.path} (${i.importer})`).join(', ') : 'none', baseline: '', ratio: '', target: 'none', status: ok(nodeImports.length === 0) });
}

// 6. PESEL challenges --------------------------------------------------------
if (wants('pesel')) {
  const cold = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cold.ts'], { cwd: ROOT, encoding: 'utf8' });
  const coldMs = JSON.parse(cold.stdout.trim().split('\n').pop() ?? '{}') as { acquaintanceMs: number; strangerMs: number; firstSight: { evaluations: number; ms: number; perSec: number } };
  const threeSets: number[][] = [];
  for (let a = 1; a <= 11; a++) for (let b = a + 1; b <= 11; b++) for (let c = b + 1; c <= 11; c++) threeSets.push([a, b, c]);
  const seeded = seededRandom(7);
  const known = { known: [5, 8, 9] };
  const allSets = (threat?: Parameters<typeof challengeStrength>[1]) => () => {
    let sum = 0;
    for (const set of threeSets) sum += challengeStrength(set, threat);
    return sum;
  };
  const t = await measure('pesel', {
    'challengeStrength × 165 three-position sets (acquaintance)': allSets(),
    "challengeStrength × 165 three-position sets ('stranger')": allSets('stranger'),
    'challengeStrength × 165 three-position sets ({ known: [5, 8, 9] })': allSets(known),
    'pickChallenge (count 3, ≥ 6.5 bits, crypto random)': () => pickChallenge({ count: 3, minStrengthBits: 6.5 }),
    'pickChallenge (count 3, ≥ 6.5 bits, seeded random)': () => pickChallenge({ count: 3, minStrengthBits: 6.5, random: seeded }),
    'pickChallenge (count 3, ≥ 6.5 bits, pooled crypto, as a session draws)': () => pickChallenge({ count: 3, minStrengthBits: 6.5, random: pooledCryptoRandom() }),
  }, false);
  const per = (name: string) => (threeSets.length * 1e6) / t[name]!.meanUs;
  const strength = per('challengeStrength × 165 three-position sets (acquaintance)');
  const strangerRate = per("challengeStrength × 165 three-position sets ('stranger')");
  const knownRate = per('challengeStrength × 165 three-position sets ({ known: [5, 8, 9] })');
  const pick = t['pickChallenge (count 3, ≥ 6.5 bits, crypto random)']!;
  const draw = t['pickChallenge (count 3, ≥ 6.5 bits, pooled crypto, as a session draws)']!;
  results['pesel'] = { timings: t, strengthEvaluationsPerSec: { acquaintance: strength, stranger: strangerRate, known: knownRate }, coldFirstCallMs: coldMs, targetStrengthOpsPerSec: 100_000 };
  rows.push({
    measure: '6a. challengeStrength evaluations/s (warm; acquaintance / stranger / known)',
    safecall: `${fmt(strength / 1e6, 1)} M/s / ${fmt(strangerRate / 1e6, 1)} M/s / ${fmt(knownRate / 1e6, 1)} M/s`,
    baseline: `cold first call (tables built): ${fmt(coldMs.acquaintanceMs, 0)} ms, stranger +${fmt(coldMs.strangerMs, 0)} ms`,
    ratio: '',
    target: '≥ 100,000 /s',
    status: ok(Math.min(strength, strangerRate, knownRate) >= 100_000),
  });
  rows.push({
    measure: `6a′. … first-sight evaluations (new { known: [x, y] } threat models, ${coldMs.firstSight.evaluations} evaluations, not memoised yet)`,
    safecall: `${fmt(coldMs.firstSight.perSec, 0)} /s`,
    baseline: '',
    ratio: '',
    target: '≥ 100,000 /s',
    status: ok(coldMs.firstSight.perSec >= 100_000, `${fmt(100_000 / coldMs.firstSight.perSec, 0)}× too slow; memoised afterwards`),
  });
  rows.push({
    measure: '6b. pickChallenge (count 3, ≥ 6.5 bits, crypto random)',
    safecall: `${fmt(pick.opsPerSec, 0)} /s (${fmt(pick.medianUs, 1)} µs)`,
    baseline: `with the session's pooled crypto: ${fmt(draw.medianUs, 2)} µs`,
    ratio: '',
    target: '(info)',
    status: '',
  });
}

// 7. The optimised pieces, old way vs new way, same run ---------------------------
if (wants('parts')) {
  const values: unknown[] = [];
  await playVerifiedCall(createCallSession(script, depsFor(8)), (s) => values.push(s.actor.getSnapshot().value));
  const oldStatePath = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['', ''];
    return `${key}.${oldStatePath(child)}`;
  };
  const oldProgress = (path: string) => {
    const order = mainStates(script);
    return order.indexOf(path.split('.')[0] as never);
  };
  const hex = (words: Uint32Array) => Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');
  const pooled = pooledCryptoRandom();
  const t = await measure('parts', {
    'random: crypto.getRandomValues, id (4 words) + challenge draw (1 word)': () => [crypto.getRandomValues(new Uint32Array(4)), crypto.getRandomValues(new Uint32Array(1))],
    'random: pooled, id + challenge draw': () => [pooled.getRandomValues(new Uint32Array(4)), pooled.getRandomValues(new Uint32Array(1))],
    'session id: Array.from + toString(16) + padStart': () => hex(pooled.getRandomValues(new Uint32Array(4))),
    'session id: byte table': () => randomIdOf(pooled),
    [`per transition ×${values.length}: statePath (entries) + stepOfPath + progressOf (mainStates each time)`]: () => values.map((v) => {
      const path = oldStatePath(v);
      return [stepOfPath(path), oldProgress(path)];
    }),
    [`per transition ×${values.length}: stepOfValue + topState + memoised progressOf`]: () => values.map((v) => [stepOfValue(v), progressOf(topState(v), script, 1)]),
  }, false);
  results['parts'] = t;
  const pair = (label: string, before: string, after: string) =>
    rows.push({ measure: `7. ${label}`, safecall: `${fmt(t[after]!.medianUs, 2)} µs`, baseline: `${fmt(t[before]!.medianUs, 2)} µs before`, ratio: `−${fmt(t[before]!.medianUs - t[after]!.medianUs, 2)} µs`, target: '(info)', status: '' });
  pair('random draws per session (Web Crypto pooled)', 'random: crypto.getRandomValues, id (4 words) + challenge draw (1 word)', 'random: pooled, id + challenge draw');
  pair('session id formatting', 'session id: Array.from + toString(16) + padStart', 'session id: byte table');
  pair(`step/progress bookkeeping, ${values.length} transitions per call`, `per transition ×${values.length}: statePath (entries) + stepOfPath + progressOf (mainStates each time)`, `per transition ×${values.length}: stepOfValue + topState + memoised progressOf`);
}

// Output -----------------------------------------------------------------------
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim() + (execFileSync('git', ['status', '--porcelain', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
})();
const environment = { date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length, commit, timing: 'wall clock (performance.now); calls, starts and snapshots: paired sampling with their baselines in the same tinybench iterations; parts and PESEL: plain tinybench per task', timePerTaskMs: TIME, rounds: ROUNDS, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() };
const header = ['Measure', 'safecall', 'Baseline', 'Ratio', 'Target', 'Status'] as const;
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${[r.measure, r.safecall, r.baseline, r.ratio, r.target, r.status].join(' | ')} |`),
].join('\n');
console.log(`\nsafecall benchmarks — Node ${environment.node}, ${environment.cpu} (${environment.cores} cores, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}), ${ROUNDS} rounds × ${TIME} ms per task, baselines sampled in the same iterations\n`);
console.log(table);
// bench/results.json always holds a complete run: a partial one (BENCH_ONLY) writes only to BENCH_OUT, if given.
const OUT = process.env['BENCH_OUT'] ?? (ONLY ? undefined : `${ROOT}bench/results.json`);
if (OUT) writeFileSync(OUT, `${JSON.stringify({ environment, results, table: rows }, null, 2)}\n`);
