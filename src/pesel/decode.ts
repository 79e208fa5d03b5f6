import { CENTURY_BY_BLOCK, WEIGHTS, daysInMonth, isElevenDigits } from './digits.js';

/** Biological sex encoded in a PESEL: digit 10 even → `'female'`, odd → `'male'`. */
export type PeselSex = 'female' | 'male';

/** Why a value is not a PESEL. Kept free of the value itself so it can go into messages. */
export type PeselFault = 'type' | 'length' | 'characters' | 'checksum' | 'date';

/** The fields of a valid PESEL. */
export interface DecodedPesel {
  year: number;
  month: number;
  day: number;
  sex: PeselSex;
}

/**
 * Decodes a PESEL, or names the first thing wrong with it (length, then
 * characters, then check digit, then date), so that every public function
 * agrees on what "valid" means.
 */
export function decodePesel(value: unknown): DecodedPesel | PeselFault {
  if (typeof value !== 'string') return 'type';
  if (value.length !== 11) return 'length';
  if (!isElevenDigits(value)) return 'characters';
  const d = (i: number): number => value.charCodeAt(i) - 48;
  let sum = d(10);
  for (let i = 0; i < 10; i++) sum += WEIGHTS[i]! * d(i);
  if (sum % 10 !== 0) return 'checksum';
  const field = d(2) * 10 + d(3);
  const month = field % 20;
  const year = CENTURY_BY_BLOCK[(field / 20) | 0]! + d(0) * 10 + d(1);
  const day = d(4) * 10 + d(5);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'date';
  return { year, month, day, sex: d(9) % 2 === 0 ? 'female' : 'male' };
}
