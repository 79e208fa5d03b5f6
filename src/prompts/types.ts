import type {
  CallbackRefusal,
  CallbackSlot,
  CallOutcome,
  FailureCause,
  Form,
  Locale,
  RefusedPosition,
  SessionEventInput,
  SessionEventType,
  StepId,
  VerifierTask,
} from '../model/index.js';
import type { CallScript, ScriptQuestion } from '../script/index.js';

/** What the desktop should collect at this step, besides the buttons. */
export type PromptInput =
  /** One PESEL digit at `position` (1-11): typed by the agent, or arriving as a keypad tone. */
  | { kind: 'digit'; position: number }
  /** The answer to the script question `questionId`. */
  | { kind: 'answer'; questionId: string; answer: ScriptQuestion['answer'] }
  /**
   * Mutual verification: the positions the customer asks for, at most `max`,
   * chosen among `allowed`; `forbidden` says why each other position cannot be read out.
   */
  | { kind: 'positions'; max: number; allowed: number[]; forbidden: RefusedPosition[] }
  /** A callback time between `earliest` and `latest` (ISO instants). */
  | { kind: 'callback-time'; earliest: string; latest: string; suggestions: CallbackSlot[] };

/** Fields of an event besides `type`, for a button that sends a complete event. */
export type EventPayload<T extends SessionEventType> = Omit<Extract<SessionEventInput, { type: T }>, 'type'>;

/**
 * A button the desktop renders. On click send `actionEvent(action)`.
 *
 * @example
 * ```ts
 * const action: PromptAction = { event: 'CONFIRM', label: 'Tak, to ta osoba' };
 * ```
 */
export type PromptAction = {
  [T in SessionEventType]: { event: T; label: string; payload?: EventPayload<T> };
}[SessionEventType];

/**
 * A line for something the customer is likely to ask at this step, e.g. "Jakie
 * to transakcje?" before verification: the cue and what the agent answers.
 *
 * @example
 * ```ts
 * if (prompt.reply) renderAside(`${prompt.reply.cue} → ${prompt.reply.say}`);
 * ```
 */
export interface PromptReply {
  cue: string;
  say: string;
}

/**
 * What the agent desktop renders now.
 *
 * @example
 * ```ts
 * const { say, note, actions, input } = session.prompt;
 * render(say);            // the line the agent reads
 * actions.map((a) => button(a.label, () => session.send(actionEvent(a))));
 * ```
 */
export interface PromptStep {
  step: StepId;
  /** The line the agent reads, in the script's locale, names filled in. */
  say: string;
  /** Guidance for the agent only — never read aloud. */
  note?: string;
  /** A ready answer to what the customer may ask at this step. */
  reply?: PromptReply;
  actions: PromptAction[];
  input?: PromptInput;
  /** Present only on the `reveal` step: the digits the agent may read out. */
  revealed?: { position: number; digit: string }[];
  /** Position among the script's main steps (1-based), for a progress bar. */
  progress: { index: number; total: number };
  /** True while the verification service is being asked: no answer actions then. */
  pending?: boolean;
  /** On `handoff` and `closing`: how the call ended. */
  outcome?: CallOutcome;
}

/** The state of the call as the prompts need it: secret-free, except `revealed` on the reveal step. */
export type StepView =
  | { step: 'introduce' }
  | { step: 'vip-substitute' }
  | { step: 'purpose' }
  | { step: 'caller-id' }
  | { step: 'on-hold' }
  | { step: 'handoff' }
  /** `afterHold`: the customer stepped aside and came back — ask briefly. */
  | { step: 'safe-place'; afterHold: boolean; questions: number }
  | { step: 'not-safe'; slots: CallbackSlot[]; window: { earliest: string; latest: string } | undefined }
  | { step: 'callback'; reason: CallbackRefusal; slots: CallbackSlot[]; window: { earliest: string; latest: string } | undefined }
  /** "I'll ask for a few digits — not the whole number. Shall we start?" */
  | { step: 'consent'; count: number }
  | {
      step: 'pesel-digit';
      position: number;
      /** 0-based index of `position` in the challenge. */
      index: number;
      count: number;
      /** The position asked before this one in the same attempt (for "A ósma?"), or null on the first. */
      previous: number | null;
      attempt: number;
      attempts: number;
      /** Why the previous attempt failed, on the first digit of a retry. */
      retryAfter: FailureCause | null;
    }
  | { step: 'question'; question: ScriptQuestion; index: number; attempt: number; attempts: number; retryAfter: FailureCause | null }
  /**
   * `said`: positions the customer said in this call; `allowed`: what may be asked for; `max`: how many
   * still; `refused`: what the customer's last request asked that cannot be read out, and why;
   * `forbidden`: every position that cannot be asked for now, and why (for a position picker).
   */
  | { step: 'mutual'; said: number[]; allowed: number[]; max: number; refused: RefusedPosition[]; forbidden: RefusedPosition[] }
  | { step: 'reveal'; revealed: { position: number; digit: string }[]; refused: RefusedPosition[] }
  | { step: 'verifying'; what: VerifierTask }
  | { step: 'verifier-error'; what: VerifierTask }
  | { step: 'closing'; outcome: CallOutcome };

/**
 * Everything besides the step that prompt texts fill in.
 *
 * @example
 * ```ts
 * const ctx: RenderContext = { script, locale: 'pl', agent: { name: 'Anna Zielińska', form: 'pani' }, customer: { name: 'Jan Kowalski', form: 'pan' } };
 * ```
 */
export interface RenderContext {
  script: CallScript;
  locale: Locale;
  /** The agent; `form` is their own gender in Polish ("jestem Pana opiekunką"). */
  agent: { name: string; form?: Form | undefined };
  /** The customer; `form` is how Polish prompts address them (required for Polish scripts). */
  customer: { name: string; form?: Form | undefined };
}

/** A function that says one step's line. */
type Say<K extends StepView['step']> = (view: Extract<StepView, { step: K }>, ctx: RenderContext) => string;
/** A function that gives one step's note, or nothing. */
type Note<K extends StepView['step']> = (view: Extract<StepView, { step: K }>, ctx: RenderContext) => string | undefined;

/**
 * One locale's texts: every step's line, guidance and button labels. Words only:
 * the rendering logic is shared (`renderPrompt`).
 *
 * @example
 * ```ts
 * const texts: LocaleTexts = pl;
 * ```
 */
export interface LocaleTexts {
  say: { [K in StepView['step']]: Say<K> };
  note: { [K in StepView['step']]?: Note<K> };
  /** Lines for what the customer may ask at a step (e.g. the details of the matter before verification). */
  reply: { [K in StepView['step']]?: (view: Extract<StepView, { step: K }>, ctx: RenderContext) => PromptReply | undefined };
  labels: Record<SessionEventType, string>;
  /** Button labels that read better at one step ("Numer się zgadza" rather than "Tak"). */
  stepLabels: { [K in StepView['step']]?: Partial<Record<SessionEventType, string>> };
  /** Label of a callback button for a suggested slot. */
  callbackAt: (slot: CallbackSlot) => string;
  /** The values of script placeholders that depend on the locale (`{ordinal}`, `{questionCount}`, `{youGen}`, dates…). */
  placeholders: (view: StepView, ctx: RenderContext) => Readonly<Record<string, string | undefined>>;
}
