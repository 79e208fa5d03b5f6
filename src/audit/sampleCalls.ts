import { SafecallError } from '../core/errors.js';
import { CallTracker, type CallRecord } from './callRecords.js';
import type { AuditEvent } from './events.js';
import { sampleKey } from './sampleKey.js';

/**
 * What a sample is stratified by: the agent, the script version
 * (`"<scriptId>@<version>"`) or the outcome kind.
 *
 * @example
 * ```ts
 * const per: SampleStratum = 'agent';
 * ```
 */
export type SampleStratum = 'agent' | 'script' | 'outcome';

/**
 * Options of {@link sampleCalls} and {@link createCallSampler}.
 *
 * @example
 * ```ts
 * const options: SampleCallsOptions = { size: 5, per: 'agent', seed: 42, where: (call) => call.outcome !== 'verified' };
 * ```
 */
export interface SampleCallsOptions {
  /** Calls per stratum (or in all, without `per`); a smaller stratum is taken whole. */
  size: number;
  /** Stratify: sample `size` calls of each agent, script version or outcome. */
  per?: SampleStratum;
  /** Any safe integer. Same seed and same calls, same sample — in any input order. */
  seed: number;
  /** Only calls for which this returns true are sampled (and counted in the population). */
  where?: (call: CallRecord) => boolean;
}

/**
 * A sampled call: its record, its stratum, and its random priority.
 *
 * @example
 * ```ts
 * for (const call of sample.calls) console.log(call.stratum, call.sessionId);
 * ```
 */
export interface SampledCall extends CallRecord {
  /** The agent id, script key or outcome kind; null without `per`. */
  stratum: string | null;
  /** The call's priority in [0, 1) under the seed; the sample keeps the lowest. */
  key: number;
}

/**
 * One stratum: how many calls it had and how many were drawn.
 *
 * @example
 * ```ts
 * const weight = stratum.population / stratum.sampled; // calls each sampled call stands for
 * ```
 */
export interface SampleStratumInfo {
  stratum: string | null;
  population: number;
  sampled: number;
}

/**
 * What {@link sampleCalls} returns. `calls` are grouped by stratum (in
 * stratum order) and, within one, in priority order: the first `n` calls of
 * a stratum are themselves a uniform sample of `n`.
 *
 * @example
 * ```ts
 * const { calls, strata } = await sampleCalls(events, { size: 5, per: 'agent', seed: 42 });
 * ```
 */
export interface CallSample {
  calls: SampledCall[];
  strata: SampleStratumInfo[];
}

/**
 * A streaming sampler: add events one at a time, read the sample at any
 * point. Memory: the calls in progress plus `size` calls per stratum.
 *
 * @example
 * ```ts
 * const sampler = createCallSampler({ size: 10, seed: 7 });
 * for await (const batch of readAuditBatches('audit/')) for (const event of batch) sampler.add(event);
 * sampler.result().calls;
 * ```
 */
export interface CallSampler {
  add(event: AuditEvent): void;
  result(): CallSample;
}

