import * as z from 'zod/mini';

/**
 * A PESEL digit position, 1–11 (1 is the first digit of the birth year, 11 the
 * check digit).
 *
 * @example
 * ```ts
 * z.parse(positionSchema, 7); // 7
 * ```
 */
export const positionSchema = z.int().check(z.minimum(1), z.maximum(11));

/**
 * Distinct positions, in any order.
 *
 * @example
 * ```ts
 * z.safeParse(positionsSchema, [5, 5]).success; // false
 * ```
 */
export const positionsSchema = z.array(positionSchema).check(
  z.maxLength(11),
  z.refine((p) => new Set(p).size === p.length, 'positions must be distinct'),
);
