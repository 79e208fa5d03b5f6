/**
 * Text for comparison: lower case, Polish diacritics removed ("Hasło" →
 * "haslo", "KRAKÓW" → "krakow"). `ł` has no combining form in Unicode, so it
 * is mapped by hand before the NFD strip.
 *
 * @example
 * ```ts
 * foldText('Łódź') === foldText('lodz'); // true
 * ```
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
