import { useId, useState, type FormEvent } from 'react';
import type { UiTexts } from '../i18n.js';

/** The answer to a script question, typed as the customer says it; sent on Enter. */
export function AnswerField({ ui, kind, onAnswer }: { ui: UiTexts; kind: 'text' | 'number' | 'date'; onAnswer: (value: string) => void }) {
  const [value, setValue] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    onAnswer(value.trim());
    setValue('');
  };
  return (
    <form className="answer" onSubmit={submit}>
      <label htmlFor={id} className="label">
        {ui.answer.label}
      </label>
      <div className="row">
        <input
          id={id}
          className="answer-input"
          // The agent's hands are on the keyboard when the question appears.
          autoFocus
          autoComplete="off"
          spellCheck={false}
          inputMode={kind === 'number' ? 'numeric' : 'text'}
          placeholder={kind === 'date' ? ui.answer.datePlaceholder : undefined}
          maxLength={200}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={!value.trim()}>
          <span>{ui.answer.submit}</span>
          <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
