import { useRef } from 'react';
import type { UiTexts } from './i18n.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * Stands in for the customer's phone: each key goes to the demo softphone,
 * which `connectKeypad` listens to. The panel never learns what a key did
 * beyond the session's report (accepted, or dropped and why).
 */
export function CustomerKeypad({ ui, onKey, status }: { ui: UiTexts; onKey: (key: string) => void; status: string | undefined }) {
  const keys = useRef<HTMLDivElement>(null);
  return (
    <section className="keypad" aria-labelledby="keypad-title">
      <h2 id="keypad-title" className="label">
        {ui.keypad.title}
      </h2>
      <p className="hint">{ui.keypad.explain}</p>
      <div className="keypad-keys" role="group" aria-labelledby="keypad-title" data-testid="customer-keypad" ref={keys} tabIndex={-1}>
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="keypad-key"
            onClick={() => {
              onKey(key);
              // The customer's key must not stay lit on the agent's screen.
              keys.current?.focus();
            }}
          >
            {key}
          </button>
        ))}
      </div>
      <p className="keypad-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
    </section>
  );
}
