/**
 * Every stable error code safecall throws. Match on `error.code`, never on the
 * message: messages are for people and may be reworded, codes are the contract.
 */
export type SafecallErrorCode =
  /** A PESEL is malformed: length, characters, checksum or date (the reason is in the message). */
  | 'INVALID_PESEL'
  /** No set of PESEL positions satisfies the requested challenge constraints. */
  | 'NO_CHALLENGE'
  /** A function argument is outside its documented domain. */
  | 'INVALID_ARGUMENT'
  /** A call script fails schema validation; `issues` lists every problem with its path. */
  | 'INVALID_SCRIPT'
  /** A call script makes the agent ask for what must never be asked on the phone. */
  | 'UNSAFE_SCRIPT'
  /** An event sent to a session is malformed. */
  | 'INVALID_EVENT'
  /** A well-formed event does not fit the session's current step. */
  | 'EVENT_NOT_ALLOWED'
  /** A snapshot belongs to another script id or version. */
  | 'SNAPSHOT_MISMATCH'
  /** A snapshot is malformed or of an unknown format version. */
  | 'INVALID_SNAPSHOT'
  /** The verifier refused to reveal digits (server-side rule enforcement). */
  | 'REVEAL_REFUSED'
  /** A callback policy or request is malformed. */
  | 'INVALID_CALLBACK'
  /** An audit file or audit event is malformed. */
  | 'INVALID_AUDIT'
  /** A snapshot claims more than the verification service knows (fewer failures, other positions, a pass, a later step). */
  | 'SNAPSHOT_TAMPERED'
  /** The caller is not allowed to do this (the HTTP handler's `authorize` said no). */
  | 'UNAUTHORIZED'
  /** The verification service knows no such call (never issued, expired, or lost with its store). */
  | 'CALL_NOT_FOUND'
  /** The call has ended; nothing more can be checked or revealed in it. */
  | 'CALL_CLOSED'
  /** The request does not fit the call's state: no challenge issued, already passed, no attempts left, an unknown question. */
  | 'STEP_NOT_ALLOWED'
  /** The customer is locked out after too many failures: nothing is evaluated. */
  | 'CUSTOMER_LOCKED'
  /** The service refused to record `verified`: its own state does not show every required step passed. */
  | 'VERIFICATION_REFUSED'
  /** The script `{ id, version }` is not one the service knows. */
  | 'UNKNOWN_SCRIPT'
  /** A request body is larger than the handler accepts. */
  | 'PAYLOAD_TOO_LARGE'
  /** The verification store is down, slow or failing (retryable: nothing was half-written). */
  | 'STORE_UNAVAILABLE'
  /** The verification service could not be reached or answered nonsense (retryable). */
  | 'VERIFIER_UNAVAILABLE'
  /** An attestation token is malformed, forged or signed with another key. */
  | 'INVALID_ATTESTATION'
  /** The audit sink could not write (disk full, I/O error): the events were not acknowledged (retryable). */
  | 'AUDIT_UNAVAILABLE'
  /** The runtime lacks what safecall needs (Web Crypto's `getRandomValues`, `Intl` time zones). */
  | 'UNSUPPORTED_RUNTIME';

/** Codes a caller may simply retry: the operation did not happen, or happened whole. */
const RETRYABLE: ReadonlySet<SafecallErrorCode> = new Set(['STORE_UNAVAILABLE', 'VERIFIER_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);

/** One validation problem: where it is and what is wrong. Never carries the offending value. */
export interface SafecallIssue {
  /** Path to the offending field, e.g. `['pesel', 'attempts']`. */
  path: readonly (string | number)[];
  /** Human-readable description of the problem. */
  message: string;
}

/**
 * The one error class safecall throws.
 *
 * @example
 * ```ts
 * try {
 *   parsePesel('123');
 * } catch (error) {
 *   if (error instanceof SafecallError && error.code === 'INVALID_PESEL') {
 *     showToast(error.message); // "PESEL must have exactly 11 digits"
 *   }
 * }
 * ```
 */
export class SafecallError extends Error {
  /** Stable, machine-readable code. */
  readonly code: SafecallErrorCode;
  /** Every problem found, for validation errors (`INVALID_SCRIPT`, `UNSAFE_SCRIPT`, ...). */
  readonly issues: readonly SafecallIssue[] | undefined;
  /** True when retrying may succeed (`STORE_UNAVAILABLE`, `VERIFIER_UNAVAILABLE`): nothing was half-done. */
  readonly retryable: boolean;
  /** A machine-readable reason where the code has several (e.g. `REVEAL_REFUSED`: `'said'`, `'over-limit'`, `'disclosure'`…). */
  readonly reason: string | undefined;

  constructor(code: SafecallErrorCode, message: string, options?: { issues?: readonly SafecallIssue[]; cause?: unknown; reason?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SafecallError';
    this.code = code;
    this.issues = options?.issues;
    this.retryable = RETRYABLE.has(code);
    this.reason = options?.reason;
  }
}

/**
 * Type guard for {@link SafecallError}, optionally narrowed to one code. Works
 * across bundle copies (it checks the name and code, not only the prototype).
 *
 * @example
 * ```ts
 * if (isSafecallError(error, 'EVENT_NOT_ALLOWED')) showToast(error.message);
 * ```
 */
export function isSafecallError(error: unknown, code?: SafecallErrorCode): error is SafecallError {
  if (!(error instanceof Error) || error.name !== 'SafecallError') return false;
  return code === undefined || (error as SafecallError).code === code;
}
