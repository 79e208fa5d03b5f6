import * as z from 'zod/mini';
import type { CallScript } from '../index.js';
import { isValidPesel } from '../pesel/index.js';
import { createVerificationService, memoryStore, type CustomerDirectory, type VerificationPolicyInput, type VerificationService } from '../server/index.js';
import { parseOrThrow } from '../session/internal.js';
import { defaultAnswer, SIMULATION_ATTESTATION_KEY, SIMULATION_CUSTOMER, SIMULATION_START, TEST_PESEL } from './defaults.js';
import { seededRandom } from './seeded-random.js';

/**
 * Options of {@link simulationService}. Every field has a deterministic default.
 *
 * @example
 * ```ts
 * const options: SimulationServiceOptions = { pesel: '85031583834', answers: { city: 'Kraków' }, seed: 7 };
 * ```
 */
export interface SimulationServiceOptions {
  /** The customer's PESEL, as the institution's records hold it. Default {@link TEST_PESEL}. */
  pesel?: string;
  /** Expected answers by question id. Default `"answer:<questionId>"` ({@link defaultAnswer}). */
  answers?: Readonly<Record<string, string>>;
  /** The reference the customer is known under. Default `SIMULATION_CUSTOMER.ref`. */
  customerRef?: string;
  /** Seeds the service's random source (challenge positions, call ids). Default 1. */
  seed?: number;
  /** The service's clock in epoch ms. Default: standing still at {@link SIMULATION_START}. */
  now?: () => number;
  /** Limits across calls (lock-outs, attempt windows). Default: the service's defaults. */
  policy?: VerificationPolicyInput;
}

const optionsSchema = z.strictObject({
  pesel: z.optional(z.string().check(z.refine(isValidPesel, 'not a valid PESEL'))),
  answers: z.optional(z.record(z.string(), z.string().check(z.maxLength(200)))),
  customerRef: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  seed: z.optional(z.int()),
  now: z.optional(z.custom<() => number>((f) => typeof f === 'function', 'a function')),
  policy: z.optional(z.custom<VerificationPolicyInput>((p) => typeof p === 'object' && p !== null, 'a verification policy')),
});

/**
 * One simulated customer, as the institution's records hold them: their PESEL
 * and answers under one reference; anyone else is unknown (which the service
 * treats like a wrong answer).
 *
 * @example
 * ```ts
 * const customers = simulationCustomers({ customerRef: 'c-1', pesel: TEST_PESEL });
 * customers.pesel('c-1'); // '44051401359'
 * ```
 */
export function simulationCustomers(options: Pick<SimulationServiceOptions, 'pesel' | 'answers' | 'customerRef'> = {}): CustomerDirectory {
  const ref = options.customerRef ?? SIMULATION_CUSTOMER.ref;
  const pesel = options.pesel ?? TEST_PESEL;
  return {
    pesel: (customerRef) => (customerRef === ref ? pesel : undefined),
    answer: (customerRef, questionId) => (customerRef === ref ? (options.answers?.[questionId] ?? defaultAnswer(questionId)) : undefined),
  };
}

/**
 * The verification service a simulation runs in-process: the real
 * `createVerificationService` over a `memoryStore()`, with one customer,
 * a seeded random source and a fixed attestation key — the same service
 * {@link simulateCall} makes for itself. Make one yourself to play several
 * calls of one customer against one ledger (a failed call, then a second
 * call that gets the same positions), passing it as `options.service`.
 *
 * @example
 * ```ts
 * const service = simulationService(script, { seed: 3 });
 * const first = await simulateCall(script, customerBot('impostor'), { service });
 * const second = await simulateCall(script, customerBot('cooperative'), { service });
 * second.state?.reissued; // true: the positions the impostor failed, again
 * ```
 */
export function simulationService(scripts: CallScript | readonly CallScript[], options: SimulationServiceOptions = {}): VerificationService {
  const parsed = parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid simulationService options');
  const start = Date.parse(SIMULATION_START);
  const now = parsed.now ?? (() => start);
  return createVerificationService({
    store: memoryStore({ now }),
    customers: simulationCustomers(options),
    scripts: Array.isArray(scripts) ? scripts : [scripts],
    ...(options.policy ? { policy: options.policy } : {}),
    attestationKey: SIMULATION_ATTESTATION_KEY,
    random: seededRandom(parsed.seed ?? 1),
    now,
  });
}
