import { SafecallError } from '../core/errors.js';

/** Bit mask with one bit per PESEL position: bit `p - 1` stands for position `p`. */
export const ALL_POSITIONS = 0x7ff;

/**
 * Validates a list of PESEL positions (integers 1–11) and returns it as a bit
 * mask. `unique` rejects repeats, for lists where a repeat is a caller's bug.
 */
export function positionMask(value: unknown, name: string, unique: boolean): number {
  if (!Array.isArray(value)) throw new SafecallError('INVALID_ARGUMENT', `${name} must be an array of positions 1-11`);
  let mask = 0;
  for (const p of value as unknown[]) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 11) {
      throw new SafecallError('INVALID_ARGUMENT', `${name} must contain only integer positions 1-11`);
    }
    const bit = 1 << (p - 1);
    if (unique && mask & bit) throw new SafecallError('INVALID_ARGUMENT', `${name} must not repeat a position`);
    mask |= bit;
  }
  return mask;
}

/** The positions in `mask`, ascending. */
export function maskPositions(mask: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= 11; p++) if (mask & (1 << (p - 1))) out.push(p);
  return out;
}
