import { useEffect, useRef } from 'react';
import type { CallOutcome, CallState } from 'safecall-pl';
import type { UiTexts } from './i18n.js';

/**
 * How the call ended, as the session recorded it; a callback with its time
 * and reference; and what the verification service saw of the call
 * (positions and counts — `call` is its last word).
 */
export function Outcome({ ui, outcome, call, onNewCall }: { ui: UiTexts; outcome: CallOutcome; call: CallState | null; onNewCall: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className={`outcome outcome-${outcome.kind}`} aria-labelledby="outcome-title" data-outcome={outcome.kind}>
      <h2 id="outcome-title" ref={heading} tabIndex={-1}>
        {ui.outcome.title[outcome.kind]}
      </h2>
      {outcome.kind === 'callback-scheduled' && (
        <dl className="outcome-callback">
          <div>
            <dt>{ui.outcome.callbackAt}</dt>
            <dd>{outcome.callback.spoken}</dd>
          </div>
          <div>
            <dt>{ui.outcome.reference}</dt>
            <dd className="reference">{outcome.callback.reference}</dd>
          </div>
        </dl>
      )}
      {call && (call.challenge || call.revealed.length > 0) && (
        <dl className="outcome-summary">
          {call.challenge && (
            <>
              <dt>{ui.outcome.asked}</dt>
              <dd>
                {call.challenge.join(', ')} — {call.passed.pesel ? ui.outcome.passed : ui.outcome.notPassed}
              </dd>
            </>
          )}
          {call.revealed.length > 0 && (
            <>
              <dt>{ui.outcome.revealed}</dt>
              <dd>{call.revealed.join(', ')}</dd>
            </>
          )}
          {call.passed.questions.length > 0 && (
            <>
              <dt>{ui.outcome.questions}</dt>
              <dd>{call.passed.questions.length}</dd>
            </>
          )}
        </dl>
      )}
      <button type="button" className="btn btn-primary" onClick={onNewCall}>
        {ui.outcome.newCall}
      </button>
    </section>
  );
}
