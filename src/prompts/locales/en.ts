import type { CallOutcome, CallbackSlot, FailedReason, FailureCause, RefusedPosition, WillCallBackReason } from '../../model/index.js';
import { sayDay, sayDayRange } from '../dates.js';
import { afterColon, examplePositions, joinList, sentences } from '../fill.js';
import { askable, peselAmongQuestions, questionTotal, refusedByReason, withDetailsNote } from '../flow.js';
import { EN_ADDRESS } from '../forms.js';
import { enNumber, enOrdinal } from '../ordinals.js';
import { placeholderValues, purposeText, scriptText, type PlaceholderWords } from '../placeholders.js';
import type { LocaleTexts, PromptReply, RenderContext, StepView } from '../types.js';

/*
 * English prompts, written to be said on the phone: contractions, plain
 * words, "or" in lists of options, British dates ("23 November").
 */

type Pesel = Extract<StepView, { step: 'pesel-digit' }>;
type Mutual = Extract<StepView, { step: 'mutual' }>;

/** "from 23 to 27 November", or "on" the one day. */
function substituteDates(from: string, to: string): string {
  return from === to ? `on ${sayDay(from, 'en')}` : `from ${sayDayRange(from, to, 'en')}`;
}

const WORDS: PlaceholderWords = {
  you: EN_ADDRESS,
  questionCount: (n) => `${enNumber(n)} verification question${n === 1 ? '' : 's'}`,
  ordinal: enOrdinal,
  substituteDates,
  day: (date) => sayDay(date, 'en'),
};

/** "Mr Jan Kowalski" when the form is known, else the name alone. */
function titled(ctx: RenderContext): string {
  const form = ctx.customer.form;
  return form ? `${form === 'pan' ? 'Mr' : 'Ms'} ${ctx.customer.name}` : ctx.customer.name;
}

function offerSlots(slots: readonly CallbackSlot[], also: boolean): string {
  const can = also ? 'We can also call you' : 'We can call you';
  if (slots.length === 1) return `${can} ${slots[0]!.spoken}. Does that suit you?`;
  return `${can} ${joinList(slots.map((s) => s.spoken), 'or')}. Which time suits you?`;
}

function callUs(ctx: RenderContext, later: boolean): string {
  return `Please call us${later ? ' later' : ''} on ${ctx.script.institution.officialNumber} — it's the same number as on your card and our website.`;
}

// The caller may be the fraudster: no number is read out, the customer dials one they already know.
const DIAL_KNOWN_NUMBER = 'Please hang up and call the number on your card or on our website.';

function digits(positions: readonly number[], conjunction: string): string {
  return `${joinList(positions.map(enOrdinal), conjunction)} digit${positions.length === 1 ? '' : 's'}`;
}

function refusals(refused: readonly RefusedPosition[], ctx: RenderContext): string {
  const by = refusedByReason(refused);
  const said = by.said.length
    ? `You gave me the ${digits(by.said, 'and')} a moment ago, so repeating ${by.said.length === 1 ? 'it' : 'them'} wouldn't confirm anything.`
    : '';
  const birth = by['birth-date'].length ? 'The first six digits are your date of birth, which a stranger might know too, so they wouldn\'t confirm anything.' : '';
  const disclosure = by.disclosure.length
    ? `I can't read out the ${digits(by.disclosure, 'or')}: together with the digits already said in our calls, ${by.disclosure.length === 1 ? 'it' : 'they'} would give away too much of your number.`
    : '';
  const max = ctx.script.mutual.maxPositions;
  const limit = by['over-limit'].length ? `I'll read out no more than ${enNumber(max)} digit${max === 1 ? '' : 's'} on this call.` : '';
  return sentences(said, birth, disclosure, limit);
}

