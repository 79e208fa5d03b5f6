import { describeDate, describeDateRange } from '../callback/index.js';
import type { CallOutcome, RefusedPosition } from '../session/outcome.js';
import type { LocaleTexts, RenderContext } from './types.js';
import { capitalize, joinLead, joinList } from './fill.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh'];

/** "fifth" — the ordinal of a PESEL position. */
export function enOrdinal(position: number): string {
  return ORDINALS[position - 1] ?? `${position}th`;
}

const list = (items: readonly string[]) => joinList(items, 'and');


function refusals(refused: readonly RefusedPosition[], max: number): string {
  const parts: string[] = [];
  const said = refused.filter((r) => r.reason === 'said').map((r) => r.position);
  if (said.length) {
    parts.push(
      said.length === 1
        ? `You gave me the ${enOrdinal(said[0]!)} digit yourself, so repeating it proves nothing.`
        : `You gave me the digits at positions ${list(said.map(String))} yourself, so repeating them proves nothing.`,
    );
  }
  if (refused.some((r) => r.reason === 'birth-date')) parts.push('The first six digits are your date of birth, which a stranger may know.');
  if (refused.some((r) => r.reason === 'over-limit')) parts.push(`I can read out at most ${max} digit${max === 1 ? '' : 's'}.`);
  return parts.join(' ');
}

function closing(outcome: CallOutcome, ctx: RenderContext): string {
  const number = ctx.script.institution.officialNumber;
  switch (outcome.kind) {
    case 'verified':
      return 'Thank you, verification is complete.';
    case 'wrong-person':
      return 'I am sorry for the mistake. Goodbye.';
    case 'customer-will-call-back':
      if (outcome.reason === 'caller-id-mismatch') {
        return 'I understand. Please hang up and call us on the number printed on your card or contract, or on our official website — never on a number given to you during a call. Goodbye.';
      }
      if (outcome.reason === 'vip-doubt') {
        return `I understand your caution. Please call ${number}, as printed on your card and on our website, or contact your advisor directly. Goodbye.`;
      }
      return `Of course. Please call us on ${number} — you will find the same number on your card and on our website. Goodbye.`;
    case 'callback-scheduled':
      return `We will call you ${outcome.callback.spoken} from the same number, ${number}. Your reference is ${outcome.callback.reference}; you can quote it if you call us. Goodbye.`;
    case 'failed':
      if (outcome.reason === 'mutual-mismatch') {
        return `Thank you for checking. I will end this call now. Please call ${number}, as printed on your card or on our website, so we can clear this up. Goodbye.`;
      }
      if (outcome.reason === 'verifier-unavailable') {
        return `I am sorry, for technical reasons I cannot complete the verification now. Please call ${number} or wait for our call. Goodbye.`;
      }
      return `Unfortunately I could not confirm your identity, so I cannot continue this call. Please call ${number} or visit a branch. Goodbye.`;
    case 'locked':
      return `For security reasons I cannot continue this call. Please call ${number}. Goodbye.`;
    case 'abandoned':
      return 'The call has ended.';
  }
}

