import * as z from 'zod/mini';
import type { Clock } from '../core/clock.js';
import { SafecallError } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';
import { parseOrThrow } from '../core/validate.js';
import { formSchema, type AuditSink, type CallbackPlanner, type Verifier } from '../model/index.js';
import type { CallScript } from '../script/index.js';

const fn = (o: unknown, keys: readonly string[]) => !!o && typeof o === 'object' && keys.every((k) => typeof (o as Record<string, unknown>)[k] === 'function');
const VERIFIER = ['open', 'resume', 'checkDigits', 'checkAnswer', 'reveal', 'close'] as const;

/** Schema of {@link CallSessionDeps}. */
export const sessionDepsSchema = z.object({
  /** The agent; `form` is their own gender for Polish lines about themselves ("jestem Pana opiekunką"). */
  agent: z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)), id: z.string().check(z.minLength(1), z.maxLength(128)), form: z.optional(formSchema) }),
  /** The customer: an opaque reference, never the PESEL; `form` (Pan/Pani) is required for Polish scripts. */
  customer: z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)), ref: z.string().check(z.minLength(1), z.maxLength(128)), form: z.optional(formSchema) }),
  /** The call-scoped port to the verification service: `httpVerifier(url)` on a desktop, the service itself in-process. */
  verifier: z.custom<Verifier>((v) => fn(v, VERIFIER), `a Verifier with ${VERIFIER.join(', ')}`),
  /** Now and timers (per-question timeouts); `fixedClock`/`simulatedClock` in tests. */
  clock: z.optional(z.custom<Clock>((c) => fn(c, ['now', 'setTimeout', 'clearTimeout']), 'a Clock')),
  /** The desktop's own draws (session ids, callback references); the challenge is the service's. */
  random: z.optional(z.custom<RandomSource>((r) => fn(r, ['getRandomValues']), 'a RandomSource')),
  /** Where audit events go. */
  audit: z.optional(z.custom<AuditSink>((a) => typeof a === 'function', 'a function')),
  /** Callback planning (`callbackPlanner()` from `safecall-pl/callback`); without it no callback times are offered. */
  callbacks: z.optional(z.custom<CallbackPlanner>((p) => fn(p, ['suggest', 'window', 'plan']), 'a CallbackPlanner')),
  /** The session id (default: 128 random bits). */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

/**
 * What a session needs from its host.
 *
 * @example
 * ```ts
 * const deps: CallSessionDeps = {
 *   agent: { name: 'Anna Zielińska', id: 'a-17', form: 'pani' },
 *   customer: { name: 'Jan Kowalski', ref: 'c-4411', form: 'pan' },
 *   verifier: httpVerifier('/verify'),
 * };
 * ```
 */
export type CallSessionDeps = z.input<typeof sessionDepsSchema>;

/** Validates deps; Polish scripts need the customer's form of address (no "Pan/Pani" read aloud). */
export function parseDeps(script: CallScript, deps: unknown): CallSessionDeps {
  const parsed = parseOrThrow(sessionDepsSchema, deps, 'INVALID_ARGUMENT', 'Invalid session dependencies');
  if (script.locale === 'pl' && parsed.customer.form === undefined) {
    throw new SafecallError('INVALID_ARGUMENT', 'Invalid session dependencies: customer.form: required for a Polish script ("pan" or "pani")', {
      issues: [{ path: ['customer', 'form'], message: 'required for a Polish script ("pan" or "pani")' }],
    });
  }
  return parsed;
}

/** Throws unless `script` came from `defineScript`. */
export function assertScript(script: unknown): asserts script is CallScript {
  if (!script || typeof script !== 'object' || !Object.isFrozen(script) || typeof (script as { id?: unknown }).id !== 'string') {
    throw new SafecallError('INVALID_ARGUMENT', 'expected a script made by defineScript()');
  }
}