function mutual(view: Mutual, ctx: RenderContext): string {
  const positions = askable(view);
  const count = Math.min(view.max, positions.length);
  const choice = positions.length > count;
  const examples = `the ${joinList(examplePositions(positions).map(enOrdinal), 'or')}`;
  const exact = `the ${digits(positions, 'and')}`;
  if (view.refused.length) {
    const next = choice ? `Please choose ${count === 1 ? 'another digit' : 'other digits'}, for example ${examples}.` : positions.length ? `I can read out ${exact}.` : '';
    return sentences(refusals(view.refused, ctx), next);
  }
  const ask = choice
    ? `ask me for any ${count === 1 ? 'one digit' : `${enNumber(count)} digits`} of your PESEL other than the ones you gave me, for example ${examples}.`
    : `ask me for ${exact} of your PESEL.`;
  return `That's right. Now you can check that it really is ${ctx.script.institution.name} calling: ${ask}`;
}

function reveal(view: Extract<StepView, { step: 'reveal' }>, ctx: RenderContext): string {
  const [first, ...rest] = view.revealed;
  if (!first) return sentences(refusals(view.refused, ctx));
  const parts = [`The ${enOrdinal(first.position)} digit is ${first.digit}`, ...rest.map((r) => `the ${enOrdinal(r.position)} is ${r.digit}`)];
  const said = parts.length === 2 ? `${parts[0]}, and ${parts[1]}` : joinList(parts, 'and');
  return sentences(refusals(view.refused, ctx), `${said}. Is that right?`);
}

const RETRY = "Let's try again with the same digits.";

/**
 * The sentence before the first digit of a retry: why we ask again, never
 * which digit was wrong. Kept when a script overrides the ask.
 *
 * @example
 * ```ts
 * enRetryLead({ step: 'pesel-digit', position: 5, index: 0, count: 3, previous: null, attempt: 2, attempts: 2, retryAfter: 'wrong' });
 * // "Let's try again with the same digits."
 * ```
 */
export function enRetryLead(view: Pesel): string {
  if (view.index > 0 || view.attempt <= 1) return '';
  return sentences(causeLead(view.retryAfter, true), RETRY);
}

/** Why we ask again, kindly: the ID card helps with the PESEL, not with a knowledge question. */
function causeLead(cause: FailureCause | null, pesel: boolean): string {
  if (cause === 'timeout') return "I can't hear an answer.";
  if (cause === 'dont-know') return pesel ? "That's all right, take your time — you can check your ID card." : "That's all right, take your time.";
  return '';
}

function peselAsk(view: Pesel, ctx: RenderContext): string {
  const keypad = ctx.script.pesel.channel === 'keypad';
  const ordinal = enOrdinal(view.position);
  if (view.index > 0) return keypad ? `And now the ${ordinal}.` : `And the ${ordinal}?`;
  if (view.attempt > 1) {
    return keypad ? `Please type the ${ordinal} digit of your PESEL on your phone's keypad.` : `Please tell me the ${ordinal} digit of your PESEL.`;
  }
  return keypad ? `Please type the ${ordinal} digit on your phone's keypad.` : `The ${ordinal} digit?`;
}

function willCallBack(reason: WillCallBackReason, ctx: RenderContext): string {
  switch (reason) {
    case 'caller-id-mismatch':
      return sentences('You were right to check.', DIAL_KNOWN_NUMBER, 'Goodbye.');
    case 'vip-doubt':
      return "I understand, and thank you for being careful. Please hang up and call the number on your card or on our website — they'll confirm who is standing in for your advisor. Goodbye.";
    case 'challenge-exhausted':
      return sentences("For security reasons I won't finish the verification by phone today.", callUs(ctx, false), 'Goodbye.');
    case 'customer-request':
      return sentences('Of course.', callUs(ctx, false), 'Goodbye.');
  }
}

function failed(reason: FailedReason, ctx: RenderContext): string {
  switch (reason) {
    case 'mutual-mismatch':
      return sentences('Thank you for checking.', `As the digits don't match, ${afterColon(DIAL_KNOWN_NUMBER)}`, 'Goodbye.');
    case 'verifier-unavailable':
      return sentences("I'm sorry, for technical reasons I can't finish the verification now.", callUs(ctx, true), 'Goodbye.');
    case 'challenge-failed':
    case 'question-failed':
      return sentences("I'm sorry, I couldn't confirm your identity, so I can't continue this call.", callUs(ctx, false), 'Goodbye.');
  }
}

