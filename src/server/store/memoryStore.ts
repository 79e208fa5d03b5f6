import * as z from 'zod/mini';
import { parseOrThrow } from '../../core/validate.js';
import { beginStep, closeStep, openStep, revealStep, settleStep } from './logic.js';
import { emptyLedger, isLocked, type CallRecord, type LedgerRecord } from './records.js';
import type { VerificationStore } from './types.js';

const optionsSchema = z.strictObject({
  /** Most customers whose ledgers are kept; beyond it the least recently used clean ledger goes first. Default 100,000. */
  maxCustomers: z._default(z.int().check(z.minimum(1), z.maximum(50_000_000)), 100_000),
  /** Most calls kept; beyond it the least recently used call goes. Default 100,000. */
  maxCalls: z._default(z.int().check(z.minimum(1), z.maximum(50_000_000)), 100_000),
  /** Epoch-ms clock for expiry (tests pass a simulated one). */
  now: z.optional(z.custom<() => number>((f) => typeof f === 'function', 'a function returning epoch milliseconds')),
});

/**
 * Options of {@link memoryStore}.
 *
 * @example
 * ```ts
 * const options: MemoryStoreOptions = { maxCustomers: 10_000, maxCalls: 10_000 };
 * ```
 */
export type MemoryStoreOptions = z.input<typeof optionsSchema>;

interface Held<T> {
  value: T;
  expiresAt: number;
}

// How many ledgers eviction looks at, per ledger it must drop, for ones that hold
// no lock, no failure and no open challenge, before it takes the oldest of the rest.
const EVICTION_SCAN = 32;

/** Evict down to 99 % of the bound: one pass drops a batch. */
const lowWater = (max: number) => Math.max(1, Math.floor(max * 0.99));

/**
 * The default store: one process, in memory, bounded. Ledgers expire after the
 * longest policy window without a change (a permanent lock never expires),
 * calls after the call lifetime; beyond `maxCustomers`/`maxCalls` the least
 * recently used go first — for ledgers, clean ones (no lock, no recent
 * failure) before any that would let a locked-out customer start afresh.
 * Every operation runs on copies and is committed whole.
 *
 * For more than one server process use `redisStore`: this store's limits
 * hold per process only.
 *
 * @example
 * ```ts
 * const service = createVerificationService({ store: memoryStore({ maxCustomers: 50_000 }), customers, scripts, attestationKey });
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): VerificationStore & { readonly size: { customers: number; calls: number } } {
  const { maxCustomers, maxCalls, now = Date.now } = parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid memoryStore options');
  // Maps keep insertion order: re-inserting on use makes them LRU lists.
  const ledgers = new Map<string, Held<LedgerRecord>>();
  const calls = new Map<string, Held<CallRecord> & { customer: string }>();

  const liveLedger = (customer: string): LedgerRecord | undefined => {
    const held = ledgers.get(customer);
    if (!held) return undefined;
    if (held.expiresAt <= now()) {
      ledgers.delete(customer);
      return undefined;
    }
    return held.value;
  };
  const liveCall = (customer: string, callId: string): CallRecord | undefined => {
    const held = calls.get(callId);
    if (!held || held.customer !== customer) return undefined;
    if (held.expiresAt <= now()) {
      calls.delete(callId);
      return undefined;
    }
    return held.value;
  };
  const putLedger = (customer: string, ledger: LedgerRecord, keepMs: number) => {
    ledgers.delete(customer);
    ledgers.set(customer, { value: ledger, expiresAt: ledger.lockedUntil === -1 ? Infinity : now() + keepMs });
    if (ledgers.size > maxCustomers) evictLedgers(customer);
  };
  const putCall = (customer: string, call: CallRecord, expiresAt: number) => {
    calls.delete(call.callId);
    calls.set(call.callId, { value: call, expiresAt, customer });
    if (calls.size > maxCalls) {
      // In batches: a Map's oldest entries sit behind the tombstones of deleted ones, so one pass per batch, not per insert.
      const target = lowWater(maxCalls);
      for (const callId of calls.keys()) {
        if (calls.size <= target) break;
        calls.delete(callId);
      }
    }
  };
  /** Down to the low-water mark: expired and clean ledgers first (oldest first), then the oldest of the rest. */
  const evictLedgers = (keep: string) => {
    const t = now();
    const target = lowWater(maxCustomers);
    let scanned = 0;
    const limit = (ledgers.size - target) * EVICTION_SCAN;
    for (const [customer, held] of ledgers) {
      if (ledgers.size <= target || ++scanned > limit) break;
      const ledger = held.value;
      if (customer !== keep && (held.expiresAt <= t || (!isLocked(ledger, t) && ledger.failures.length === 0 && ledger.pin === null))) ledgers.delete(customer);
    }
    for (const customer of ledgers.keys()) {
      if (ledgers.size <= target) break;
      if (customer !== keep) ledgers.delete(customer);
    }
  };
  const copyLedger = (customer: string) => structuredClone(liveLedger(customer) ?? emptyLedger());
  /**
   * One operation on a live call: the step runs on copies and, when `commits` says
   * so for its status, both records are stored whole; the caller gets a copy.
   */
  const onCall = <R extends { status: string; call?: CallRecord; ledger?: LedgerRecord }>(
    customer: string,
    callId: string,
    keepMs: number,
    step: (ledger: LedgerRecord, call: CallRecord) => R,
    commits: (status: R['status']) => boolean = (status) => status === 'ok',
  ): R | { status: 'not-found' } => {
    const stored = liveCall(customer, callId);
    if (!stored) return { status: 'not-found' };
    const result = step(copyLedger(customer), structuredClone(stored));
    if (commits(result.status) && result.call && result.ledger) {
      putLedger(customer, result.ledger, keepMs);
      putCall(customer, result.call, calls.get(callId)!.expiresAt);
    }
    return structuredClone(result);
  };

  return {
    get size() {
      return { customers: ledgers.size, calls: calls.size };
    },
    async ledger(customer) {
      return copyLedger(customer);
    },
    async read(customer, callId) {
      const call = liveCall(customer, callId);
      return call ? { call: structuredClone(call), ledger: copyLedger(customer) } : undefined;
    },
    async open(customer, call, args) {
      const ledger = copyLedger(customer);
      const result = openStep(ledger, liveCall(customer, call.callId), structuredClone(call), args);
      if (result.status === 'ok') {
        putLedger(customer, result.ledger, args.keepMs);
        putCall(customer, result.call, now() + args.callMs);
      }
      return structuredClone(result);
    },
    async begin(customer, callId, args) {
      return onCall(customer, callId, args.keepMs, (ledger, call) => beginStep(ledger, call, args), (status) => status === 'go' || status === 'locked');
    },
    async settle(customer, callId, args) {
      return onCall(customer, callId, args.keepMs, (ledger, call) => settleStep(ledger, call, args));
    },
    async reveal(customer, callId, args) {
      return onCall(customer, callId, args.keepMs, (ledger, call) => revealStep(ledger, call, args));
    },
    async close(customer, callId, args) {
      return onCall(customer, callId, args.keepMs, (ledger, call) => closeStep(ledger, call, args));
    },
  };
}
