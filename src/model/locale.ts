import * as z from 'zod/mini';

/** Locales safecall writes prompts in. */
export const LOCALES = ['pl', 'en'] as const;

/** Schema of a prompt locale. */
export const localeSchema = z.enum(LOCALES);

/**
 * A prompt locale: `'pl'` (default) or `'en'`.
 *
 * @example
 * ```ts
 * const locale: Locale = script.locale;
 * ```
 */
export type Locale = z.infer<typeof localeSchema>;

/** Form of address in Polish: "Pan" or "Pani". */
export const formSchema = z.enum(['pan', 'pani']);

/**
 * How Polish prompts address a person (and how the agent speaks of themselves:
 * "jestem Pana opiekunem" / "opiekunką").
 *
 * @example
 * ```ts
 * const form: Form = 'pani';
 * ```
 */
export type Form = z.infer<typeof formSchema>;
