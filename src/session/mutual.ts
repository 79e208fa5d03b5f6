import type { CallScript } from '../script/index.js';
import type { CallContext } from './context.js';
import type { RefusedPosition } from './outcome.js';

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Positions the customer may ask the agent for: not said in this call, not
 * already revealed, not the birth date unless the script allows it.
 */
export function revealablePositions(context: Pick<CallContext, 'said' | 'challenge' | 'mutual'>, policy: CallScript['mutual']): number[] {
  const said = new Set([...context.said, ...(context.challenge?.positions ?? [])]);
  return ALL.filter((p) => !said.has(p) && !context.mutual.revealed.includes(p) && (policy.allowBirthDate || p > 6));
}

/**
 * Splits what the customer asked for into positions that may be revealed and
 * refused ones with their reasons (DESIGN.md §4.2). Reveal happens only when
 * at least one position is allowed and the allowed ones fit the limit; asking
 * for too many reveals none (the customer chooses, not the engine).
 *
 * @example
 * ```ts
 * // The article's "tell me the last three" after the customer said the 9th:
 * assessReveal([9, 10, 11], context, policy);
 * // { allowed: [10, 11], refused: [{ position: 9, reason: 'said' }], reveal: true }
 * ```
 */
export function assessReveal(
  requested: readonly number[],
  context: Pick<CallContext, 'said' | 'challenge' | 'mutual'>,
  policy: CallScript['mutual'],
): { allowed: number[]; refused: RefusedPosition[]; reveal: boolean } {
  const said = new Set([...context.said, ...(context.challenge?.positions ?? [])]);
  const allowed: number[] = [];
  const refused: RefusedPosition[] = [];
  for (const position of [...requested].sort((a, b) => a - b)) {
    if (said.has(position)) refused.push({ position, reason: 'said' });
    else if (position <= 6 && !policy.allowBirthDate) refused.push({ position, reason: 'birth-date' });
    else allowed.push(position);
  }
  const room = policy.maxPositions - context.mutual.revealed.length;
  if (allowed.length > room) {
    return { allowed: [], refused: [...refused, ...allowed.map((position) => ({ position, reason: 'over-limit' as const }))], reveal: false };
  }
  return { allowed, refused, reveal: allowed.length > 0 };
}
