import { useId, useState, type FormEvent } from 'react';
import type { UiTexts } from './i18n.js';

export function SignIn({ ui, rejected, onToken }: { ui: UiTexts; rejected: boolean; onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">{ui.appName}</span>
      </header>
      <main className="shell" id="main">
        <h1>{ui.signIn.title}</h1>
        {rejected && (
          <p className="banner banner-error" role="alert">
            {ui.signIn.rejected}
          </p>
        )}
        <p>{ui.signIn.explain}</p>
        <form onSubmit={submit} className="stack">
          <label htmlFor={id}>{ui.signIn.tokenLabel}</label>
          <input id={id} type="password" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} />
          <div>
            <button type="submit" className="btn btn-primary">
              {ui.signIn.submit}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