function closing(outcome: CallOutcome, ctx: RenderContext): string {
  switch (outcome.kind) {
    case 'verified':
      return "Thank you, that's all confirmed.";
    case 'wrong-person':
      return "I'm sorry, I must have the wrong number. Goodbye.";
    case 'customer-will-call-back':
      return willCallBack(outcome.reason, ctx);
    case 'callback-scheduled':
      return `We'll call you ${outcome.callback.spoken} from the same number as today — it'll show as “${ctx.script.institution.callerIdLabel}”. Your reference is ${outcome.callback.reference}: you can quote it if you'd like to call us before then. Goodbye.`;
    case 'failed':
      return failed(outcome.reason, ctx);
    case 'locked':
      return sentences("For security reasons I can't continue the verification now.", callUs(ctx, true), 'Goodbye.');
    case 'abandoned':
      return 'The call has ended.';
  }
}

function closingNote(outcome: CallOutcome): string | undefined {
  switch (outcome.kind) {
    case 'wrong-person':
      return 'Give no information about the matter or the customer.';
    case 'customer-will-call-back':
      if (outcome.reason === 'challenge-exhausted') return "Too many PESEL positions were said in the customer's recent calls to ask for more safely.";
      if (outcome.reason === 'customer-request') return undefined;
      return 'Give no phone number: the customer will call a number they know from their card or the website.';
    case 'failed':
      if (outcome.reason === 'mutual-mismatch') return 'The digits do not match: give no phone number and report the call to the security team.';
      if (outcome.reason === 'verifier-unavailable') return 'The verification service was unavailable: nothing has been confirmed.';
      return 'Do not tell the customer which answer was wrong.';
    case 'locked':
      return 'Do not tell the customer which answer was wrong.';
    case 'callback-scheduled':
      return 'Callback booked: the customer knows the time and the reference.';
    case 'abandoned':
      return 'The customer hung up. Nothing has been confirmed.';
    case 'verified':
      return undefined;
  }
}

const DETAILS_NOTE = 'If the customer asks what it is about, give no details before verification — use the ready reply.';

const DETAILS_REPLY: PromptReply = {
  cue: 'The customer asks what it is about',
  say: "I'll tell you everything as soon as I've made sure I'm speaking with you — it's for your security.",
};

const CALLBACK_REFUSAL = {
  'too-soon': "that's too soon for us",
  'outside-hours': "that's outside our working hours",
  'closed-day': "we're closed that day",
  'beyond-horizon': "that's too far ahead",
  'nonexistent-time': "the clocks go forward that night, so that time won't exist",
} as const;

const VERIFYING_NOTE = {
  open: 'Connecting to the verification service.',
  digits: 'The service is checking the digits — wait for the result.',
  answer: 'The service is checking the answer — wait for the result.',
  reveal: 'The service is preparing the digits to read out — wait.',
  close: 'The service is recording how the call ended.',
} as const;

const VERIFIER_ERROR_NOTE = {
  open: 'Could not connect to the verification service.',
  digits: 'The digits could not be checked — do not ask the customer to repeat them.',
  answer: 'The answer could not be checked — do not ask the customer to repeat it.',
  reveal: 'The digits to read out could not be fetched.',
  close: 'How the call ended could not be recorded.',
} as const;

/**
 * English prompts: every step's line, the agent's guidance, button labels and
 * placeholder values.
 *
 * @example
 * ```ts
 * en.labels.HANG_UP; // 'Customer hung up'
 * ```
 */
