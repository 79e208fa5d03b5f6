import type { CallState } from '../model/index.js';
import type { CallScript } from '../script/index.js';
import type { PolicyLimits } from './policy.js';
import { bitsLeft, spokenSince } from './disclosure.js';
import { isLocked, PESEL_ITEM, type CallRecord, type LedgerRecord } from './store/records.js';

/** What the desktop may know of a call: positions, counts, times — never a digit. */
export function toCallState(call: CallRecord, ledger: LedgerRecord, script: CallScript, limits: PolicyLimits, now: number): CallState {
  const locked = isLocked(ledger, now);
  const failures = ledger.failures.filter((t) => t > now - limits.failWindowMs).length;
  const attempts = ledger.attempts.filter((t) => t > now - limits.tryWindowMs).length;
  const customerLeft = Math.min(limits.failMax - failures, limits.tryMax - attempts, limits.streakMax - ledger.streak);
  const left = (item: string, callMax: number) => (locked ? 0 : Math.max(0, Math.min(callMax - (call.failures[item] ?? 0), customerLeft)));
  const state: CallState = {
    callId: call.callId,
    challenge: call.challenge ? [...call.challenge] : null,
    challengeBits: call.challengeBits,
    reissued: call.reissued,
    attemptsLeft: call.challenge ? left(PESEL_ITEM, script.pesel.attempts) : 0,
    questionAttemptsLeft: Object.fromEntries(script.questions.map((q) => [q.id, left(q.id, q.attempts)])),
    failures: {
      pesel: failuresOf(call, PESEL_ITEM),
      questions: Object.fromEntries(script.questions.map((q) => [q.id, failuresOf(call, q.id)])),
    },
    passed: { pesel: call.passed.includes(PESEL_ITEM), questions: call.passed.filter((item) => item !== PESEL_ITEM) },
    revealed: [...call.revealed],
    disclosure: { bitsLeft: round(bitsLeft(script, spokenSince(ledger, now - limits.ledgerMs))) },
  };
  if (locked) state.locked = { until: ledger.lockedUntil === -1 ? null : new Date(ledger.lockedUntil).toISOString() };
  if (call.outcome) state.outcome = call.outcome;
  return state;
}

function failuresOf(call: CallRecord, item: string): number {
  return Object.hasOwn(call.failures, item) ? (call.failures[item] ?? 0) : 0;
}

/** Bits to 2 decimals: enough for people, and equal figures compare equal. */
export function round(bits: number): number {
  return Math.round(bits * 100) / 100;
}
