import { useId, useState, type FormEvent } from 'react';
import type { PromptAction, PromptInput } from 'safecall-pl';
import { ActionButton } from '../ActionButton.js';
import type { UiTexts } from '../i18n.js';
import type { Shortcut } from '../shortcuts.js';

type CallbackWindow = Extract<PromptInput, { kind: 'callback-time' }>;

/** An ISO instant as the wall time of `timeZone`, in the form a datetime-local field takes ("2026-11-23T14:15"). */
function wallTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

interface CallbackTimesProps {
  ui: UiTexts;
  /** The slots the script offers now, as buttons (keys 1–9). */
  slots: readonly { action: PromptAction; shortcut: Shortcut | undefined }[];
  range: CallbackWindow | undefined;
  /** The script's callback time zone: the customer's times are Polish times. */
  timeZone: string;
  onSlot: (action: PromptAction) => void;
  /** Another time, as a wall time in `timeZone`; the session plans it or says why not. */
  onTime: (at: string) => void;
}

export function CallbackTimes({ ui, slots, range, timeZone, onSlot, onTime }: CallbackTimesProps) {
  const id = useId();
  const [value, setValue] = useState('');
  const min = range ? wallTime(range.earliest, timeZone) : undefined;
  const max = range ? wallTime(range.latest, timeZone) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) onTime(value);
  };
  return (
    <section className="callback" aria-labelledby="callback-title">
      <h2 id="callback-title" className="label">
        {ui.callback.slots}
      </h2>
      {slots.length > 0 && (
        <div className="action-row">
          {slots.map(({ action, shortcut }, i) => (
            <ActionButton key={i} action={action} shortcut={shortcut} onFire={onSlot} />
          ))}
        </div>
      )}
      {range && min && max && (
        <form className="row callback-other" onSubmit={submit}>
          <label htmlFor={id}>{ui.callback.other}</label>
          <input id={id} type="datetime-local" min={min} max={max} step={300} value={value} onChange={(event) => setValue(event.target.value)} aria-describedby={`${id}-range`} />
          <span id={`${id}-range`} className="muted">
            {ui.callback.otherLabel(min.replace('T', ' '), max.replace('T', ' '))}
          </span>
          <button type="submit" className="btn" disabled={!value}>
            {ui.callback.submit}
          </button>
        </form>
      )}
    </section>
  );
}
