import { useSelector } from '@xstate/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { actionEvent, isSafecallError, type Locale, type PromptAction, type PromptStep, type SessionEventInput } from 'safecall-pl';
import { ActionButton } from './ActionButton.js';
import type { Agent } from './api.js';
import { resumeCall, type ActiveCall } from './calls.js';
import { CustomerKeypad } from './CustomerKeypad.js';
import { UI } from './i18n.js';
import { AnswerField } from './inputs/AnswerField.js';
import { CallbackTimes } from './inputs/CallbackTimes.js';
import { DigitPad } from './inputs/DigitPad.js';
import { PositionPicker } from './inputs/PositionPicker.js';
import { connectKeypad } from 'safecall-pl';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Outcome } from './Outcome.js';
import { RevealedDigits } from './RevealedDigits.js';
import { SCRIPT_CHOICES } from './scripts.js';
import { isTyping, matches, shortcutsOf, type Shortcut } from './shortcuts.js';
import { createDemoSoftphone } from './softphone.js';
import { saveCall } from './storage.js';

interface CallScreenProps {
  call: ActiveCall;
  agent: Agent;
  token: string;
  /** The same call continued in another session (the other language). */
  onReplace: (call: ActiveCall) => void;
  onNewCall: () => void;
}

const sameList = <T,>(a: readonly T[] | null, b: readonly T[] | null) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * One call: what to read, what to collect, the answers' buttons. Everything
 * rendered comes from `session.prompt` (read through `useSelector` on the
 * session's read-only actor); everything the agent does goes through
 * `session.send`, which the verification service backs.
 */
export function CallScreen({ call, agent, token, onReplace, onNewCall }: CallScreenProps) {
  const { session, locale, customer, scriptId } = call;
  const ui = UI[locale];
  const prompt = useSelector(session.actor, () => session.prompt);
  const recording = useSelector(session.actor, () => session.recording);
  // Positions and counts only: the digits themselves never leave the session.
  const answered = useSelector(session.actor, (snapshot) => snapshot.context.answered);
  const challenge = useSelector(session.actor, (snapshot) => snapshot.context.call?.challenge ?? null, sameList);
  const refused = useSelector(session.actor, (snapshot) => snapshot.context.mutual.refused);
  const served = useSelector(session.actor, (snapshot) => snapshot.context.call);
  const [notice, setNotice] = useState<string | undefined>();
  const [keypadStatus, setKeypadStatus] = useState<string | undefined>();
  const [switching, setSwitching] = useState(false);
  const softphone = useMemo(createDemoSoftphone, []);
  const sayRef = useRef<HTMLParagraphElement>(null);
  const scriptName = SCRIPT_CHOICES.find((choice) => choice.id === scriptId)?.name[locale] ?? scriptId;

  // Every change is saved, so a reload resumes the call (the service's state wins then).
  useEffect(() => {
    const save = () => saveCall({ v: 1, scriptId, locale, customer, snapshot: session.snapshot() });
    save();
    return session.subscribe(save);
  }, [session, scriptId, locale, customer]);

  // The softphone's keys answer digit prompts; the screen learns only that a key came.
  useEffect(
    () =>
      connectKeypad(session, softphone, {
        onKey: (event) => setKeypadStatus(event.kind === 'accepted' ? ui.keypad.accepted : ui.keypad.dropped[event.reason]),
      }),
    [session, softphone, ui],
  );

  useEffect(() => {
    setNotice(undefined);
  }, [prompt.step]);

  /** Sends what the agent recorded, unless the screen it was chosen on is gone (a double click, a late key). */
  const send = useCallback(
    (event: SessionEventInput, shownFor: PromptStep) => {
      if (session.prompt !== shownFor || session.done) return;
      try {
        session.send(event);
      } catch (error) {
        if (!isSafecallError(error)) throw error;
        setNotice(ui.call.notAllowed);
      }
    },
    [session, ui],
  );
  const fire = useCallback((action: PromptAction, shownFor: PromptStep) => send(actionEvent(action), shownFor), [send]);

  // One key per kind of answer (see shortcuts.ts); digits type into the digit pad.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const current = session.prompt;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (current.input?.kind === 'digit' && plain && /^[0-9]$/.test(event.key)) {
        event.preventDefault();
        send({ type: 'ANSWER_DIGIT', position: current.input.position, digit: event.key, via: 'voice' }, current);
        return;
      }
      const shortcuts = shortcutsOf(current.actions);
      const index = shortcuts.findIndex((shortcut) => shortcut !== undefined && matches(event, shortcut));
      const action = current.actions[index];
      if (action) {
        event.preventDefault();
        fire(action, current);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, send, fire]);

  // A step change removes the button that had focus: give it to the line to read, where the agent's eyes go.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) sayRef.current?.focus();
  }, [prompt]);

  const switchLocale = async (next: Locale) => {
    setSwitching(true);
    try {
      // The same call, read back from the service, with the script's words in the other language.
      const replacement = await resumeCall(scriptId, next, session.snapshot(), agent, customer, token);
      session.stop();
      onReplace(replacement);
    } catch {
      setSwitching(false);
      setNotice(ui.switchFailed);
    }
  };

  const shortcuts = shortcutsOf(prompt.actions);
  const slotActions: { action: PromptAction; shortcut: Shortcut | undefined }[] = [];
  const otherActions: { action: PromptAction; shortcut: Shortcut | undefined }[] = [];
  prompt.actions.forEach((action, i) => {
    const entry = { action, shortcut: shortcuts[i] };
    if (action.event === 'REQUEST_CALLBACK' && action.payload) slotActions.push(entry);
    else otherActions.push(entry);
  });
  const input = prompt.input;
  const busy = !!prompt.pending || switching;

  return (
    <div className="page" lang={locale}>
      <header className="topbar">
        <span className="brand">{ui.appName}</span>
        <span className="topbar-item">
          <span className="muted">{ui.call.customer}:</span> <strong>{customer.name}</strong>
        </span>
        <span className="topbar-item">
          <span className="muted">{ui.call.script}:</span> {scriptName}
        </span>
        <div className="topbar-end">
          <div className={`rec rec-${recording}`} role="status" data-recording={recording}>
            <span className="rec-dot" aria-hidden="true" />
            {recording === 'paused' ? ui.recording.paused : ui.recording.active}
          </div>
          <LanguageSwitch ui={ui} locale={locale} onChange={(next) => void switchLocale(next)} disabled={busy} />
        </div>
      </header>

      <div className="progress-row">
        <span id="progress-label">{ui.call.progress(prompt.progress.index, prompt.progress.total)}</span>
        <progress max={prompt.progress.total} value={prompt.progress.index} aria-labelledby="progress-label" />
      </div>

      <div className="call-layout">
        <main id="main" className="call-main" aria-busy={busy} data-step={prompt.step}>
          <h1 className="step-title">{ui.steps[prompt.step]}</h1>
          <section className="prompt" aria-labelledby="say-label">
            <h2 id="say-label" className="label">
              {ui.call.readAloud}
            </h2>
            <p className="say" ref={sayRef} tabIndex={-1}>
              {prompt.say}
            </p>
          </section>

          {prompt.revealed && <RevealedDigits ui={ui} revealed={prompt.revealed} refused={refused} />}

          {prompt.reply && (
            <section className="reply" aria-labelledby="reply-title">
              <h2 id="reply-title" className="label">
                {ui.call.replyTitle(prompt.reply.cue)}
              </h2>
              <p className="reply-say">{prompt.reply.say}</p>
            </section>
          )}

          {prompt.pending && (
            <p className="banner banner-pending" role="status">
              <span className="spinner" aria-hidden="true" />
              {ui.call.pending}
            </p>
          )}
          {prompt.step === 'verifier-error' && (
            <div className="banner banner-error" role="alert">
              <strong>{ui.call.serverDown}</strong> {ui.call.serverDownHint}
            </div>
          )}
          {notice && (
            <p className="banner banner-warn" role="alert">
              {notice}
            </p>
          )}

          {input?.kind === 'digit' && challenge && (
            <DigitPad ui={ui} challenge={challenge} answered={answered} onDigit={(digit) => send({ type: 'ANSWER_DIGIT', position: input.position, digit, via: 'voice' }, prompt)} />
          )}
          {input?.kind === 'answer' && (
            <AnswerField key={input.questionId} ui={ui} kind={input.answer} onAnswer={(value) => send({ type: 'ANSWER', questionId: input.questionId, value }, prompt)} />
          )}
          {input?.kind === 'positions' && (
            <PositionPicker ui={ui} input={input} refused={refused} onAsk={(positions) => send({ type: 'CUSTOMER_ASKS_DIGITS', positions }, prompt)} />
          )}
          {(slotActions.length > 0 || input?.kind === 'callback-time') && (
            <CallbackTimes
              ui={ui}
              slots={slotActions}
              range={input?.kind === 'callback-time' ? input : undefined}
              timeZone={session.script.callback.timeZone}
              onSlot={(action) => fire(action, prompt)}
              onTime={(at) => send({ type: 'REQUEST_CALLBACK', at }, prompt)}
            />
          )}

          {prompt.outcome ? (
            <Outcome ui={ui} outcome={prompt.outcome} call={served} onNewCall={onNewCall} />
          ) : (
            otherActions.length > 0 && (
              <section className="actions" aria-labelledby="actions-title">
                <h2 id="actions-title" className="label">
                  {ui.call.actions}
                </h2>
                <div className="action-row">
                  {otherActions.map(({ action, shortcut }) => (
                    <ActionButton key={action.event} action={action} shortcut={shortcut} disabled={switching} onFire={(a) => fire(a, prompt)} />
                  ))}
                </div>
              </section>
            )
          )}

          <div className="visually-hidden" role="status" aria-live="polite">
            {`${ui.steps[prompt.step]}: ${prompt.say}`}
          </div>
        </main>

        <aside className="call-side" aria-label={ui.call.sideTitle}>
          {prompt.note && (
            <section className="note" aria-labelledby="note-title">
              <h2 id="note-title" className="label">
                {ui.call.noteTitle}
              </h2>
              <p>{prompt.note}</p>
            </section>
          )}
          {!session.done && <CustomerKeypad ui={ui} onKey={(key) => softphone.press(key)} status={keypadStatus} />}
        </aside>
      </div>
    </div>
  );
}
