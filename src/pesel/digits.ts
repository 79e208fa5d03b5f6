/** Weights of digits 1–10 in the PESEL check sum; digit 11 makes the weighted sum ≡ 0 (mod 10). */
export const WEIGHTS: readonly number[] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/**
 * First year of the century encoded by `floor(month field / 20)`: the month field
 * carries the century (+80 → 1800s, +0 → 1900s, +20 → 2000s, +40 → 2100s, +60 → 2200s).
 */
export const CENTURY_BY_BLOCK: readonly number[] = [1900, 2000, 2100, 2200, 1800];

/** Number of days in `month` (1–12) of `year`, Gregorian rules. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  // 31-day months are the odd ones up to July and the even ones from August on
  return 30 + ((month + (month >> 3)) & 1);
}

/**
 * `true` when `value` is a string of exactly 11 ASCII digits. A char-code test,
 * not a regex with `\d`, so that no Unicode digit can ever slip through.
 */
export function isElevenDigits(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 11) return false;
  for (let i = 0; i < 11; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
