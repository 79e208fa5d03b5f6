// Independent re-implementations for the tests: dates come from JS Date
// arithmetic, not from the library's daysInMonth, so the two can disagree.

export const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

const MONTH_OFFSET: Record<number, number> = { 18: 80, 19: 0, 20: 20, 21: 40, 22: 60 };

export function checkDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += WEIGHTS[i]! * Number(first10[i]);
  return (10 - (sum % 10)) % 10;
}

/** The six date digits of a PESEL for a birth date. */
export function dateDigits(year: number, month: number, day: number): string {
  const field = month + MONTH_OFFSET[Math.floor(year / 100)]!;
  return [year % 100, field, day].map((n) => String(n).padStart(2, '0')).join('');
}

/** A valid PESEL from a date, the serial digits 7–9 (0–999) and the sex. */
export function buildPesel(year: number, month: number, day: number, serial: number, sex: 'female' | 'male', sexDigit = 0): string {
  const d10 = 2 * (sexDigit % 5) + (sex === 'male' ? 1 : 0);
  const first10 = dateDigits(year, month, day) + String(serial).padStart(3, '0') + String(d10);
  return first10 + String(checkDigit(first10));
}

export interface TestDate {
  year: number;
  month: number;
  day: number;
  digits: number[]; // the six date digits
  residue: number; // weighted sum of the six date digits mod 10
}

let dates: TestDate[] | undefined;

/** Every day from 1800-01-01 to 2299-12-31, by stepping a UTC Date one day at a time. */
export function allDates(): TestDate[] {
  if (dates) return dates;
  dates = [];
  const end = Date.UTC(2300, 0, 1);
  const at = new Date(0);
  at.setUTCFullYear(1800, 0, 1);
  for (; at.getTime() < end; at.setUTCDate(at.getUTCDate() + 1)) {
    const year = at.getUTCFullYear();
    const month = at.getUTCMonth() + 1;
    const day = at.getUTCDate();
    const digits = [...dateDigits(year, month, day)].map(Number);
    const residue = digits.reduce((s, d, i) => s + WEIGHTS[i]! * d, 0) % 10;
    dates.push({ year, month, day, digits, residue });
  }
  return dates;
}

/** Subsets of `items` (all of them). */
export function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, x) => acc.concat(acc.map((s) => [...s, x])), [[]]);
}

/** Subsets of `items` with exactly `k` elements. */
export function combinations<T>(items: readonly T[], k: number): T[][] {
  return subsets(items).filter((s) => s.length === k);
}
