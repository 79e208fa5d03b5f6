import { SafecallError } from '../core/errors.js';
import { isElevenDigits } from './digits.js';
import { positionMask } from './positions.js';

/** Options of {@link maskPesel}. */
export interface MaskPeselOptions {
  /** Positions (1–11) to show; every other digit becomes `'*'`. Default: none. */
  reveal?: readonly number[];
}

/**
 * Hides the digits of a PESEL except the positions in `reveal`.
 * Only the shape is checked (11 ASCII digits), not the check digit or date, so
 * that a mistyped number on file can still be shown masked.
 *
 * @throws {@link SafecallError} `INVALID_PESEL` if `value` is not 11 ASCII digits;
 * `INVALID_ARGUMENT` if a reveal position is not an integer 1–11.
 *
 * @example
 * ```ts
 * maskPesel('02270803624');                    // '***********'
 * maskPesel('02270803624', { reveal: [5, 8] }); // '****0**3***'
 * ```
 */
export function maskPesel(value: string, options: MaskPeselOptions = {}): string {
  if (typeof options !== 'object' || options === null) throw new SafecallError('INVALID_ARGUMENT', 'maskPesel options must be an object');
  const reveal = options.reveal === undefined ? 0 : positionMask(options.reveal, 'reveal', false);
  if (!isElevenDigits(value)) throw new SafecallError('INVALID_PESEL', 'PESEL to mask must be exactly 11 ASCII digits');
  let out = '';
  for (let i = 0; i < 11; i++) out += reveal & (1 << i) ? value[i] : '*';
  return out;
}
