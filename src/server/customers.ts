/**
 * Where the service looks up what only the institution knows, per check and
 * never stored: the customer's PESEL and the expected answers to the script's
 * questions. `undefined` for an unknown customer or question: the check then
 * fails like a wrong answer (the two are indistinguishable from outside).
 *
 * @example
 * ```ts
 * const customers: CustomerDirectory = {
 *   pesel: async (ref) => (await db.customer(ref))?.pesel,
 *   answer: async (ref, questionId) => (await db.kba(ref, questionId))?.answer,
 * };
 * ```
 */
export interface CustomerDirectory {
  pesel(customerRef: string): Promise<string | undefined> | string | undefined;
  answer?(customerRef: string, questionId: string): Promise<string | undefined> | string | undefined;
}
