import * as z from 'zod/mini';
import { SafecallError, type PromptInput } from '../index.js';
import { positionSchema, stepIdSchema } from '../model/index.js';
import { parseOrThrow } from '../session/internal.js';
import { PERSONA_NAMES, PERSONAS, type AnswerStyle, type Persona, type PersonaName } from './personas.js';
import { wrongAnswer, wrongDigit } from './resolveTurn.js';
import type { CustomerBot, CustomerTurn, TurnView } from './turns.js';

const style = z.enum(['correct', 'wrong', 'dont-know', 'silent']);
const styles = z.union([style, z.array(style).check(z.minLength(1))]);

const personaSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  isThePerson: z.optional(z.boolean()),
  trustsSubstitute: z.optional(z.boolean()),
  callerIdMatches: z.optional(z.boolean()),
  place: z.optional(z.enum(['safe', 'steps-aside', 'unsafe'])),
  consents: z.optional(z.boolean()),
  whenUnsafe: z.optional(z.union([z.literal('will-call-back'), z.strictObject({ callbackInMinutes: z.int().check(z.minimum(0), z.maximum(60 * 24 * 60)) })])),
  digits: z.optional(styles),
  answers: z.optional(styles),
  via: z.optional(z.enum(['voice', 'keypad'])),
  mutual: z.optional(z.union([z.enum(['decline', 'last-three', 'allowed', 'said']), z.array(positionSchema).check(z.minLength(1), z.maxLength(11))])),
  disputesReveal: z.optional(z.boolean()),
  hangUpAt: z.optional(z.union([z.int().check(z.minimum(1)), stepIdSchema])),
});

/** The article's "and now tell me the last three digits of my PESEL". */
const LAST_THREE = [9, 10, 11];

function styleFor(styles: AnswerStyle | readonly AnswerStyle[] | undefined, attempt: number): AnswerStyle {
  if (styles === undefined) return 'correct';
  if (typeof styles === 'string') return styles;
  return styles[Math.min(attempt, styles.length) - 1] ?? 'correct';
}

function isPersonaName(name: string): name is PersonaName {
  return Object.hasOwn(PERSONAS, name);
}

function resolvePersona(persona: PersonaName | Persona): Persona & { name: string } {
  if (typeof persona === 'string') {
    if (!isPersonaName(persona)) throw new SafecallError('INVALID_ARGUMENT', `unknown persona "${persona}"; known personas: ${PERSONA_NAMES.join(', ')}`);
    return PERSONAS[persona];
  }
  const parsed: Persona = parseOrThrow(personaSchema, persona, 'INVALID_ARGUMENT', 'Invalid persona');
  return { ...parsed, name: parsed.name ?? 'custom' };
}

/**
 * A scripted customer for {@link simulateCall}: a named persona
 * (see {@link PERSONAS}: `'cooperative'`, `'unsafe-place'`, `'keypad'`,
 * `'declines-consent'`, `'asks-said-digit'`, `'fraud-suspicious'`, ...) or a
 * {@link Persona} object, whose unset fields behave like `'cooperative'`. The
 * bot decides each turn from the prompt and the audit trail so far (attempt
 * numbers, earlier refusals), so it keeps no state and can play many calls.
 *
 * Throws `SafecallError` (`INVALID_ARGUMENT`) for an unknown persona name,
 * listing the known ones, or an invalid persona object.
 *
 * @example
 * ```ts
 * await simulateCall(script, customerBot('forgetful'));
 * await simulateCall(script, customerBot({ digits: ['wrong', 'correct'], mutual: 'decline' }));
 * ```
 */
export function customerBot(persona: PersonaName | Persona): CustomerBot {
  const p = resolvePersona(persona);
  return { persona: p.name, next: (view) => decide(p, view) };
}

