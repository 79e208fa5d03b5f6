import { defineScript, type CallScript, type CallScriptInput } from '../../src/script/index.js';
import { createVerificationService, type VerificationService, type VerificationServiceOptions, type VerificationStore } from '../../src/server/index.js';
import { seededRandom } from '../../src/testing/seeded-random.js';

/** Jan Kowalski (born 15 March 1985, male): digits 5, 8, 9 are 1, 3, 8 as in the article; 10 and 11 are 3 and 4. */
export const JAN_PESEL = '85031583834';
/** Another man born the same day: same digits 1–6, different 7–11. */
export const TWIN_PESEL = '85031512351';
export const KEY = 'test-attestation-key-0123456789abcdef';

export const ANSWERS: Record<string, string> = { 'account-opened-year': '2009', city: 'Kraków' };

/** A script that asks 3 serial digits (7–11 only at 9.9 bits), one question, mutual verification of up to 2 digits. */
export function serverScript(overrides: Partial<CallScriptInput> = {}): CallScript {
  return defineScript({
    id: 'server-test',
    version: 1,
    locale: 'en',
    institution: { name: 'Test Bank', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Test-Bank' },
    purpose: { en: 'about your account' },
    pesel: { count: 3, minStrengthBits: 9.9, attempts: 2 },
    mutual: { enabled: true, maxPositions: 2 },
    questions: [{ id: 'account-opened-year', text: { en: 'In which year did you open the account?' }, answer: 'number', attempts: 2 }],
    ...overrides,
  });
}

/** A clock tests move by hand. */
export function testClock(iso = '2026-11-23T13:00:00Z') {
  let t = Date.parse(iso);
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export interface ServiceHarness {
  service: VerificationService;
  /** How many times the service looked up a PESEL (what an attacker is after). */
  lookups: () => number;
  clock: ReturnType<typeof testClock>;
}

/** A service over `store` with one known customer (`cust-jan`) and the twin (`cust-twin`). */
export function serviceOver(store: VerificationStore, options: Partial<VerificationServiceOptions> & { clock?: ReturnType<typeof testClock>; seed?: number } = {}): ServiceHarness {
  let lookups = 0;
  const clock = options.clock ?? testClock();
  const peselOf: Record<string, string> = { 'cust-jan': JAN_PESEL, 'cust-twin': TWIN_PESEL };
  const service = createVerificationService({
    store,
    scripts: [serverScript()],
    attestationKey: KEY,
    random: seededRandom(options.seed ?? 7),
    now: clock.now,
    customers: {
      pesel: (ref) => {
        lookups++;
        return peselOf[ref] ?? (ref.startsWith('cust-') ? JAN_PESEL : undefined);
      },
      answer: (_ref, questionId) => ANSWERS[questionId],
    },
    ...options,
  });
  return { service, lookups: () => lookups, clock };
}

export const OPEN = (customerRef = 'cust-jan', script: CallScript = serverScript()) => ({ customerRef, script: { id: script.id, version: script.version }, agentId: 'agent-17' });

/** The digits of `pesel` at `positions`, as a desktop would send them. */
export function digitsOf(pesel: string, positions: readonly number[]): Record<number, string> {
  return Object.fromEntries(positions.map((p) => [p, pesel.charAt(p - 1)]));
}

/** Wrong digits at `positions` (each off by one). */
export function wrongDigits(pesel: string, positions: readonly number[]): Record<number, string> {
  return Object.fromEntries(positions.map((p) => [p, String((Number(pesel.charAt(p - 1)) + 1) % 10)]));
}
