import { SafecallError } from '../core/errors.js';
import { decodePesel, type PeselFault, type PeselSex } from './decode.js';

/** What a PESEL says about its holder. */
export interface ParsedPesel {
  /** Date of birth at 00:00 UTC. */
  birthDate: Date;
  /** From digit 10: even → `'female'`, odd → `'male'`. */
  sex: PeselSex;
}

// Messages name the reason only: DESIGN.md §4.1 forbids any digit of the PESEL in an error.
const REASONS: Record<PeselFault, string> = {
  type: 'PESEL must be a string',
  length: 'PESEL must be exactly 11 characters long',
  characters: 'PESEL must contain only the ASCII digits 0-9',
  checksum: 'PESEL check digit does not match',
  date: 'PESEL does not encode a real birth date',
};

/**
 * Reads the birth date and sex from a PESEL.
 *
 * @throws {@link SafecallError} with code `INVALID_PESEL` when the value is not a
 * valid PESEL; the message names the reason (length, characters, checksum or
 * date) and never repeats the value.
 *
 * @example
 * ```ts
 * const { birthDate, sex } = parsePesel('02270803624');
 * birthDate.toISOString(); // '2002-07-08T00:00:00.000Z'
 * sex;                     // 'female'
 * ```
 */
export function parsePesel(value: string): ParsedPesel {
  const decoded = decodePesel(value);
  if (typeof decoded === 'string') throw new SafecallError('INVALID_PESEL', REASONS[decoded]);
  const birthDate = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter maps years 0–99 to 1900–1999
  birthDate.setUTCFullYear(decoded.year, decoded.month - 1, decoded.day);
  return { birthDate, sex: decoded.sex };
}
