import * as z from 'zod/mini';
import { callbackPolicySchema, formSchema, LOCALES, OVERRIDABLE_STEPS } from '../model/index.js';

export type { OverridableStep } from '../model/index.js';

/** Placeholders a script's texts may use; anything else in braces is an error. */
export const PLACEHOLDERS = [
  'agent',
  'customer',
  'institution',
  'officialNumber',
  'callerIdLabel',
  'purpose',
  'questionCount',
  'ordinal',
  'position',
  'advisor',
  'substituteDates',
  'announcedOn',
  // Forms of address by grammatical case ("Pan"/"Pani", "Pana"/"Pani", …): never a slash read aloud.
  'youNom',
  'youGen',
  'youDat',
  'youAcc',
  'youIns',
  'youLoc',
] as const;

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(600));
const localizedText = z.strictObject({ pl: z.optional(text), en: z.optional(text) });
const isoDate = z.iso.date();
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, ".", "_" or "-", at most 64'));

const questionSchema = z.strictObject({
  /** Stable id the verifier knows the answer by. */
  id: slug,
  /** The question as the agent asks it, per locale. */
  text: localizedText,
  /** What the desktop collects: free text, a number (amounts) or a date. */
  answer: z._default(z.enum(['text', 'number', 'date']), 'text'),
  /** Wrong attempts allowed before the call fails (NIST SP 800-63A: at most 3). */
  attempts: z._default(z.int().check(z.minimum(1), z.maximum(3)), 2),
});

/**
 * The JSON shape of a call script. Every section has defaults, so a minimal
 * script is `{ id, version, institution, purpose }`.
 */
export const callScriptSchema = z.strictObject({
  /** Lets editors find the JSON Schema (`scriptJsonSchema()`); ignored otherwise. */
  $schema: z.optional(z.string()),
  id: slug,
  /** Integer version; a call started on one version never continues on another. */
  version: z.int().check(z.minimum(1)),
  title: z.optional(text),
  locale: z._default(z.enum(LOCALES), 'pl'),
  institution: z.strictObject({
    name: text,
    /** The official number customers can call back, as printed on cards and the website. */
    officialNumber: z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'a phone number (digits, spaces, "+", "-", parentheses)')),
    /** How the institution's number shows on the customer's phone, e.g. "Bank-kredyty". */
    callerIdLabel: text,
  }),
  /** Why we call, said in the introduction; keep details for the business part. */
  purpose: localizedText,
  steps: z.prefault(
    z.strictObject({
      confirmPerson: z._default(z.boolean(), true),
      callerId: z._default(z.boolean(), true),
      safePlace: z._default(z.boolean(), true),
    }),
    {},
  ),
  pesel: z.prefault(
    z.strictObject({
      enabled: z._default(z.boolean(), true),
      /** Positions asked per challenge (never the full number). */
      count: z._default(z.int().check(z.minimum(1), z.maximum(4)), 3),
      /** Minimum challenge strength in bits under `threat` (see `challengeStrength`). */
      minStrengthBits: z._default(z.number().check(z.minimum(0), z.maximum(20)), 8),
      threat: z._default(z.enum(['acquaintance', 'stranger']), 'acquaintance'),
      /** Wrong attempts allowed on the same positions (NIST SP 800-63A: at most 3). */
      attempts: z._default(z.int().check(z.minimum(1), z.maximum(3)), 2),
      /** Silence past this counts as a wrong attempt. */
      answerTimeoutSeconds: z._default(z.int().check(z.minimum(10), z.maximum(900)), 120),
      /** `'keypad'`: digits are typed on the phone (DTMF); the recording is paused either way, since tones can be decoded. */
      channel: z._default(z.enum(['voice', 'keypad']), 'voice'),
      /**
       * When no set of positions is strong enough any more against a listener of
       * the customer's recent calls: `'end'` — end the call and ask the customer
       * to call the official number; `'questions'` — verify with the questions alone.
       */
      whenExhausted: z._default(z.enum(['end', 'questions']), 'end'),
    }),
    {},
  ),
  questions: z._default(z.array(questionSchema).check(z.maxLength(5)), []),
  mutual: z.prefault(
    z.strictObject({
      enabled: z._default(z.boolean(), true),
      when: z._default(z.enum(['after-pesel', 'after-questions']), 'after-questions'),
      /** Most digits the agent may reveal in one call (at most 3). */
      maxPositions: z._default(z.int().check(z.minimum(1), z.maximum(3)), 2),
      /** Positions 1–6 are the birth date a fraudster may know: off by default. */
      allowBirthDate: z._default(z.boolean(), false),
      /**
       * Refuse a reveal that would leave fewer bits of the PESEL unspoken (against
       * a listener who knows the birth date and heard the recent calls). Default 0:
       * any serial digit revealed after a 3-digit challenge leaves 0 — see README.
       */
      minBitsLeft: z._default(z.number().check(z.minimum(0), z.maximum(20)), 0),
    }),
    {},
  ),
  vip: z.optional(
    z.strictObject({
      /** The customer's dedicated advisor, as the customer knows them ("Katarzyna Wiśniewska"). */
      advisor: text,
      /** The advisor's form of address, for Polish ("Pani opiekunka" / "Pana opiekun"); required in Polish scripts. */
      advisorForm: z.optional(formSchema),
      /** Present when someone else calls in the advisor's place. */
      substitute: z.optional(z.strictObject({ from: isoDate, to: isoDate, announcedOn: isoDate })),
    }),
  ),
  callback: z.prefault(callbackPolicySchema, {}),
  verifier: z.prefault(
    z.strictObject({
      /** A verifier call slower than this fails closed (retryable). */
      timeoutSeconds: z._default(z.int().check(z.minimum(1), z.maximum(120)), 10),
      /** Verifier failures tolerated before the call ends as failed. */
      maxErrors: z._default(z.int().check(z.minimum(1), z.maximum(5)), 3),
    }),
    {},
  ),
  prompts: z._default(z.partialRecord(z.enum(OVERRIDABLE_STEPS), localizedText), {}),
});

/** A call script as authors write it (JSON, defaults optional). */
export type CallScriptInput = z.input<typeof callScriptSchema>;
/** The parsed shape with every default filled in. */
export type CallScriptData = z.output<typeof callScriptSchema>;
/** One extra knowledge question of a script. */
export type ScriptQuestion = CallScriptData['questions'][number];
/** Per-locale text: `{ pl?: string; en?: string }`. */
export type LocalizedText = z.output<typeof localizedText>;

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * A validated, frozen call script. Make one with {@link defineScript}:
 * sessions and the verification service refuse anything that is not frozen.
 *
 * @example
 * ```ts
 * const script: CallScript = defineScript(json);
 * ```
 */
export type CallScript = DeepReadonly<CallScriptData>;