function decide(p: Persona, view: TurnView): CustomerTurn | undefined {
  const { prompt, audit, script } = view;
  if (p.hangUpAt !== undefined && (p.hangUpAt === view.turn || p.hangUpAt === prompt.step)) return { type: 'HANG_UP' };
  const yes = (condition: boolean | undefined): CustomerTurn => ({ type: condition === false ? 'DENY' : 'CONFIRM' });
  const count = (type: string) => audit.filter((event) => event.type === type).length;
  const declined = audit.some((event) => event.type === 'consent' && !event.data.given);
  const leave = (): CustomerTurn => (p.whenUnsafe === 'will-call-back' ? { type: 'CUSTOMER_WILL_CALL_BACK' } : { type: 'REQUEST_CALLBACK', inMinutes: p.whenUnsafe?.callbackInMinutes ?? 15 });
  switch (prompt.step) {
    case 'introduce':
      // Without the person check the greeting has no "no" to give.
      return script.steps.confirmPerson ? yes(p.isThePerson) : { type: 'CONFIRM' };
    case 'vip-substitute':
      return yes(p.trustsSubstitute);
    case 'purpose':
      return { type: 'CONFIRM' };
    case 'caller-id':
      return yes(p.callerIdMatches);
    case 'safe-place':
      if (p.place === 'unsafe') return { type: 'DENY' };
      if (p.place === 'steps-aside' && count('hold') === 0) return { type: 'HOLD' };
      return { type: 'CONFIRM' };
    case 'not-safe':
      return p.place === 'unsafe' || declined ? leave() : { type: 'HOLD' };
    case 'on-hold':
      return { type: 'RESUME' };
    case 'callback': {
      // The time asked for was refused: take the first slot the agent offers, once.
      const at = prompt.input?.kind === 'callback-time' ? prompt.input.suggestions[0]?.at : undefined;
      return at !== undefined && count('callback-refused') < 2 ? { type: 'REQUEST_CALLBACK', at } : { type: 'CUSTOMER_WILL_CALL_BACK' };
    }
    case 'consent':
      return yes(p.consents);
    case 'pesel-digit': {
      const input = prompt.input;
      if (input?.kind !== 'digit') return { type: 'HANG_UP' };
      const digit = view.customer.digit(input.position);
      switch (styleFor(p.digits, 1 + count('challenge-failed'))) {
        case 'correct':
          return { type: 'ANSWER_DIGIT', position: input.position, digit, via: p.via ?? 'voice' };
        case 'wrong':
          return { type: 'ANSWER_DIGIT', position: input.position, digit: wrongDigit(digit), via: p.via ?? 'voice' };
        case 'dont-know':
          return { type: 'DONT_KNOW' };
        case 'silent':
          return { type: 'WAIT', seconds: script.pesel.answerTimeoutSeconds + 1 };
      }
      break;
    }
    case 'question': {
      const input = prompt.input;
      if (input?.kind !== 'answer') return { type: 'HANG_UP' };
      const attempt = 1 + audit.filter((e) => e.type === 'question-failed' && e.data.questionId === input.questionId).length;
      const answer = view.customer.answer(input.questionId);
      switch (styleFor(p.answers, attempt)) {
        case 'correct':
          return { type: 'ANSWER', questionId: input.questionId, value: answer };
        case 'wrong':
          return { type: 'ANSWER', questionId: input.questionId, value: wrongAnswer(answer) };
        case 'dont-know':
          return { type: 'DONT_KNOW' };
        case 'silent':
          return { type: 'WAIT', seconds: script.pesel.answerTimeoutSeconds + 1 };
      }
      break;
    }
    case 'mutual':
      return prompt.input?.kind === 'positions' ? askBack(p, prompt.input, count('mutual-requested')) : { type: 'DENY' };
    case 'reveal': {
      if (p.disputesReveal) return { type: 'DENY' };
      const matches = (prompt.revealed ?? []).every(({ position, digit }) => view.customer.digit(position) === digit);
      return { type: matches ? 'CONFIRM' : 'DENY' };
    }
    case 'verifier-error':
      return { type: 'RETRY' };
    case 'verifying':
      return { type: 'WAIT', seconds: script.verifier.timeoutSeconds };
    case 'handoff':
    case 'closing':
      return undefined;
  }
  return undefined;
}

/** Mutual verification: the persona's own request first; if refused, what the agent may read out; then no more. */
function askBack(p: Persona, input: Extract<PromptInput, { kind: 'positions' }>, asked: number): CustomerTurn {
  const choice = p.mutual ?? 'last-three';
  const allowed = input.allowed.slice(0, input.max);
  const said = input.forbidden.find((refused) => refused.reason === 'said')?.position;
  let first: readonly number[] = [];
  if (choice === 'last-three') first = LAST_THREE;
  else if (choice === 'allowed') first = allowed;
  else if (choice === 'said') first = said === undefined ? allowed : [said];
  else if (choice !== 'decline') first = choice;
  if (asked === 0 && first.length) return { type: 'CUSTOMER_ASKS_DIGITS', positions: [...first] };
  if (choice !== 'decline' && asked <= 1 && allowed.length && allowed.join() !== first.join()) return { type: 'CUSTOMER_ASKS_DIGITS', positions: allowed };
  return { type: 'DENY' };
}
