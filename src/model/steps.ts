import * as z from 'zod/mini';

/**
 * Every prompt step, in the order of the article's call. Main steps are the
 * ones `mainSteps(script)` lists; `not-safe`, `on-hold`, `callback`,
 * `verifying` and `verifier-error` are detours; `handoff` (verified) and
 * `closing` (any other outcome) end the call.
 */
export const STEP_IDS = [
  'introduce',
  'vip-substitute',
  'purpose',
  'caller-id',
  'safe-place',
  'not-safe',
  'on-hold',
  'callback',
  'consent',
  'pesel-digit',
  'mutual',
  'reveal',
  'question',
  'verifying',
  'verifier-error',
  'handoff',
  'closing',
] as const;

/** Schema of a {@link StepId}. */
export const stepIdSchema = z.enum(STEP_IDS);

/**
 * The step a prompt belongs to.
 *
 * @example
 * ```ts
 * if (session.prompt.step === 'reveal') showDigits(session.prompt.revealed);
 * ```
 */
export type StepId = z.infer<typeof stepIdSchema>;

/** Steps that can be main steps of a script, in call order (`mainSteps` picks the script's). */
export const MAIN_STEP_IDS = ['introduce', 'vip-substitute', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question', 'handoff'] as const;

/**
 * A main step of a call.
 *
 * @example
 * ```ts
 * const first: MainStepId = 'introduce';
 * ```
 */
export type MainStepId = (typeof MAIN_STEP_IDS)[number];

/** Schema of a {@link VerifierTask}. */
export const verifierTaskSchema = z.enum(['open', 'digits', 'answer', 'reveal', 'close']);

/**
 * Which verification-service call a pending or failed step is about.
 *
 * @example
 * ```ts
 * const task: VerifierTask = 'digits';
 * ```
 */
export type VerifierTask = z.infer<typeof verifierTaskSchema>;

/**
 * Prompt steps whose agent line a script may override, per locale. Overrides
 * replace the built-in `say` text; `{placeholders}` are filled in at run time.
 */
export const OVERRIDABLE_STEPS = [
  'introduce',
  'vip-substitute',
  'purpose',
  'caller-id',
  'safe-place',
  'not-safe',
  'on-hold',
  'consent',
  'pesel-digit',
  'mutual',
  'handoff',
] as const;
/** A step id that accepts a prompt override. */
export type OverridableStep = (typeof OVERRIDABLE_STEPS)[number];
