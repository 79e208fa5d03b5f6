/** A verifier's answer: a plain yes/no, or with `locked` when the back end locked the customer out. */
export type VerifierVerdict = boolean | { ok: boolean; locked?: boolean };

/**
 * The server side of verification. The session never sees the PESEL or the
 * expected answers: it hands what the customer said to the verifier and acts
 * on the verdict. Any throw, timeout or malformed verdict fails closed.
 *
 * @example
 * ```ts
 * // Desktop side: forward to your back end over HTTPS.
 * const verifier: Verifier = {
 *   checkDigits: (ref, answers) => post('/verify/digits', { ref, answers }),
 *   revealDigits: (ref, positions) => post('/verify/reveal', { ref, positions }),
 *   checkAnswer: (ref, questionId, value) => post('/verify/answer', { ref, questionId, value }),
 * };
 * ```
 */
export interface Verifier {
  /** `answers`: position (1-11) → the digit the customer gave, e.g. `{ 5: '1', 8: '3', 9: '8' }`. */
  checkDigits(customerRef: string, answers: Record<number, string>): Promise<VerifierVerdict>;
  /** The digits at `positions`, for mutual verification; only after the customer passed. */
  revealDigits(customerRef: string, positions: number[]): Promise<Record<number, string>>;
  checkAnswer(customerRef: string, questionId: string, value: string): Promise<VerifierVerdict>;
}

/** A verdict in one shape. Anything else (undefined, a string, NaN) is treated as an error: fail closed. */
export function normalizeVerdict(verdict: unknown): { ok: boolean; locked: boolean } {
  if (verdict === true || verdict === false) return { ok: verdict, locked: false };
  if (verdict && typeof verdict === 'object' && typeof (verdict as { ok?: unknown }).ok === 'boolean') {
    const locked = (verdict as { locked?: unknown }).locked === true;
    return { ok: (verdict as { ok: boolean }).ok && !locked, locked };
  }
  throw new Error('verifier returned a malformed verdict');
}