/** English prompts, written for the phone. */
export const en: LocaleTexts = {
  say: {
    introduce: (_, ctx) => {
      const advisor = ctx.script.vip && !ctx.script.vip.substitute ? ' I am your personal advisor.' : '';
      return `Hello, this is ${ctx.agent.name} from ${ctx.script.institution.name}.${advisor} I am calling ${ctx.script.purpose.en ?? ''}. Before we go into details, I will make sure I am speaking to the right person and ask a few verification questions. I will never ask for your full PESEL number, your PIN, a password or a code from a text message.`;
    },
    'confirm-person': (_, ctx) => `Am I speaking with ${ctx.customer.name}?`,
    'caller-id': (_, ctx) =>
      `I am calling from ${ctx.script.institution.officialNumber}, the number in your contract. Your phone should show it as “${ctx.script.institution.callerIdLabel}”. Is that what you see?`,
    'safe-place': (_, ctx) => {
      const questions = (ctx.script.pesel.enabled ? 1 : 0) + ctx.script.questions.length;
      const what = ctx.script.pesel.enabled
        ? questions === 1
          ? 'ask you a verification question about your PESEL number'
          : `ask you ${en.questionCount(questions)}, one of them about your PESEL number`
        : `ask you ${en.questionCount(questions)}`;
      return `Before we continue, I need to ${what}. Are you somewhere nobody can overhear or record your answers?`;
    },
    'not-safe': (view, ctx) => {
      const first = view.slots[0];
      const later = first ? `I can call you back, for example ${first.spoken}` : 'I can call you back later';
      return `I understand. We can wait while you move somewhere private, or ${later}. You can also call us yourself on ${ctx.script.institution.officialNumber}.`;
    },
    'on-hold': () => 'Of course, I will wait.',
    callback: (view) => {
      const why = {
        'too-soon': 'that is too soon',
        'outside-hours': 'that is outside our opening hours',
        'closed-day': 'we are closed that day',
        'beyond-horizon': 'that is too far ahead',
        'nonexistent-time': 'that time does not exist that day because the clocks change',
      }[view.reason];
      const options = view.slots.length ? ` The nearest times I can offer are ${list(view.slots.map((s) => s.spoken))}. Which suits you?` : '';
      return `I am afraid we cannot call then: ${why}.${options}`;
    },
    'pesel-digit': (view, ctx) => {
      const ask =
        ctx.script.pesel.channel === 'keypad'
          ? `Please type the ${enOrdinal(view.position)} digit of your PESEL number on your phone's keypad.`
          : `Please tell me the ${enOrdinal(view.position)} digit of your PESEL number.`;
      return joinLead(en.peselLead(view, ctx), ask);
    },
    question: (view, ctx) => {
      const text = view.question.text[ctx.locale] ?? view.question.text.en ?? view.question.text.pl ?? '';
      if (view.retryAfter === 'wrong') return `That answer does not match. Let us try again: ${text}`;
      if (view.retryAfter) return `Let us try again: ${text}`;
      return text;
    },
    mutual: (view) => {
      const count = view.max === 1 ? 'one digit' : `${view.max} digits`;
      const positions = list(view.suggested.map(String));
      const from = positions ? (view.suggested.length > view.max ? `, choosing from positions ${positions}` : `: position${view.suggested.length > 1 ? 's' : ''} ${positions}`) : '';
      if (view.refused.length) {
        const choose = view.refused.some((r) => r.reason === 'over-limit') ? `Please choose at most ${view.max}` : `Please choose ${view.max === 1 ? 'another position' : 'other positions'}`;
        return `${refusals(view.refused, view.max)} ${choose}${from}.`;
      }
      return `Thank you, that matches. Now you can check that we really hold your details: ask me for ${count} of your PESEL number${from}, other than the ones you gave me.`;
    },
    reveal: (view, ctx) => {
      const digits = view.revealed.map((r, i) => `${i === 0 ? 'The' : 'the'} ${enOrdinal(r.position)} digit is ${r.digit}`);
      const note = view.refused.length ? `${refusals(view.refused, ctx.script.mutual.maxPositions)} ` : '';
      return `${note}${capitalize(list(digits))}. Does that match?`;
    },
    'vip-substitute': (_, ctx) => {
      const vip = ctx.script.vip!;
      const sub = vip.substitute!;
      return `I am standing in for your advisor, ${vip.advisor}, ${en.dateRange(sub.from, sub.to)}. We told you about this in our e-mail of ${en.date(sub.announcedOn)}. May we continue?`;
    },
    verifying: () => 'One moment, I am checking.',
    'verifier-error': () => 'I am sorry, our system has a temporary problem. Please bear with me.',
    handoff: () => 'Thank you, verification is complete. Let us turn to the reason for my call.',
    closing: (view, ctx) => closing(view.outcome, ctx),
  },
  note: {
    introduce: () => 'Wait for the customer to agree to continue.',
    'confirm-person': () => 'Say nothing about the matter until the customer confirms who they are.',
    'caller-id': () => 'If the number does not match, never give another number: the customer calls the number on their card or the website.',
    'on-hold': () => 'When the customer is back, press “Customer is back”.',
    'pesel-digit': (view) => `Do not repeat the digit aloud. Attempt ${view.attempt} of ${view.attempts}.`,
    question: (view) => `Type the answer; do not repeat it aloud. Attempt ${view.attempt} of ${view.attempts}.`,
    mutual: (view) => `The customer chooses positions (at most ${view.max}). The system shows digits only for allowed positions.`,
    reveal: () => 'Read out only the digits shown on screen.',
    verifying: () => 'Checking with the system — wait for the result.',
    'verifier-error': () => 'The answers could not be checked for technical reasons. Nothing has been confirmed. Try again.',
    handoff: () => 'Verification complete: go on to the business part of the call.',
    closing: (view) => {
      const o = view.outcome;
      if (o.kind === 'failed' && o.reason === 'mutual-mismatch') return 'PESEL digits do not match: report this call to the security team (possible fraud or a data error).';
      if (o.kind === 'wrong-person') return 'Give no information about the matter or the customer.';
      if (o.kind === 'failed' || o.kind === 'locked') return 'Do not tell the customer which answer was wrong.';
      return undefined;
    },
  },
  labels: {
    CONFIRM: 'Yes',
    DENY: 'No',
    HOLD: 'Customer steps aside',
    RESUME: 'Customer is back',
    ANSWER_DIGIT: 'Record digit',
    ANSWER: 'Record answer',
    CUSTOMER_ASKS_DIGITS: 'Customer asks for positions',
    DONT_KNOW: 'Customer does not know',
    REQUEST_CALLBACK: 'Customer asks to be called later',
    CUSTOMER_WILL_CALL_BACK: 'Customer will call back',
    HANG_UP: 'Customer hung up',
    RETRY: 'Try again',
  },
  stepLabels: {
    introduce: { CONFIRM: 'Customer agrees to continue' },
    'confirm-person': { CONFIRM: 'Yes, right person', DENY: 'No, someone else' },
    'caller-id': { CONFIRM: 'Number matches', DENY: 'Number does not match' },
    'safe-place': { CONFIRM: 'Yes, it is safe', DENY: 'Not safe' },
    'not-safe': { HOLD: 'Will move somewhere private' },
    mutual: { DENY: 'Customer does not want to check' },
    reveal: { CONFIRM: 'Customer: it matches', DENY: 'Customer: it does not match' },
    'vip-substitute': { CONFIRM: 'Customer accepts', DENY: 'Customer has doubts' },
  },
  peselLead: (view) => {
    if (view.index > 0) return '';
    if (view.retryAfter === 'wrong') return 'I am sorry, the answers do not match. Let us try again, the same positions.';
    if (view.retryAfter === 'dont-know') return 'No problem, let us start again, the same positions.';
    if (view.retryAfter === 'timeout') return 'I did not get an answer. Let us try again, the same positions.';
    return `I will now ask for ${view.count === 1 ? 'one digit' : `${view.count} digits`} of your PESEL number — never the whole number.`;
  },
  callbackAt: (slot) => `Call back ${slot.spoken}`,
  ordinal: enOrdinal,
  questionCount: (n) => `${n} verification question${n === 1 ? '' : 's'}`,
  dateRange: (from, to) => (from === to ? `on ${describeDate(from, 'en')}` : describeDateRange(from, to, 'en')),
  date: (date) => describeDate(date, 'en'),
};
