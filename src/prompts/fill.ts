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