interface Stratum {
  population: number;
  /** Max-heap on `key`: the root is the first to leave when a lower key arrives. */
  heap: SampledCall[];
  /** Session ids in `heap`. */
  ids: Set<string>;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STRATUM_OF: Record<SampleStratum, (call: CallRecord) => string> = {
  agent: (call) => call.agentId,
  script: (call) => `${call.scriptId}@${call.scriptVersion}`,
  outcome: (call) => call.outcome,
};

function validate(options: SampleCallsOptions): void {
  if (!options || typeof options !== 'object') throw new SafecallError('INVALID_ARGUMENT', 'sampleCalls needs options { size, seed }');
  if (!Number.isSafeInteger(options.size) || options.size < 1) throw new SafecallError('INVALID_ARGUMENT', 'size must be a positive integer');
  if (!Number.isSafeInteger(options.seed)) throw new SafecallError('INVALID_ARGUMENT', 'seed must be a safe integer');
  if (options.per !== undefined && !Object.hasOwn(STRATUM_OF, options.per)) throw new SafecallError('INVALID_ARGUMENT', `per must be 'agent', 'script' or 'outcome'`);
  if (options.where !== undefined && typeof options.where !== 'function') throw new SafecallError('INVALID_ARGUMENT', 'where must be a function');
}

function siftUp(heap: SampledCall[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.key >= heap[i]!.key) return;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: SampledCall[], i: number): void {
  for (;;) {
    const left = 2 * i + 1;
    let top = i;
    if (left < heap.length && heap[left]!.key > heap[top]!.key) top = left;
    if (left + 1 < heap.length && heap[left + 1]!.key > heap[top]!.key) top = left + 1;
    if (top === i) return;
    [heap[top], heap[i]] = [heap[i]!, heap[top]!];
    i = top;
  }
}

/**
 * Creates a streaming {@link CallSampler}; {@link sampleCalls} is this over an iterable.
 *
 * Each ended call gets a priority from a seeded hash of its session id, and
 * each stratum keeps the `size` calls with the lowest priorities (bottom-k
 * sampling, a form of reservoir sampling): a uniform sample without
 * replacement that does not depend on the order of the input, so two
 * machines sampling two halves of a trail can merge their samples.
 *
 * @example
 * ```ts
 * const sampler = createCallSampler({ size: 5, per: 'outcome', seed: 2026 });
 * events.forEach(sampler.add);
 * console.table(sampler.result().calls);
 * ```
 */
export function createCallSampler(options: SampleCallsOptions): CallSampler {
  validate(options);
  const { size, per, seed, where } = options;
  const strata = new Map<string | null, Stratum>();
  const tracker = new CallTracker((call) => {
    if (where && !where(call)) return;
    const name = per ? STRATUM_OF[per](call) : null;
    let stratum = strata.get(name);
    if (!stratum) strata.set(name, (stratum = { population: 0, heap: [], ids: new Set() }));
    // A session id that ended twice (started again after its outcome) is one call to a reviewer.
    if (stratum.ids.has(call.sessionId)) return;
    stratum.population++;
    const key = sampleKey(seed, call.sessionId);
    const { heap, ids } = stratum;
    if (heap.length < size) {
      heap.push({ ...call, stratum: name, key });
      ids.add(call.sessionId);
      siftUp(heap, heap.length - 1);
    } else if (key < heap[0]!.key) {
      ids.delete(heap[0]!.sessionId);
      heap[0] = { ...call, stratum: name, key };
      ids.add(call.sessionId);
      siftDown(heap, 0);
    }
  });
  return {
    add: (event) => tracker.add(event),
    result() {
      const names = [...strata.keys()].sort((a, b) => byCode(a ?? '', b ?? ''));
      const calls: SampledCall[] = [];
      const info: SampleStratumInfo[] = [];
      for (const name of names) {
        const stratum = strata.get(name)!;
        const sorted = [...stratum.heap].sort((a, b) => a.key - b.key || byCode(a.sessionId, b.sessionId));
        calls.push(...sorted);
        info.push({ stratum: name, population: stratum.population, sampled: sorted.length });
      }
      return { calls, strata: info };
    },
  };
}

function isAsyncIterable<T>(source: Iterable<T> | AsyncIterable<T>): source is AsyncIterable<T> {
  return typeof (source as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === 'function';
}

/**
 * A reproducible random sample of ended calls for a quality review: the same
 * seed and input give the same sample; with `per`, `size` calls of every
 * agent, script version or outcome (each stratum sampled uniformly, a smaller
 * one taken whole). Streams: memory is bounded by the sample and the calls in
 * progress, not by the input. Works in a browser (no `node:*`).
 *
 * @example
 * ```ts
 * import { sampleCalls } from 'safecall-pl/audit';
 * import { readAuditEvents } from 'safecall-pl/audit/node';
 * const { calls } = await sampleCalls(readAuditEvents('audit.jsonl'), { size: 5, per: 'agent', seed: 42 });
 * for (const call of calls) console.log(call.agentId, call.sessionId, call.outcome);
 * ```
 */
export async function sampleCalls(source: Iterable<AuditEvent> | AsyncIterable<AuditEvent>, options: SampleCallsOptions): Promise<CallSample> {
  const sampler = createCallSampler(options);
  if (isAsyncIterable(source)) for await (const event of source) sampler.add(event);
  else if (source && typeof (source as Partial<Iterable<AuditEvent>>)[Symbol.iterator] === 'function') for (const event of source) sampler.add(event);
  else throw new SafecallError('INVALID_ARGUMENT', 'sampleCalls needs an iterable or async iterable of audit events');
  return sampler.result();
}
