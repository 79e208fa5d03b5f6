// Bundled by esbuild for the browser test: the main entry and safecall/testing,
// exercised the way an agent desktop would, with the browser's own crypto.
import { createCallSession, createPeselVerifier, defineScript, isValidPesel, maskPesel } from '../../src/index.js';
import { fixedClock } from '../../src/testing/index.js';

declare global {
  interface Window {
    runCall(script: unknown): Promise<{ steps: string[]; says: string[]; outcome: unknown; pesel: boolean; masked: string; callback: unknown }>;
  }
}

window.runCall = async (input) => {
  const script = defineScript(input);
  const pesel = '85031583834';
  const session = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'a-1' },
    customer: { name: 'Jan Kowalski', ref: 'c-1', form: 'pan' },
    verifier: createPeselVerifier(async () => pesel, { answers: async (_ref, id) => ({ 'last-transfer-amount': '1250', 'account-opened-year': '2009' })[id] }),
    clock: fixedClock('2026-11-23T13:00:00Z'),
  });
  const steps: string[] = [];
  const says: string[] = [];
  const record = () => {
    steps.push(session.prompt.step);
    says.push(session.prompt.say);
  };
  record();
  for (let i = 0; i < 4; i++) {
    session.send({ type: 'CONFIRM' });
    record();
  }
  while (session.prompt.input?.kind === 'digit') {
    const { position } = session.prompt.input;
    session.send({ type: 'ANSWER_DIGIT', position, digit: pesel[position - 1]!, via: 'keypad' });
    await session.settled();
    record();
  }
  const suggested = session.prompt.input?.kind === 'positions' ? session.prompt.input.suggested : [];
  session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: suggested.slice(0, 1) });
  await session.settled();
  record();
  session.send({ type: 'CONFIRM' });
  record();
  session.send({ type: 'ANSWER', questionId: 'last-transfer-amount', value: '1250' });
  await session.settled();
  session.send({ type: 'ANSWER', questionId: 'account-opened-year', value: '2009' });
  await session.settled();
  record();

  const other = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'a-1' },
    customer: { name: 'Jan Kowalski', ref: 'c-1' },
    verifier: createPeselVerifier(async () => pesel),
    clock: fixedClock('2026-11-23T13:00:00Z'),
  });
  other.send({ type: 'REQUEST_CALLBACK', inMinutes: 15 });
  return { steps, says, outcome: session.outcome, pesel: isValidPesel(pesel), masked: maskPesel(pesel, { reveal: [5] }), callback: other.outcome };
};
