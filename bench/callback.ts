/**
 * Callback planning speed (issue 13: each ≤ 0.3 ms warm):
 * - render: what a callback prompt needs — `suggest` 3 slots with their spoken
 *   forms, and `window`;
 * - plan: deciding a REQUEST_CALLBACK — `plan`, accepted ({ inMinutes: 15 })
 *   and refused ({ at: a Sunday }, which also says 3 suggestions).
 *
 *   node --import tsx bench/callback.ts        (BENCH_TIME=ms per task per round, BENCH_ROUNDS=n)
 *
 * Baselines in the same run:
 * - before: the same operations through the previous code — src/callback as of
 *   commit 9f6f530 (read with `git show` into bench/.cache/, git-ignored),
 *   called the way session/view.ts and session.ts called it
 *   (nextCallbackSlots + describeCallback + callbackWindow; planCallback +
 *   describeCallback + callbackReference);
 * - bare Intl: one `new Intl.DateTimeFormat(…).formatToParts(now)` per call,
 *   what the previous `isTimeZone` paid on every check.
 * `now` cycles through 12 instants (weekdays, near closing, Saturday, Sunday,
 * both DST weekends), the same for every task; random = the session's default
 * (pooled Web Crypto).
 *
 * Figures, µs/op, median (mean) of 5 rounds × 1 s, Node 20.20, 2-core machine
 * shared with other jobs (load average 5–8), 30 November 2026:
 *
 *   operation         before             after        after/before
 *   render            982.1 (1281.6)     7.5 (8.9)    0.008×
 *   plan, accepted    285.0 (504.4)      3.1 (5.1)    0.011×
 *   plan, refused     828.1 (1017.1)     7.5 (9.8)    0.009×
 *   bare Intl          59.9 (90.7)
 *
 * Over four runs the "before" medians moved with the load (render 0.98–3.1 ms,
 * plan 0.29–0.72 / 0.83–1.6 ms); the "after" ones stayed within 7.5–12 µs
 * (render) and 2.9–9.4 µs (plans). Before, 3 `isTimeZone` checks and 2 policy
 * parses built a `new Intl.DateTimeFormat` each (≈ 40–100 µs apiece, the "bare
 * Intl" row), and every wall-clock read built `TZDate`s (≈ 3–10 µs, several
 * `Intl` formats each). Now offsets are cached per zone and UTC hour
 * (src/callback/zoneOffsets.ts), day phrases per day, and the policy is not
 * parsed again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { callbackPlanner, parseCallbackPolicy, type CallbackAsk } from '../src/callback/index.js';
import { pooledCryptoRandom, type RandomSource } from '../src/core/random.js';

const TIME = Number(process.env['BENCH_TIME'] ?? 1000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const BEFORE_COMMIT = '9f6f530';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The previous src/callback, as far as these operations use it. */
interface PreviousCallback {
  nextCallbackSlots(policy: unknown, now: number, count: number): string[];
  callbackWindow(policy: unknown, now: number): { earliest: string; latest: string };
  planCallback(request: CallbackAsk, policy: unknown, now: number): { ok: true; at: string } | { ok: false; reason: string; suggestions: string[] };
  describeCallback(at: string, locale: 'pl' | 'en', now: number, options: { timeZone: string }): string;
  callbackReference(random: RandomSource): string;
}

