import type { CallOutcome } from '../../model/index.js';
import type { CallRecord, LedgerRecord } from './records.js';

/** Limits an attempt is checked and counted against, in milliseconds. */
export interface AttemptLimits {
  failMax: number;
  failWindowMs: number;
  lockMs: number;
  tryMax: number;
  tryWindowMs: number;
  streakMax: number;
}

/** What a store operation found or did. `ok` carries the records after the operation. */
export type StoreResult =
  | { status: 'ok'; call: CallRecord; ledger: LedgerRecord }
  /** No such call (never opened, expired, or lost with the store's data). */
  | { status: 'not-found' }
  /** The call has an outcome already. */
  | { status: 'closed'; call: CallRecord; ledger: LedgerRecord }
  /** The ledger changed since it was read: read again and retry. */
  | { status: 'conflict' };

/** What `begin` answers: go (the attempt is counted), or why nothing is evaluated. */
export type BeginResult =
  | { status: 'go'; ticket: AttemptTicket; call: CallRecord; ledger: LedgerRecord }
  | { status: 'locked' | 'exhausted' | 'passed' | 'no-challenge' | 'unknown-item'; call: CallRecord; ledger: LedgerRecord }
  | { status: 'not-found' }
  | { status: 'closed'; call: CallRecord; ledger: LedgerRecord };

/** Proof that `begin` counted an attempt, so `settle` can keep, reset or refund it. */
export interface AttemptTicket {
  item: string;
  at: number;
  /** The lock-out this attempt's provisional failure set (−1, an instant, or 0 for none), and the one before it. */
  lockSet: number;
  lockBefore: number;
}

/** How an attempt came out: passed, failed, or void (the service could not evaluate it: refund). */
export type Verdict = 'pass' | 'fail' | 'void';

/**
 * Where the verification service keeps ledgers and calls. Every method is one
 * atomic step on the store (one Lua script on Redis): check-and-count happens
 * inside it, so parallel requests and many servers cannot exceed a limit.
 * Implementations: {@link memoryStore} and `redisStore`; both pass the same
 * test suite.
 *
 * Keys: `customer` is an opaque tag the service derives from the customer
 * reference (an HMAC); every record of one customer lives under it.
 *
 * @example
 * ```ts
 * const service = createVerificationService({ store: memoryStore({ maxCustomers: 50_000 }), ... });
 * ```
 */
export interface VerificationStore {
  /** The customer's ledger as it is now (an empty one when unknown). */
  ledger(customer: string): Promise<LedgerRecord>;
  /** A call and its customer's ledger, or `undefined`. */
  read(customer: string, callId: string): Promise<{ call: CallRecord; ledger: LedgerRecord } | undefined>;
  /**
   * Creates a call if the ledger is still at `expectVersion`; sets `pin` as the
   * customer's open challenge when given (and none is set). `conflict` otherwise.
   */
  open(customer: string, call: CallRecord, args: { expectVersion: number; pin: number[] | null; now: number; callMs: number; keepMs: number }): Promise<StoreResult>;
  /**
   * Checks an attempt against the call and the customer's limits and, if it
   * may be evaluated, counts it as a failure before it is: `go` with a ticket.
   * During a lock-out nothing changes (`locked`).
   */
  begin(customer: string, callId: string, args: { item: string; now: number; limits: AttemptLimits; keepMs: number }): Promise<BeginResult>;
  /** Settles a counted attempt: keeps the failure, resets the counts on a pass, or refunds it. Records spoken positions. */
  settle(customer: string, callId: string, args: { ticket: AttemptTicket; verdict: Verdict; spoken: number[]; now: number; keepMs: number }): Promise<StoreResult>;
  /** Records revealed positions if the ledger is still at `expectVersion` and the call's total stays within `max`. */
  reveal(customer: string, callId: string, args: { positions: number[]; expectVersion: number; max: number; now: number; keepMs: number }): Promise<StoreResult | { status: 'refused' }>;
  /** Records the outcome unless the call is closed; `verified` only when the call's `required` items are all passed and the customer is not locked. */
  close(customer: string, callId: string, args: { outcome: CallOutcome; now: number; keepMs: number }): Promise<StoreResult | { status: 'refused'; call: CallRecord; ledger: LedgerRecord }>;
}
