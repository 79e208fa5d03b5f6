import type { RedactedTurn } from './turns.js';
import type { SimulationResult } from './transcript.js';

/**
 * Options of {@link formatTranscript}.
 *
 * @example
 * ```ts
 * formatTranscript(result, { hideSystem: true });
 * ```
 */
export interface FormatTranscriptOptions {
  /** Leave out `system` lines (recording paused/resumed). Default false. */
  hideSystem?: boolean;
}

function describeOutcome(outcome: SimulationResult['outcome']): string {
  if (!outcome) return 'none (the call had not ended when the turns ran out)';
  if (outcome.kind === 'callback-scheduled') return `callback-scheduled at ${outcome.callback.at} (“${outcome.callback.spoken}”, ref ${outcome.callback.reference})`;
  return 'reason' in outcome ? `${outcome.kind} (${outcome.reason})` : outcome.kind;
}

function eventTag(event: RedactedTurn): string {
  return event.type === 'WAIT' ? 'WAIT' : event.type;
}

/**
 * A simulated call as readable text: a header, one line per agent prompt,
 * customer turn and system notice, and the outcome. Customer lines show the
 * button the agent would click and the event sent, with digits and answers
 * redacted.
 *
 * @example
 * ```ts
 * console.log(formatTranscript(await simulateCall(script, customerBot('cooperative'))));
 * // fraud-alert v3 (pl) · session sim-1 · customer: cooperative · 2026-11-23T13:00:00.000Z
 * //   AGENT     [introduce]       Dzień dobry, tu Bank Komercyjny, ...
 * //   CUSTOMER  [introduce]       Klient zgadza się kontynuować (CONFIRM)
 * //   ...
 * // OUTCOME: verified
 * ```
 */
export function formatTranscript(result: SimulationResult, options: FormatTranscriptOptions = {}): string {
  const lines = [`${result.script.id} v${result.script.version} (${result.script.locale}) · session ${result.sessionId} · customer: ${result.customer} · ${result.startedAt}`];
  const width = Math.max(0, ...result.transcript.map((entry) => entry.step.length)) + 2;
  for (const entry of result.transcript) {
    const step = `[${entry.step}]`.padEnd(width + 1);
    if (entry.who === 'agent') lines.push(`  AGENT     ${step} ${entry.say}`);
    else if (entry.who === 'customer') lines.push(`  CUSTOMER  ${step} ${entry.text} (${eventTag(entry.event)})`);
    else if (!options.hideSystem) lines.push(`  ·         ${step} ${entry.text}`);
  }
  lines.push(`OUTCOME: ${describeOutcome(result.outcome)} · ${result.turns} turn${result.turns === 1 ? '' : 's'} · ended ${result.endedAt}`);
  return lines.join('\n');
}
