import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PromptInput, RefusalReason, RefusedPosition } from 'safecall-pl';
import type { UiTexts } from '../i18n.js';
import { RefusedList } from '../RevealedDigits.js';
import { ASK_DIGITS, isTyping, matches } from '../shortcuts.js';

type PositionsInput = Extract<PromptInput, { kind: 'positions' }>;

const POSITIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface PositionPickerProps {
  ui: UiTexts;
  input: PositionsInput;
  /** What the service refused of the customer's last request, and why. */
  refused: readonly RefusedPosition[];
  onAsk: (positions: number[]) => void;
}

/**
 * Mutual verification: the positions the customer asks the agent for. Only
 * `input.allowed` can be selected; every other position is shown greyed with
 * its reason, and choosing one says why it cannot be read out (a position the
 * customer said in this call proves nothing; 1–6 are the birth date).
 */
export function PositionPicker({ ui, input, refused, onAsk }: PositionPickerProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [message, setMessage] = useState('');
  const firstAllowed = useRef<HTMLButtonElement>(null);
  const reasons = new Map<number, RefusalReason>(input.forbidden.map((f) => [f.position, f.reason]));
  const reasonOf = (position: number): RefusalReason | 'unavailable' => reasons.get(position) ?? 'unavailable';

  useLayoutEffect(() => {
    // Keyboard users land on the first position they may select.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) firstAllowed.current?.focus();
  }, []);

  const choose = (position: number) => {
    if (!input.allowed.includes(position)) {
      setMessage(`${ui.picker.positionLabel(position)}: ${ui.picker.reasons[reasonOf(position)]}`);
      return;
    }
    if (selected.includes(position)) {
      setSelected(selected.filter((p) => p !== position));
      setMessage('');
    } else if (selected.length >= input.max) {
      setMessage(ui.picker.tooMany(input.max));
    } else {
      setSelected([...selected, position].sort((a, b) => a - b));
      setMessage('');
    }
  };

  const ask = () => {
    if (selected.length > 0) onAsk(selected);
  };
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || isTyping(event.target) || !matches(event, ASK_DIGITS)) return;
      event.preventDefault();
      askRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  let first = true;
  return (
    <section className="picker" aria-labelledby="picker-title">
      <h2 id="picker-title" className="label">
        {ui.picker.title}
      </h2>
      <p className="hint">{ui.picker.explain(input.max)}</p>
      <div className="positions" role="group" aria-labelledby="picker-title">
        {POSITIONS.map((position) => {
          const allowed = input.allowed.includes(position);
          const ref = allowed && first ? firstAllowed : undefined;
          if (allowed) first = false;
          return (
            <button
              key={position}
              ref={ref}
              type="button"
              className={allowed ? 'position' : 'position position-forbidden'}
              aria-pressed={allowed ? selected.includes(position) : undefined}
              aria-disabled={allowed ? undefined : true}
              data-position={position}
              onClick={() => choose(position)}
            >
              <span className="position-number">{position}</span>
              {!allowed && <span className="position-why">{ui.picker.short[reasonOf(position)]}</span>}
            </button>
          );
        })}
      </div>
      <p className="picker-message" role="status" aria-live="polite">
        {message}
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={selected.length === 0} aria-keyshortcuts="A" onClick={ask}>
          <span>{ui.picker.submit}</span>
          <kbd aria-hidden="true">{ASK_DIGITS.label}</kbd>
        </button>
        <span className="muted">{ui.picker.selected(selected)}</span>
      </div>
      {refused.length > 0 && <RefusedList ui={ui} refused={refused} />}
    </section>
  );
}
