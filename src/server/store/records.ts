import type { CallOutcome } from '../../model/index.js';

/**
 * What the service keeps per customer: positions, counts and times — never a
 * digit, never the PESEL (DESIGN rule 9). Stored as JSON by every store.
 */
export interface LedgerRecord {
  /** Bumped by every write the service reads back before deciding (counts, passes, reveals, a pinned challenge): optimistic checks compare it. */
  version: number;
  /** Last time each position 1–11 was spoken on the line (index p − 1), epoch ms; 0 = never. */
  spoken: number[];
  /** Times of failed attempts inside the failure window, oldest first. */
  failures: number[];
  /** Times of attempts inside the attempt window, oldest first. */
  attempts: number[];
  /** Consecutive failures since the last pass. */
  streak: number;
  /** Locked until this instant (epoch ms); 0 = not locked; −1 = until staff unlock. */
  lockedUntil: number;
  /** The open, unpassed challenge: re-issued in every call until passed. */
  pin: number[] | null;
}

/** What the service keeps per call. Positions, counts and times only. */
export interface CallRecord {
  callId: string;
  /** The customer's opaque reference, to look up the PESEL per check (never stored itself). */
  customerRef: string;
  scriptId: string;
  scriptVersion: number;
  agentId: string;
  openedAt: number;
  /** The issued positions, or null (no PESEL step, or no strong enough set). */
  challenge: number[] | null;
  challengeBits: number;
  reissued: boolean;
  /** Wrong attempts this call allows per item (`pesel`, question ids): the script's, fixed when the call opened. */
  maxFailures: Record<string, number>;
  /** Failed attempts in this call, by item (counted before evaluation). */
  failures: Record<string, number>;
  /** Items that must be passed before `verified` is recorded, or null when `verified` is impossible (challenge exhausted, `whenExhausted: 'end'`). */
  required: string[] | null;
  /** Items passed in this call: `pesel` and question ids. */
  passed: string[];
  /** Positions revealed to the agent. */
  revealed: number[];
  outcome: CallOutcome | null;
  closedAt: number;
}

/** The item an attempt is about: the PESEL challenge or a question id. */
export const PESEL_ITEM = 'pesel';

/** A ledger for a customer the store has not seen. */
export function emptyLedger(): LedgerRecord {
  return { version: 0, spoken: new Array<number>(11).fill(0), failures: [], attempts: [], streak: 0, lockedUntil: 0, pin: null };
}

/** Whether the customer is locked out at `now`. */
export function isLocked(ledger: LedgerRecord, now: number): boolean {
  return ledger.lockedUntil === -1 || ledger.lockedUntil > now;
}
