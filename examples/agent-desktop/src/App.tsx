import { useCallback, useEffect, useState } from 'react';
import type { Locale } from 'safecall-pl';
import { forgetToken, loadQueue, QueueError, saveToken, takeToken, type Queue, type QueueEntry } from './api.js';
import { CallScreen } from './CallScreen.js';
import { describeResumeError, resumeCall, startCall, type ActiveCall } from './calls.js';
import { UI } from './i18n.js';
import { SignIn } from './SignIn.js';
import { StartScreen } from './StartScreen.js';
import { clearCall, loadCall, type StoredCall } from './storage.js';

/** Where the desktop is, from sign-in to a call. */
type Phase =
  | { kind: 'signin'; rejected: boolean }
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'idle' }
  | { kind: 'restoring'; stored: StoredCall }
  | { kind: 'restore-failed'; stored: StoredCall; retryable: boolean; code: string }
  | { kind: 'call'; call: ActiveCall };

export function App() {
  const [token, setToken] = useState<string | undefined>(() => takeToken());
  const [queue, setQueue] = useState<Queue | undefined>();
  const [phase, setPhase] = useState<Phase>(() => (token ? { kind: 'loading' } : { kind: 'signin', rejected: false }));
  const stored = phase.kind === 'restoring' || phase.kind === 'restore-failed' ? phase.stored : undefined;
  const [chosenLocale, setChosenLocale] = useState<Locale>(() => loadCall()?.locale ?? 'pl');
  const locale = phase.kind === 'call' ? phase.call.locale : (stored?.locale ?? chosenLocale);
  const ui = UI[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = ui.appName;
  }, [locale, ui]);

  // The printed link opened in a tab that is already on the page only changes the fragment.
  useEffect(() => {
    const onHash = () => {
      if (!/(?:^#|&)token=/.test(window.location.hash)) return;
      const taken = takeToken();
      if (!taken) return;
      setToken(taken);
      setPhase((current) => (current.kind === 'signin' || current.kind === 'unreachable' ? { kind: 'loading' } : current));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Sign-in → queue → (a stored call? resume it : the start screen).
  useEffect(() => {
    if (!token || phase.kind !== 'loading') return;
    let cancelled = false;
    loadQueue(token).then(
      (loaded) => {
        if (cancelled) return;
        setQueue(loaded);
        const call = loadCall();
        setPhase(call ? { kind: 'restoring', stored: call } : { kind: 'idle' });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof QueueError && error.kind === 'unauthorized') {
          forgetToken();
          setToken(undefined);
          setPhase({ kind: 'signin', rejected: true });
        } else {
          setPhase({ kind: 'unreachable' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, phase.kind]);

  useEffect(() => {
    if (phase.kind !== 'restoring' || !queue || !token) return;
    let cancelled = false;
    const { stored: call } = phase;
    resumeCall(call.scriptId, call.locale, call.snapshot, queue.agent, call.customer, token).then(
      (active) => {
        if (cancelled) active.session.stop();
        else setPhase({ kind: 'call', call: active });
      },
      (error: unknown) => {
        if (cancelled) return;
        const { retryable, code } = describeResumeError(error);
        // A refused snapshot is gone for good: the service's state won. A retryable one stays for the next try.
        if (!retryable) clearCall();
        setPhase({ kind: 'restore-failed', stored: call, retryable, code });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [phase, queue, token]);

  const begin = useCallback(
    (scriptId: string, customer: QueueEntry) => {
      if (!queue || !token) return;
      setPhase({ kind: 'call', call: startCall(scriptId, chosenLocale, queue.agent, customer, token) });
    },
    [queue, token, chosenLocale],
  );

  const endCall = useCallback(() => {
    if (phase.kind === 'call') phase.call.session.stop();
    clearCall();
    setPhase({ kind: 'idle' });
  }, [phase]);

  const replaceCall = useCallback((call: ActiveCall) => {
    setChosenLocale(call.locale);
    setPhase({ kind: 'call', call });
  }, []);

  switch (phase.kind) {
    case 'signin':
      return (
        <SignIn
          ui={ui}
          rejected={phase.rejected}
          onToken={(value) => {
            saveToken(value);
            setToken(value);
            setPhase({ kind: 'loading' });
          }}
        />
      );
    case 'loading':
      return <Shell ui={ui} status={ui.start.loading} />;
    case 'unreachable':
      return <Shell ui={ui} status={ui.start.unreachable} alert action={{ label: ui.start.retry, run: () => setPhase({ kind: 'loading' }) }} />;
    case 'restoring':
      return <Shell ui={ui} status={ui.restore.restoring} />;
    case 'restore-failed':
      return (
        <Shell
          ui={ui}
          alert
          status={phase.retryable ? ui.restore.unreachable : ui.restore.refused(ui.restore.reason(phase.code))}
          action={phase.retryable ? { label: ui.restore.retry, run: () => setPhase({ kind: 'restoring', stored: phase.stored }) } : undefined}
          secondary={{ label: ui.restore.newCall, run: endCall }}
        />
      );
    case 'idle':
      return queue && token ? <StartScreen ui={ui} queue={queue} locale={chosenLocale} onLocale={setChosenLocale} onStart={begin} /> : <Shell ui={ui} status={ui.start.loading} />;
    case 'call':
      return queue && token ? <CallScreen key={phase.call.session.id + phase.call.locale} call={phase.call} agent={queue.agent} token={token} onReplace={replaceCall} onNewCall={endCall} /> : null;
  }
}

interface ShellProps {
  ui: (typeof UI)[Locale];
  status: string;
  alert?: boolean;
  action?: { label: string; run: () => void } | undefined;
  secondary?: { label: string; run: () => void };
}

/** A page with one message: loading, unreachable, a call that cannot be resumed. */
function Shell({ ui, status, alert = false, action, secondary }: ShellProps) {
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">{ui.appName}</span>
      </header>
      <main className="shell" id="main">
        <h1 className="visually-hidden">{ui.appName}</h1>
        <p className={alert ? 'banner banner-error' : 'banner'} role={alert ? 'alert' : 'status'}>
          {status}
        </p>
        <div className="row">
          {action && (
            <button type="button" className="btn btn-primary" onClick={action.run}>
              {action.label}
            </button>
          )}
          {secondary && (
            <button type="button" className="btn" onClick={secondary.run}>
              {secondary.label}
            </button>
          )}
        </div>
      </main>
    </div>
  );
}
