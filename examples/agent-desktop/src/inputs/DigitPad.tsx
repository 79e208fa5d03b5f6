import { useRef } from 'react';
import type { UiTexts } from '../i18n.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

interface DigitPadProps {
  ui: UiTexts;
  /** The positions of this attempt, in the order asked. */
  challenge: readonly number[];
  /** How many of them the customer has given. */
  answered: number;
  onDigit: (digit: string) => void;
}

/**
 * The agent types the digit the customer says (keys 0–9 work anywhere on the
 * page). A digit is sent at once and never shown: each given position gets a
 * "•". Nothing in this panel that changes as digits arrive is a numeral
 * (the count is in words), so the screen cannot betray a digit.
 */
export function DigitPad({ ui, challenge, answered, onDigit }: DigitPadProps) {
  const pad = useRef<HTMLDivElement>(null);
  // Two quick clicks on one key are two digits (digits repeat in a PESEL): unlike answer buttons, no double-click guard.
  const press = (key: string) => {
    onDigit(key);
    // A focused key would show which digit was typed last: focus goes back to the pad itself.
    pad.current?.focus();
  };
  return (
    <section className="digits" aria-labelledby="digits-title">
      <h2 id="digits-title" className="label">
        {ui.digits.title}
      </h2>
      <ol className="challenge" aria-label={ui.digits.challenge}>
        {challenge.map((position, i) => (
          <li key={position} className={i < answered ? 'given' : i === answered ? 'current' : 'waiting'} aria-current={i === answered ? 'step' : undefined}>
            <span className="challenge-position">
              <span className="visually-hidden">{ui.digits.position} </span>
              {position}
            </span>
            <span className="challenge-dot" aria-hidden="true">
              {i < answered ? '•' : ''}
            </span>
          </li>
        ))}
      </ol>
      <p className="received" aria-live="polite">
        {ui.digits.received(answered, challenge.length)}
      </p>
      <div className="pad" role="group" aria-label={ui.digits.padLabel} ref={pad} tabIndex={-1}>
        {KEYS.map((key) => (
          <button key={key} type="button" className="pad-key" onClick={() => press(key)}>
            {key}
          </button>
        ))}
      </div>
      <p className="hint">{ui.digits.hint}</p>
    </section>
  );
}
