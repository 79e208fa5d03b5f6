/**
 * When simulations and path enumerations happen: Monday 23 November 2026,
 * 14:00 in Warsaw (CET, UTC+1) — an ordinary working afternoon, inside every
 * example script's callback hours and far from DST changes and holidays, so
 * callback planning behaves as on a typical day.
 *
 * @example
 * ```ts
 * simulateCall(script, turns, { start: SIMULATION_START }); // the default
 * ```
 */
export const SIMULATION_START = '2026-11-23T14:00:00+01:00';

/**
 * The PESEL a simulated customer has unless `options.pesel` says otherwise:
 * a valid, well-known sample number (born 14 May 1944, male). It belongs to
 * no test data set of yours, so it never collides with a real customer.
 *
 * @example
 * ```ts
 * isValidPesel(TEST_PESEL); // true
 * ```
 */
export const TEST_PESEL = '44051401359';

/**
 * The answer a simulated customer knows to a script question when
 * `options.answers` does not give one: `"answer:<questionId>"`. The
 * simulation's verification service expects the same, so `ANSWER_CORRECTLY`
 * works with no setup.
 *
 * @example
 * ```ts
 * defaultAnswer('last-transfer-amount'); // "answer:last-transfer-amount"
 * ```
 */
export function defaultAnswer(questionId: string): string {
  return `answer:${questionId}`;
}

/**
 * The attestation key of simulation services: fixed, so simulated calls are
 * repeatable, and public, so it must never sign anything real.
 *
 * @example
 * ```ts
 * createVerificationService({ customers, scripts, attestationKey: SIMULATION_ATTESTATION_KEY });
 * ```
 */
export const SIMULATION_ATTESTATION_KEY = 'safecall-pl/testing: public simulation key, never use it for real calls';

/**
 * The agent of a simulated call unless `options.agent` says otherwise.
 *
 * @example
 * ```ts
 * simulateCall(script, turns, { agent: { ...SIMULATION_AGENT, name: 'Ewa Nowak' } });
 * ```
 */
export const SIMULATION_AGENT = { name: 'Anna Zielińska', id: 'agent-sim', form: 'pani' } as const;

/**
 * The customer of a simulated call unless `options.customer` says otherwise;
 * `ref` is the reference the simulation's service knows the PESEL under.
 *
 * @example
 * ```ts
 * const service = simulationService(script, { customerRef: SIMULATION_CUSTOMER.ref });
 * ```
 */
export const SIMULATION_CUSTOMER = { name: 'Jan Kowalski', ref: 'customer-sim', form: 'pan' } as const;