/** Writes src/callback and src/core of `commit` under bench/.cache/ and imports them; `undefined` without git history. */
async function loadPrevious(commit: string): Promise<PreviousCallback | undefined> {
  const dir = join(ROOT, 'bench', '.cache', `callback-${commit}`);
  try {
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', commit, 'src/callback/', 'src/core/'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const file of files) {
      const target = join(dir, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, execFileSync('git', ['show', `${commit}:${file}`], { cwd: ROOT, encoding: 'utf8' }));
    }
  } catch (error) {
    console.warn(`No "before" baseline: cannot read ${commit} from git (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return undefined;
  }
  const previous: PreviousCallback = await import(pathToFileURL(join(dir, 'src', 'callback', 'index.ts')).href);
  return previous;
}

const policy = parseCallbackPolicy({});
const planner = callbackPlanner();
const random = pooledCryptoRandom();
const NOWS = [
  '2026-11-24T09:02:00Z', // Tuesday 10:02
  '2026-11-24T12:31:00Z', // Tuesday 13:31
  '2026-11-24T18:41:00Z', // Tuesday 19:41, near closing
  '2026-11-25T06:15:00Z', // Wednesday 7:15, before opening
  '2026-11-27T18:50:00Z', // Friday 19:50
  '2026-11-28T10:20:00Z', // Saturday 11:20
  '2026-11-28T13:58:00Z', // Saturday 14:58
  '2026-11-29T11:00:00Z', // Sunday
  '2026-11-10T18:40:00Z', // the evening before 11 November
  '2026-03-28T13:10:00Z', // Saturday before the clocks go forward
  '2026-10-24T12:10:00Z', // Saturday before the clocks go back
  '2026-12-30T18:40:00Z', // before New Year's Day
].map(Date.parse);
let turn = 0;
const nextNow = () => NOWS[turn++ % NOWS.length]!;
const ACCEPTED: CallbackAsk = { inMinutes: 15 };
const REFUSED: CallbackAsk = { at: '2026-12-06T12:00' }; // a Sunday

const intlOptions: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Warsaw', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' };

function previousTasks(previous: PreviousCallback): Record<string, () => unknown> {
  const say = (at: string, now: number) => previous.describeCallback(at, 'pl', now, { timeZone: policy.timeZone });
  const decide = (request: CallbackAsk, now: number) => {
    const plan = previous.planCallback(request, policy, now);
    return plan.ok
      ? { at: plan.at, spoken: say(plan.at, now), reference: previous.callbackReference(random) }
      : { reason: plan.reason, suggestions: plan.suggestions.map((at) => ({ at, spoken: say(at, now) })) };
  };
  return {
    'render, before': () => {
      const now = nextNow();
      return [previous.nextCallbackSlots(policy, now, 3).map((at) => ({ at, spoken: say(at, now) })), previous.callbackWindow(policy, now)];
    },
    'plan accepted, before': () => decide(ACCEPTED, nextNow()),
    'plan refused, before': () => decide(REFUSED, nextNow()),
  };
}

const tasks: Record<string, () => unknown> = {
  'render, after': () => {
    const now = nextNow();
    return [planner.suggest(policy, now, 'pl', 3), planner.window(policy, now)];
  },
  'plan accepted, after': () => planner.plan(ACCEPTED, policy, nextNow(), 'pl', random),
  'plan refused, after': () => planner.plan(REFUSED, policy, nextNow(), 'pl', random),
  'bare Intl (new DateTimeFormat + formatToParts)': () => new Intl.DateTimeFormat('en-US', intlOptions).formatToParts(nextNow()),
};

const previous = await loadPrevious(BEFORE_COMMIT);
if (previous) Object.assign(tasks, previousTasks(previous));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Round 0 warms up (JIT, zone and phrase caches) and is discarded; the task order rotates per round.
const perTask: Record<string, { p50: number[]; mean: number[] }> = {};
for (let round = 0; round <= ROUNDS; round++) {
  const bench = new Bench({ time: round ? TIME : 300, warmupTime: 100, iterations: 50 });
  const names = Object.keys(tasks);
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length]!;
    bench.add(name, tasks[name]!);
  }
  await bench.run();
  if (round === 0) continue;
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state === 'errored' ? String(result.error.stack) : result.state}`);
    const entry = (perTask[task.name] ??= { p50: [], mean: [] });
    entry.p50.push(result.latency.p50 * 1000);
    entry.mean.push(result.latency.mean * 1000);
  }
}

const us = (name: string) => perTask[name] && { p50: median(perTask[name].p50), mean: median(perTask[name].mean) };
const cell = (value: { p50: number; mean: number } | undefined) => (value ? `${value.p50.toFixed(1)} (${value.mean.toFixed(1)})` : '—');
console.log(`µs/op, median (mean) of ${ROUNDS} rounds × ${TIME} ms; target ≤ 300 µs`);
console.log(`${'operation'.padEnd(16)}${'before'.padStart(20)}${'after'.padStart(20)}${'after/before'.padStart(16)}`);
for (const [label, key] of [['render', 'render'], ['plan, accepted', 'plan accepted'], ['plan, refused', 'plan refused']] as const) {
  const before = us(`${key}, before`);
  const after = us(`${key}, after`);
  const ratio = before && after ? `${(after.p50 / before.p50).toFixed(3)}×` : '—';
  console.log(`${label.padEnd(16)}${cell(before).padStart(20)}${cell(after).padStart(20)}${ratio.padStart(16)}`);
}
console.log(`${'bare Intl'.padEnd(16)}${cell(us('bare Intl (new DateTimeFormat + formatToParts)')).padStart(20)}`);
