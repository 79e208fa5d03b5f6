import type { CallState, RefusedPosition } from '../model/index.js';
import type { CallScript } from '../script/index.js';

const SERIAL_AND_DATE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Splits what the customer asked for into positions the rules allow and
 * refused ones with their reasons (DESIGN rule 2), from the service's state of
 * the call: never a position said in this call (the challenge), never the
 * birth date unless the script allows, never over `mutual.maxPositions`.
 * Asking for more than the limit reveals none (the customer chooses, not the
 * engine). The service checks all of it again, and the disclosure floor too.
 *
 * `requested` empty gives what could be asked now (`allowed`) and why the
 * other positions cannot (`refused`).
 *
 * @example
 * ```ts
 * // The article's "tell me the last three" after the customer said 5, 8 and 9:
 * assessReveal([9, 10, 11], call, script.mutual);
 * // { allowed: [10, 11], refused: [{ position: 9, reason: 'said' }], reveal: true }
 * ```
 */
export function assessReveal(requested: readonly number[], call: Pick<CallState, 'challenge' | 'revealed'>, policy: CallScript['mutual']): { allowed: number[]; refused: RefusedPosition[]; reveal: boolean } {
  const said = call.challenge ?? [];
  const room = policy.maxPositions - call.revealed.length;
  const asked = requested.length ? [...requested].sort((a, b) => a - b) : SERIAL_AND_DATE;
  const allowed: number[] = [];
  const refused: RefusedPosition[] = [];
  for (const position of asked) {
    if (said.includes(position)) refused.push({ position, reason: 'said' });
    else if (call.revealed.includes(position)) continue;
    else if (position <= 6 && !policy.allowBirthDate) refused.push({ position, reason: 'birth-date' });
    else if (room <= 0) refused.push({ position, reason: 'over-limit' });
    else allowed.push(position);
  }
  if (requested.length && allowed.length > room) {
    return { allowed: [], refused: [...refused, ...allowed.map((position) => ({ position, reason: 'over-limit' as const }))].sort((a, b) => a.position - b.position), reveal: false };
  }
  return { allowed, refused, reveal: requested.length > 0 && allowed.length > 0 };
}
