import type { RefusedPosition } from 'safecall-pl';
import type { UiTexts } from './i18n.js';

/**
 * The digits the service allowed the agent to read out — only on the reveal
 * step, large — and what it refused, with the reason.
 */
export function RevealedDigits({ ui, revealed, refused }: { ui: UiTexts; revealed: readonly { position: number; digit: string }[]; refused: readonly RefusedPosition[] }) {
  return (
    <section className="reveal" aria-labelledby="reveal-title">
      <h2 id="reveal-title">{ui.reveal.title}</h2>
      <dl className="reveal-digits">
        {revealed.map(({ position, digit }) => (
          <div key={position} className="reveal-digit">
            <dt>{ui.reveal.position(position)}</dt>
            <dd>{digit}</dd>
          </div>
        ))}
      </dl>
      {refused.length > 0 && <RefusedList ui={ui} refused={refused} />}
    </section>
  );
}

export function RefusedList({ ui, refused }: { ui: UiTexts; refused: readonly RefusedPosition[] }) {
  return (
    <div className="refused">
      <h3 className="label">{ui.picker.refusedTitle}</h3>
      <ul>
        {refused.map(({ position, reason }) => (
          <li key={position}>
            <strong>{ui.picker.positionLabel(position)}</strong> — {ui.picker.reasons[reason]}
          </li>
        ))}
      </ul>
    </div>
  );
}
