import type { AuditEvent } from './events.js';

const list = (positions: readonly number[]) => (positions.length ? positions.join(', ') : 'none');
const bits = (value: number) => `${value.toFixed(1)} bits`;

/**
 * One audit event in plain English, as a reviewer reads a call: what
 * happened, with positions, counts and reasons (an audit event never holds a
 * digit or an answer, so neither does this). The text is not escaped: use
 * `escapeControlCharacters` before printing it to a terminal.
 *
 * @example
 * ```ts
 * describeAuditEvent(event); // 'asked PESEL positions 5, 8, 9 (6.6 bits), attempt 1'
 * ```
 */
export function describeAuditEvent(event: AuditEvent): string {
  switch (event.type) {
    case 'call-started':
      return event.data.restored ? `call restored on the desktop (agent ${event.data.agentId})` : `call started by agent ${event.data.agentId} (${event.data.locale})`;
    case 'step-entered':
      return `→ ${event.step}`;
    case 'safe-place':
      return event.data.safe ? 'customer is somewhere safe' : 'customer is NOT somewhere safe';
    case 'hold':
      return 'customer steps aside (hold)';
    case 'resume':
      return 'customer is back (resume)';
    case 'consent':
      return event.data.given ? 'customer agreed to the verification questions' : 'customer declined the verification questions';
    case 'challenge-issued':
      return `asked PESEL positions ${list(event.data.positions)} (${bits(event.data.strengthBits)}), attempt ${event.data.attempt}${event.data.reissued ? ', same positions as an earlier failed call' : ''}`;
    case 'challenge-exhausted':
      return event.data.then === 'questions' ? 'no PESEL challenge strong enough: questions only' : 'no PESEL challenge strong enough: the customer is asked to call the official number';
    case 'digit-given':
      return `digit for position ${event.data.position} given by ${event.data.via}`;
    case 'challenge-passed':
      return `PESEL challenge passed on attempt ${event.data.attempt}`;
    case 'challenge-failed':
      return `PESEL challenge failed on attempt ${event.data.attempt} (${event.data.cause}), ${event.data.attemptsLeft} left`;
    case 'question-passed':
      return `question ${event.data.questionId} passed on attempt ${event.data.attempt}`;
    case 'question-failed':
      return `question ${event.data.questionId} failed on attempt ${event.data.attempt} (${event.data.cause}), ${event.data.attemptsLeft} left`;
    case 'verifier-error':
      return `verification service ${event.data.cause} during ${event.data.task}`;
    case 'recording':
      return event.data.recording === 'pause' ? 'recording paused' : 'recording resumed';
    case 'mutual-requested': {
      const refused = event.data.refused.map((r) => `${r.position} (${r.reason})`).join(', ');
      return `customer asked for positions ${list(event.data.requested)}: allowed ${list(event.data.allowed)}${refused ? `, refused ${refused}` : ''}`;
    }
    case 'mutual-declined':
      return 'customer did not ask for digits back';
    case 'reveal-refused':
      return `verification service refused to reveal ${event.data.refused.map((r) => `${r.position} (${r.reason})`).join(', ') || 'the positions asked'}`;
    case 'digits-revealed':
      return `agent read back positions ${list(event.data.positions)} (${bits(event.data.bitsLeft)} left unspoken)`;
    case 'mutual-result':
      return event.data.matches ? 'customer confirmed the digits read back' : 'customer said the digits read back DO NOT match';
    case 'callback-planned':
      return `callback planned at ${event.data.at} (reference ${event.data.reference})`;
    case 'callback-refused':
      return `callback time refused (${event.data.reason})`;
    case 'outcome':
      return `OUTCOME ${event.data.kind}${event.data.reason ? ` (${event.data.reason})` : ''}`;
    default: {
      const exhaustive: never = event;
      return `event ${(exhaustive as { type: string }).type}`;
    }
  }
}