export const en: LocaleTexts = {
  say: {
    introduce: (_, ctx) => {
      const { script, agent } = ctx;
      const hello = `Hello, this is ${agent.name} from ${script.institution.name}`;
      if (!script.steps.confirmPerson) return `${hello}. Do you have a moment to talk?`;
      const advisor = script.vip && !script.vip.substitute ? ', your personal advisor' : '';
      return `${hello}${advisor}. Am I speaking with ${titled(ctx)}?`;
    },
    'vip-substitute': (_, ctx) => {
      const vip = ctx.script.vip;
      const sub = vip?.substitute;
      if (!vip || !sub) return 'Shall we go on?';
      return sentences(
        `I'm standing in for your advisor ${substituteDates(sub.from, sub.to)}.`,
        `Your advisor is ${vip.advisor}, and my name is ${ctx.agent.name} — we told you about this in our e-mail of ${sayDay(sub.announcedOn, 'en')}.`,
        'Shall we go on?',
      );
    },
    purpose: (_, ctx) =>
      sentences(
        `I'm calling ${purposeText(ctx, WORDS)}.`,
        "Before I go into details, I need to make sure I'm speaking with you.",
        "I'll never ask for your full PESEL, a PIN, a password or a code from a text message.",
      ),
    'caller-id': (_, ctx) =>
      `Please look at your phone's screen: our number, the one in your contract, should show as “${ctx.script.institution.callerIdLabel}”. Is that what you see?`,
    'safe-place': (view, ctx) => {
      if (view.afterHold) return 'Thank you. Are you somewhere private now?';
      const n = questionTotal(view, ctx.script);
      const pesel = peselAmongQuestions(view, ctx.script);
      const count = `${enNumber(n)} verification question${n === 1 ? '' : 's'}`;
      const what =
        pesel && n === 1
          ? 'I need to ask you one verification question — a few digits of your PESEL.'
          : pesel
            ? `I need to ask you ${count} — one of them is about your PESEL.`
            : `I need to ask you ${count}.`;
      return sentences(what, 'Are you somewhere nobody can overhear or record your answers?');
    },
    'not-safe': (view) => {
      const later = view.slots.length ? offerSlots(view.slots, true) : view.window ? 'We can also call you back at another time. When would suit you?' : '';
      return sentences(
        'I understand.',
        "If you can move somewhere nobody can hear us, I'll wait.",
        'Or you can call us yourself later, on the number on your card or on our website.',
        later,
      );
    },
    'on-hold': () => "Of course, I'll wait.",
    callback: (view) => {
      const next = view.slots.length
        ? offerSlots(view.slots, false)
        : view.window
          ? 'What other time would suit you?'
          : 'You can call us yourself on the number on your card or on our website.';
      return sentences(`I'm afraid we can't call then: ${CALLBACK_REFUSAL[view.reason]}.`, next);
    },
    consent: (view, ctx) => {
      const what = view.count === 1 ? 'one digit' : view.count === 2 ? 'two digits' : 'a few digits';
      const keypad = ctx.script.pesel.channel === 'keypad' ? `You'll type ${view.count === 1 ? 'it' : 'them'} on your phone's keypad.` : '';
      return sentences(`I'll ask for ${what} of your PESEL — not the whole number.`, keypad, 'Shall we start?');
    },
    'pesel-digit': (view, ctx) => sentences(enRetryLead(view), peselAsk(view, ctx)),
    question: (view, ctx) => {
      const text = scriptText(view.question.text, view, ctx, WORDS);
      if (view.attempt <= 1) return text;
      const lead = view.retryAfter === 'wrong' ? "That answer doesn't match." : causeLead(view.retryAfter, false);
      return sentences(lead, `Let's try again: ${afterColon(text)}`);
    },
    mutual,
    reveal,
    verifying: (view) => (view.what === 'digits' || view.what === 'answer' ? "Thank you. One moment, I'm checking." : view.what === 'reveal' ? "One moment, I'm checking." : 'One moment, please.'),
    'verifier-error': () => "I'm sorry, our system is having a problem. Please bear with me for a moment.",
    handoff: () => "Thank you, that's all confirmed. Now let's turn to why I'm calling.",
    closing: (view, ctx) => closing(view.outcome, ctx),
  },
  note: {
    introduce: (_, ctx) => (ctx.script.steps.confirmPerson ? 'Say nothing about the matter until the customer confirms who they are.' : 'Say nothing about the matter before verification.'),
    'vip-substitute': () => 'If the customer has doubts, do not argue: choose “Customer has doubts” — they will call a number they know.',
    purpose: () => 'Give no details of the matter before verification.',
    'caller-id': (view, ctx) =>
      withDetailsNote(view, ctx, 'If the number does not match, give no phone number: the customer hangs up and calls the number on their card or the website.', DETAILS_NOTE),
    'safe-place': (view, ctx) => withDetailsNote(view, ctx, 'If the customer wants to move somewhere else, choose “Customer steps aside”.', DETAILS_NOTE),
    'not-safe': (view) =>
      view.slots.length || view.window ? 'Offer one of the times, or record another one the customer gives.' : 'No times to offer: the customer can wait on the line or call us.',
    'on-hold': () => 'Stay on the line. When the customer is back, choose “Customer is back”.',
    callback: (view) => (view.slots.length || view.window ? 'Offer one of the times, or record another one the customer gives.' : 'No times to offer: the customer can call us.'),
    consent: (view, ctx) => withDetailsNote(view, ctx, 'If the customer does not want to give digits, do not push.', DETAILS_NOTE),
    'pesel-digit': (view, ctx) =>
      sentences(
        ctx.script.pesel.channel === 'keypad' ? "The digit comes from the customer's keypad." : 'Record the digit; do not repeat it aloud.',
        `Attempt ${view.attempt} of ${view.attempts}.`,
      ),
    question: (view) => `Record the answer; do not repeat it aloud. Attempt ${view.attempt} of ${view.attempts}.`,
    mutual: (view) => `Record which digits the customer asks for (at most ${enNumber(view.max)}). Never read out digits the customer gave — the system will not show them.`,
    reveal: () => 'Read out only the digits shown on screen. If the customer says they do not match, give no phone number.',
    verifying: (view) => VERIFYING_NOTE[view.what],
    'verifier-error': (view) => sentences(VERIFIER_ERROR_NOTE[view.what], 'Nothing has been confirmed. Choose “Try again”.'),
    handoff: () => 'Verification complete: go on to the business part of the call.',
    closing: (view) => closingNote(view.outcome),
  },
  reply: {
    'caller-id': () => DETAILS_REPLY,
    'safe-place': () => DETAILS_REPLY,
    consent: () => DETAILS_REPLY,
  },
  labels: {
    CONFIRM: 'Yes',
    DENY: 'No',
    HOLD: 'Customer steps aside',
    RESUME: 'Customer is back',
    ANSWER_DIGIT: 'Record digit',
    ANSWER: 'Record answer',
    CUSTOMER_ASKS_DIGITS: 'Customer asks for digits',
    DONT_KNOW: "Customer doesn't know",
    REQUEST_CALLBACK: 'Call back at the first free time',
    CUSTOMER_WILL_CALL_BACK: 'Customer will call us',
    HANG_UP: 'Customer hung up',
    RETRY: 'Try again',
  },
  stepLabels: {
    introduce: { CONFIRM: 'Yes, right person', DENY: 'No, someone else' },
    'vip-substitute': { CONFIRM: 'Customer accepts', DENY: 'Customer has doubts' },
    purpose: { CONFIRM: 'Customer agrees to go on' },
    'caller-id': { CONFIRM: 'Number matches', DENY: "Number doesn't match" },
    'safe-place': { CONFIRM: "Yes, it's private", DENY: 'Not private' },
    'not-safe': { HOLD: 'Customer will move somewhere private' },
    consent: { CONFIRM: 'Customer agrees', DENY: "Customer won't give digits" },
    mutual: { DENY: "Customer doesn't want to check" },
    reveal: { CONFIRM: 'Customer: it matches', DENY: "Customer: it doesn't match" },
  },
  callbackAt: (slot) => `Call back ${slot.spoken}`,
  placeholders: (view, ctx) => placeholderValues(view, ctx, WORDS),
};
