import type { OutcomeKind, RefusalReason } from '../model/index.js';

/**
 * What the verification service reports to its `onEvent` hook: the server's
 * own trail of every decision. Positions, counts and ids — never a digit, an
 * answer or the customer reference.
 *
 * @example
 * ```ts
 * createVerificationService({ ...options, onEvent: (event) => logger.info(event) });
 * ```
 */
export type ServiceEvent =
  | { type: 'call-opened'; at: string; callId: string; scriptId: string; scriptVersion: number; agentId: string; challenge: number[] | null; reissued: boolean; bits: number }
  | { type: 'attempt'; at: string; callId: string; item: string; result: 'pass' | 'fail' | 'void' | 'locked' | 'exhausted' }
  | { type: 'revealed'; at: string; callId: string; positions: number[]; bitsLeft: number }
  | { type: 'reveal-refused'; at: string; callId: string; reason: RefusalReason | 'not-passed' | 'locked' | 'mutual-off' }
  | { type: 'closed'; at: string; callId: string; outcome: OutcomeKind }
  | { type: 'close-refused'; at: string; callId: string; claimed: OutcomeKind };
