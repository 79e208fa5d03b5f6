/**
 * Paired sampling: a figure and its baseline timed in the same iterations.
 *
 * One tinybench task per round whose every iteration runs each task of the
 * group once, in a rotating order, timing each: every iteration gives one
 * sample of every task, taken within a millisecond or two of each other. On a
 * shared 2-core machine (other processes come and go), timing tasks one after
 * the other in blocks gave per-round ratios anywhere from 0.7× to 2.5×;
 * paired, they agree within a few %. tinybench drives the rounds (warm-up,
 * time budget, minimum iterations); round 0 only warms up and is discarded.
 */
import { Bench } from 'tinybench';

export const TIME = Number(process.env['BENCH_TIME'] ?? 500);
export const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface Timing {
  /** Median latency, µs (median over rounds of each round's median). */
  medianUs: number;
  /** Mean latency, µs (median over rounds of each round's mean): includes GC pauses. */
  meanUs: number;
  /** Per-round medians, µs. */
  roundsUs: number[];
  samples: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * A timed function, or `{ prepare, run }`: `prepare` runs untimed before each
 * `run` (e.g. drives a session to the step whose work `run` times).
 */
export type Task = (() => unknown) | { prepare: () => unknown; run: () => unknown };

/** Times every task of a group in the same iterations (see the module comment). */
export async function measure(group: string, tasks: Record<string, Task>, time = TIME): Promise<Record<string, Timing>> {
  const names = Object.keys(tasks);
  const perTask: Record<string, { us: number[]; mean: number[]; samples: number }> = Object.fromEntries(names.map((n) => [n, { us: [], mean: [], samples: 0 }]));
  let recording = false;
  let turn = 0;
  let samples: Record<string, number[]> = {};
  const iteration = async () => {
    const first = turn++ % names.length;
    for (let j = 0; j < names.length; j++) {
      const name = names[(first + j) % names.length]!;
      const task = tasks[name]!;
      if (typeof task !== 'function') {
        const ready = task.prepare();
        if (ready instanceof Promise) await ready;
      }
      const t0 = performance.now();
      const result = typeof task === 'function' ? task() : task.run();
      if (result instanceof Promise) await result;
      const ms = performance.now() - t0;
      if (recording) samples[name]!.push(ms);
    }
  };
  for (let round = 0; round <= ROUNDS; round++) {
    samples = Object.fromEntries(names.map((n) => [n, []]));
    const bench = new Bench({ name: group, time: time * names.length, warmupTime: round ? 50 : 300, warmupIterations: 20, iterations: 50 });
    bench.add(`${group} (paired)`, iteration, {
      beforeAll: (mode) => {
        gc();
        recording = mode === 'run' && round > 0;
      },
    });
    await bench.run();
    const result = bench.tasks[0]!.result;
    if (result.state !== 'completed') throw new Error(`${group}: ${result.state === 'errored' ? String(result.error.stack) : result.state}`);
    if (round === 0) continue;
    for (const name of names) {
      const xs = samples[name]!;
      perTask[name]!.us.push(median(xs) * 1000);
      perTask[name]!.mean.push((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000);
      perTask[name]!.samples += xs.length;
    }
  }
  const out: Record<string, Timing> = {};
  for (const [name, e] of Object.entries(perTask)) out[name] = { medianUs: median(e.us), meanUs: median(e.mean), roundsUs: e.us, samples: e.samples };
  return out;
}

export interface Ratio {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

/** Per-round ratios a/b of paired timings: the median, and the spread over rounds. */
export function ratioOf(a: Timing, b: Timing): Ratio {
  const rounds = a.roundsUs.map((us, i) => us / b.roundsUs[i]!);
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds };
}
