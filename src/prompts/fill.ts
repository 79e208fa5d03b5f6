/** Joins an optional lead sentence and the ask: `"Lead. Ask."` or `"Ask."`. */
export function joinLead(lead: string, ask: string): string {
  return lead ? `${lead} ${ask}` : ask;
}

/**
 * Fills `{name}` placeholders. Names were checked by `defineScript`, so an
 * unknown one cannot reach here; a value that is missing at this step (e.g.
 * `{ordinal}` outside the PESEL step) renders as empty rather than as braces.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => values[name] ?? '');
}

/** `"7, 10 i 11"`: items joined with commas and the locale's "and" before the last. */
export function joinList(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The text with its first letter in upper case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
