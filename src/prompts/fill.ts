// Compiled once: prompts render on every state change of a call.
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * Fills `{name}` placeholders. `defineScript` rejects unknown names, so none
 * reaches here; a known value that does not apply at this step (e.g.
 * `{ordinal}` outside the PESEL step) renders as nothing rather than as braces.
 *
 * @example
 * ```ts
 * fillPlaceholders('Dzień dobry, tu {agent}.', { agent: 'Anna Zielińska' }); // 'Dzień dobry, tu Anna Zielińska.'
 * ```
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/**
 * Items as a spoken list: commas, and `conjunction` before the last one
 * ("i", "albo", "lub", "and", "or") — no comma before it, in either locale.
 *
 * @example
 * ```ts
 * joinList(['siódmą', 'dziesiątą', 'jedenastą'], 'lub'); // 'siódmą, dziesiątą lub jedenastą'
 * ```
 */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The text with its first letter in upper case.
 *
 * @example
 * ```ts
 * capitalize('piąta cyfra?'); // 'Piąta cyfra?'
 * ```
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A first word that must keep its capital after a colon: an acronym ("PESEL"),
// a word with a capital inside ("McDonald"), the English "I", or a Polish form of address.
const KEEPS_CAPITAL = /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu}|I(?:'|(?!\p{L}))|Pan(?:a|u|em|i|ią|owie|ów|ami|om|ach)?(?!\p{L})|Państw)/u;

/**
 * The text with its first letter in lower case, for what follows a colon
 * ("Spróbujmy jeszcze raz: w którym roku…"), unless the first word keeps its
 * capital anyway (see `KEEPS_CAPITAL`). A proper noun at the very start of a
 * script's question cannot be told from an ordinary word and is lowered.
 *
 * @example
 * ```ts
 * afterColon('W którym roku założono rachunek?'); // 'w którym roku założono rachunek?'
 * afterColon('Pana ulubiony kolor?');              // 'Pana ulubiony kolor?'
 * ```
 */
export function afterColon(text: string): string {
  return KEEPS_CAPITAL.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Sentences joined by single spaces, skipping the empty ones.
 *
 * @example
 * ```ts
 * sentences('Rozumiem.', '', 'Poczekam.'); // 'Rozumiem. Poczekam.'
 * ```
 */
export function sentences(...parts: readonly (string | undefined)[]): string {
  let text = '';
  for (const part of parts) if (part) text = text ? `${text} ${part}` : part;
  return text;
}

/**
 * The positions to name as examples of what the customer may ask for: up to
 * three, the last ones (the serial and check digits, which is what people
 * reach for when the birth date is allowed too).
 *
 * @example
 * ```ts
 * examplePositions([1, 2, 3, 4, 6, 7, 10, 11]); // [7, 10, 11]
 * ```
 */
export function examplePositions(allowed: readonly number[]): number[] {
  return [...allowed].sort((a, b) => a - b).slice(-3);
}
