/**
 * Parsing what the `redisStore` scripts answer and what Redis holds: the
 * records are checked field by field, so a corrupt or foreign value fails
 * closed (`STORE_UNAVAILABLE`) instead of reaching the service's decisions.
 * Lenient where Lua's cjson is known to differ from `JSON.stringify`: an
 * empty list written as `{}`.
 */
import * as z from 'zod/mini';
import { SafecallError } from '../../../core/errors.js';
import { callOutcomeSchema, positionSchema } from '../../../model/index.js';
import { emptyLedger, type CallRecord, type LedgerRecord } from '../records.js';
import type { AttemptTicket } from '../types.js';

// cjson cannot tell an empty list from an empty object and writes `{}` for both.
const emptyObjectAsList = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? [] : value;
const list = <T extends z.core.$ZodType>(item: T) => z.pipe(z.transform(emptyObjectAsList), z.array(item));

const time = z.number().check(z.refine(Number.isFinite, 'a finite number'));
const count = z.int().check(z.minimum(0));
const position = positionSchema;
const text = z.string();

const ledgerSchema = z.object({
  version: count,
  spoken: list(time).check(z.length(11)),
  failures: list(time),
  attempts: list(time),
  streak: count,
  lockedUntil: time,
  pin: z.nullable(list(position)),
});

const callSchema = z.object({
  callId: text,
  customerRef: text,
  scriptId: text,
  scriptVersion: count,
  agentId: text,
  openedAt: time,
  challenge: z.nullable(list(position)),
  challengeBits: time,
  reissued: z.boolean(),
  maxFailures: z.record(text, count),
  failures: z.record(text, count),
  required: z.nullable(list(text)),
  passed: list(text),
  revealed: list(position),
  outcome: z.nullable(callOutcomeSchema),
  closedAt: time,
});

const ticketSchema = z.object({ item: text, at: time, lockSet: time, lockBefore: time });

const replySchema = z.object({
  status: z.string(),
  call: z.optional(callSchema),
  // `null`: the customer has no ledger (expired, or never written).
  ledger: z.optional(z.nullable(ledgerSchema)),
  ticket: z.optional(ticketSchema),
});

/**
 * A script's answer, checked: `status`, and the records or ticket it carries.
 *
 * @example
 * ```ts
 * const reply = parseReply('{"status":"not-found"}'); // { status: 'not-found' }
 * ```
 */
export interface ScriptReply {
  status: string;
  call?: CallRecord;
  ledger?: LedgerRecord | null;
  ticket?: AttemptTicket;
}

/** The error every unreadable reply becomes: retryable, and naming nothing stored. */
function unreadable(): SafecallError {
  return new SafecallError('STORE_UNAVAILABLE', 'the verification store holds a record this version cannot read; nothing was changed');
}

/**
 * Parses a script's JSON answer; anything malformed is a retryable
 * `STORE_UNAVAILABLE` (the message quotes nothing stored).
 *
 * @example
 * ```ts
 * const { status, call, ledger } = parseReply(text);
 * ```
 */
export function parseReply(json: string): ScriptReply {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw unreadable();
  }
  const parsed = z.safeParse(replySchema, data);
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

/**
 * Parses a stored ledger (`null`: none stored → the empty ledger).
 *
 * @example
 * ```ts
 * parseLedger(null).version; // 0
 * ```
 */
export function parseLedger(json: string | null): LedgerRecord {
  if (json === null) return emptyLedger();
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw unreadable();
  }
  const parsed = z.safeParse(ledgerSchema, data);
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

/**
 * The call and ledger a reply must carry for its status; a reply without them
 * is unreadable. A missing ledger is the empty one.
 *
 * @example
 * ```ts
 * const { call, ledger } = recordsOf(parseReply(text));
 * ```
 */
export function recordsOf(reply: ScriptReply): { call: CallRecord; ledger: LedgerRecord } {
  if (!reply.call) throw unreadable();
  return { call: reply.call, ledger: reply.ledger ?? emptyLedger() };
}

/**
 * A status the script may not answer.
 *
 * @example
 * ```ts
 * default: throw unexpectedStatus();
 * ```
 */
export function unexpectedStatus(): SafecallError {
  return unreadable();
}
