/*
 * The store operations as pure steps on records, exactly as `redisStore`'s Lua
 * scripts do them (one script per function here). `memoryStore` runs these on
 * copies and commits them whole, so a throw half-way changes nothing. The
 * shared store suite keeps the two implementations in step.
 */
import type { CallOutcome } from '../../model/index.js';
import { isLocked, PESEL_ITEM, type CallRecord, type LedgerRecord } from './records.js';
import type { AttemptLimits, AttemptTicket, BeginResult, StoreResult, Verdict } from './types.js';

/** Drops times that left their windows. */
function prune(ledger: LedgerRecord, now: number, limits: Pick<AttemptLimits, 'failWindowMs' | 'tryWindowMs'>): void {
  ledger.failures = ledger.failures.filter((t) => t > now - limits.failWindowMs);
  ledger.attempts = ledger.attempts.filter((t) => t > now - limits.tryWindowMs);
}

function failuresOf(call: CallRecord, item: string): number {
  return Object.hasOwn(call.failures, item) ? (call.failures[item] ?? 0) : 0;
}

function removeOne(times: number[], at: number): void {
  const i = times.lastIndexOf(at);
  if (i >= 0) times.splice(i, 1);
}

/**
 * `open`: a new call, if nobody changed the ledger since the service read it.
 * Only pinning a challenge changes the ledger; an open that re-issues the pin
 * (or has no challenge) leaves the version alone, so that calls opened in
 * parallel for one customer do not void each other's reads: with a bump per
 * open, N parallel opens needed N rounds of the service's bounded retries.
 */
export function openStep(ledger: LedgerRecord, existing: CallRecord | undefined, call: CallRecord, args: { expectVersion: number; pin: number[] | null }): StoreResult {
  if (existing || ledger.version !== args.expectVersion) return { status: 'conflict' };
  if (args.pin) {
    if (ledger.pin) return { status: 'conflict' };
    ledger.pin = [...args.pin];
    ledger.version++;
  }
  return { status: 'ok', call, ledger };
}

/** `begin`: check, then count the attempt as a failure before it is evaluated. */
export function beginStep(ledger: LedgerRecord, call: CallRecord, args: { item: string; now: number; limits: AttemptLimits }): BeginResult {
  const { item, now, limits } = args;
  if (call.outcome) return { status: 'closed', call, ledger };
  if (item === PESEL_ITEM && !call.challenge) return { status: 'no-challenge', call, ledger };
  // Own keys only: a question id such as "constructor" must not find Object.prototype.
  const callMax = Object.hasOwn(call.maxFailures, item) ? call.maxFailures[item] : undefined;
  if (callMax === undefined) return { status: 'unknown-item', call, ledger };
  if (call.passed.includes(item)) return { status: 'passed', call, ledger };
  prune(ledger, now, limits);
  if (isLocked(ledger, now)) return { status: 'locked', call, ledger };
  if (failuresOf(call, item) >= callMax) return { status: 'exhausted', call, ledger };
  if (ledger.attempts.length >= limits.tryMax) {
    // One attempt over the rate limit locks, as PCI DSS 8.3.4 asks; the lock is the write.
    ledger.lockedUntil = Math.max(ledger.lockedUntil, now + limits.lockMs);
    ledger.version++;
    return { status: 'locked', call, ledger };
  }
  const lockBefore = ledger.lockedUntil;
  ledger.attempts.push(now);
  ledger.failures.push(now);
  ledger.streak++;
  call.failures[item] = failuresOf(call, item) + 1;
  let lockSet = 0;
  if (ledger.streak >= limits.streakMax) lockSet = -1;
  else if (ledger.failures.length >= limits.failMax) lockSet = now + limits.lockMs;
  if (lockSet !== 0) ledger.lockedUntil = lockSet;
  ledger.version++;
  const ticket: AttemptTicket = { item, at: now, lockSet, lockBefore };
  return { status: 'go', ticket, call, ledger };
}

/** `settle`: a pass resets the counts (never the ledger of spoken positions); a void attempt is refunded. */
export function settleStep(ledger: LedgerRecord, call: CallRecord, args: { ticket: AttemptTicket; verdict: Verdict; spoken: readonly number[]; now: number }): StoreResult {
  const { ticket, verdict, now } = args;
  for (const position of args.spoken) ledger.spoken[position - 1] = now;
  const undoCount = () => {
    call.failures[ticket.item] = Math.max(0, failuresOf(call, ticket.item) - 1);
    if (ticket.lockSet !== 0 && ledger.lockedUntil === ticket.lockSet) ledger.lockedUntil = ticket.lockBefore;
  };
  if (verdict === 'pass') {
    undoCount();
    if (!call.passed.includes(ticket.item)) call.passed.push(ticket.item);
    if (ticket.item === PESEL_ITEM) ledger.pin = null;
    ledger.failures = [];
    ledger.streak = 0;
  } else if (verdict === 'void') {
    undoCount();
    removeOne(ledger.failures, ticket.at);
    removeOne(ledger.attempts, ticket.at);
    ledger.streak = Math.max(0, ledger.streak - 1);
  }
  ledger.version++;
  return { status: 'ok', call, ledger };
}

/** `reveal`: record positions read out to the agent, if nothing changed and the limit holds. */
export function revealStep(ledger: LedgerRecord, call: CallRecord, args: { positions: readonly number[]; expectVersion: number; max: number; now: number }): StoreResult | { status: 'refused' } {
  if (call.outcome) return { status: 'closed', call, ledger };
  if (ledger.version !== args.expectVersion) return { status: 'conflict' };
  if (!call.passed.includes(PESEL_ITEM)) return { status: 'refused' };
  const fresh = args.positions.filter((p) => !call.revealed.includes(p));
  if (call.revealed.length + fresh.length > args.max) return { status: 'refused' };
  for (const position of fresh) {
    call.revealed.push(position);
    ledger.spoken[position - 1] = args.now;
  }
  ledger.version++;
  return { status: 'ok', call, ledger };
}

/** `close`: the outcome, once; `verified` only on the service's own evidence. */
export function closeStep(
  ledger: LedgerRecord,
  call: CallRecord,
  args: { outcome: CallOutcome; now: number },
): StoreResult | { status: 'refused'; call: CallRecord; ledger: LedgerRecord } {
  if (call.outcome) return { status: 'closed', call, ledger };
  if (args.outcome.kind === 'verified') {
    const evidence = call.required !== null && call.required.every((item) => call.passed.includes(item)) && !isLocked(ledger, args.now);
    if (!evidence) return { status: 'refused', call, ledger };
  }
  call.outcome = args.outcome;
  call.closedAt = args.now;
  ledger.version++;
  return { status: 'ok', call, ledger };
}
