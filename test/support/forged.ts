/**
 * Input a test forges on purpose — a malformed event, a tampered record, a
 * wrong type — typed as whatever the API expects, so the test can show the
 * run-time checks refuse it. The one place tests step around the type checker.
 *
 * @example
 * ```ts
 * expect(() => session.send(forged({ type: 'xstate.done.actor.checkDigits' }))).toThrow();
 * ```
 */
export function forged<T>(value: unknown): T {
  return value as T;
}
