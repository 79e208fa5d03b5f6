import { useId, useState, type FormEvent } from 'react';
import type { Locale } from 'safecall-pl';
import type { Queue, QueueEntry } from './api.js';
import type { UiTexts } from './i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SCRIPT_CHOICES } from './scripts.js';

interface StartScreenProps {
  ui: UiTexts;
  queue: Queue;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  onStart: (scriptId: string, customer: QueueEntry) => void;
}

/** The script picker and the customer from the queue. */
export function StartScreen({ ui, queue, locale, onLocale, onStart }: StartScreenProps) {
  const [scriptId, setScriptId] = useState(SCRIPT_CHOICES[0]?.id ?? '');
  const [ref, setRef] = useState(queue.customers[0]?.ref ?? '');
  const scriptField = useId();
  const customerField = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const customer = queue.customers.find((c) => c.ref === ref);
    if (customer && scriptId) onStart(scriptId, customer);
  };
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">{ui.appName}</span>
        <span className="topbar-item">{ui.start.agent(queue.agent.name)}</span>
        <div className="topbar-end">
          <LanguageSwitch ui={ui} locale={locale} onChange={onLocale} />
        </div>
      </header>
      <main className="shell" id="main">
        <h1>{ui.start.title}</h1>
        <form className="stack start-form" onSubmit={submit}>
          <label htmlFor={scriptField}>{ui.start.script}</label>
          <select
            id={scriptField}
            value={scriptId}
            onChange={(event) => {
              setScriptId(event.target.value);
              // A script is said in the language it was written in, unless the agent switches.
              const choice = SCRIPT_CHOICES.find((c) => c.id === event.target.value);
              if (choice) onLocale(choice.locale);
            }}
          >
            {SCRIPT_CHOICES.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name[locale]} · v{choice.version} · {choice.locale.toUpperCase()}
              </option>
            ))}
          </select>
          <label htmlFor={customerField}>{ui.start.customer}</label>
          <select id={customerField} value={ref} onChange={(event) => setRef(event.target.value)}>
            {queue.customers.map((customer) => (
              <option key={customer.ref} value={customer.ref}>
                {customer.name} — {customer.topic[locale]}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" className="btn btn-primary btn-large">
              {ui.start.begin}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
