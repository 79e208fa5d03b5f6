import type { CallbackRefusal, CallbackWindow } from '../callback/index.js';
import type { CallScript, Locale, ScriptQuestion } from '../script/index.js';
import type { SessionEventInput, SessionEventType } from '../session/events.js';
import type { CallOutcome, FailureCause, RefusedPosition } from '../session/outcome.js';

/**
 * The step a prompt belongs to. Main steps follow the script's order;
 * `not-safe`, `on-hold`, `callback`, `verifying` and `verifier-error` are
 * detours; `handoff` (verified) and `closing` (any other outcome) end the call.
 */
export type StepId =
  | 'introduce'
  | 'confirm-person'
  | 'caller-id'
  | 'safe-place'
  | 'not-safe'
  | 'on-hold'
  | 'callback'
  | 'pesel-digit'
  | 'question'
  | 'mutual'
  | 'reveal'
  | 'vip-substitute'
  | 'verifying'
  | 'verifier-error'
  | 'handoff'
  | 'closing';

/** A callback time the agent can offer: the instant and how to say it. */
export interface CallbackSlot {
  /** ISO instant (UTC). */
  at: string;
  /** As the agent says it, e.g. "jutro o 8:00". */
  spoken: string;
}

/** What the desktop should collect at this step, besides the buttons. */
export type PromptInput =
  /** One PESEL digit at `position` (1-11); typed by the agent or arriving as DTMF. */
  | { kind: 'digit'; position: number }
  /** The answer to the script question `questionId`. */
  | { kind: 'answer'; questionId: string; answer: ScriptQuestion['answer'] }
  /** Mutual verification: the positions the customer asks for, at most `max`. */
  | { kind: 'positions'; max: number; suggested: number[] }
  /** A callback time between `earliest` and `latest` (ISO instants). */
  | { kind: 'callback-time'; earliest: string; latest: string; suggestions: CallbackSlot[] };

/** Fields of an event besides `type`, for a button that sends a complete event. */
export type EventPayload<T extends SessionEventType> = Omit<Extract<SessionEventInput, { type: T }>, 'type'>;

/**
 * A button the desktop renders. On click send `{ type: action.event, ...action.payload }`.
 */
export type PromptAction = {
  [T in SessionEventType]: { event: T; label: string; payload?: EventPayload<T> };
}[SessionEventType];

/**
 * What the agent desktop renders now.
 *
 * @example
 * ```ts
 * const { say, note, actions, input } = session.prompt;
 * render(say);            // the line the agent reads
 * actions.map((a) => button(a.label, () => session.send({ type: a.event, ...a.payload })));
 * ```
 */
export interface PromptStep {
  step: StepId;
  /** The line the agent reads, in the script's locale, names filled in. */
  say: string;
  /** Guidance for the agent only — never read aloud. */
  note?: string;
  actions: PromptAction[];
  input?: PromptInput;
  /** Present only on the `reveal` step: the digits the agent may read back. */
  revealed?: { position: number; digit: string }[];
  /** Position among the script's main steps (1-based), for a progress bar. */
  progress: { index: number; total: number };
  /** True while the verifier is being asked: no answer actions then. */
  pending?: boolean;
  /** On `handoff` and `closing`: how the call ended. */
  outcome?: CallOutcome;
}

/** The state of the call, as the prompts need it (secret-free but `revealed`). */
export type StepView =
  | { step: 'introduce' | 'confirm-person' | 'caller-id' | 'safe-place' | 'on-hold' | 'vip-substitute' | 'handoff' }
  | { step: 'not-safe'; slots: CallbackSlot[]; window: CallbackWindow }
  | { step: 'callback'; reason: CallbackRefusal; slots: CallbackSlot[]; window: CallbackWindow }
  | {
      step: 'pesel-digit';
      position: number;
      /** 0-based index of `position` in the challenge. */
      index: number;
      count: number;
      attempt: number;
      attempts: number;
      /** Why the previous attempt failed, on the first digit of a retry. */
      retryAfter: FailureCause | null;
    }
  | { step: 'question'; question: ScriptQuestion; attempt: number; attempts: number; retryAfter: FailureCause | null }
  | { step: 'mutual'; said: number[]; suggested: number[]; max: number; refused: RefusedPosition[] }
  | { step: 'reveal'; revealed: { position: number; digit: string }[]; refused: RefusedPosition[] }
  | { step: 'verifying'; what: VerifierTask }
  | { step: 'verifier-error'; what: VerifierTask }
  | { step: 'closing'; outcome: CallOutcome };

/** Which verifier call a pending or failed step is about. */
export type VerifierTask = 'digits' | 'answer' | 'reveal';

/** Everything besides the step that prompt texts fill in. */
export interface RenderContext {
  script: CallScript;
  locale: Locale;
  agent: { name: string };
  customer: { name: string; form?: 'pan' | 'pani' | undefined };
}

/** One locale's texts: every step's line, guidance and button labels. */
export interface LocaleTexts {
  say: { [K in StepId]: (view: Extract<StepView, { step: K }>, ctx: RenderContext) => string };
  note: { [K in StepId]?: (view: Extract<StepView, { step: K }>, ctx: RenderContext) => string | undefined };
  labels: Record<SessionEventType, string>;
  /** Button labels that read better at one step ("Numer się zgadza" rather than "Tak"). */
  stepLabels: { [K in StepId]?: Partial<Record<SessionEventType, string>> };
  /** The sentence before the first digit of an attempt (why we ask, or why we ask again); '' otherwise. */
  peselLead: (view: Extract<StepView, { step: 'pesel-digit' }>, ctx: RenderContext) => string;
  /** Label of a callback button for a suggested slot. */
  callbackAt: (slot: CallbackSlot) => string;
  /** The position as an ordinal in the form prompts use ("piątą" / "fifth"). */
  ordinal: (position: number) => string;
  /** How `{questionCount}` reads: "3 pytania weryfikacyjne" / "3 verification questions". */
  questionCount: (count: number) => string;
  /** `{substituteDates}` and `{announcedOn}`. */
  dateRange: (from: string, to: string) => string;
  date: (date: string) => string;
}
