import { expect, it } from 'vitest';
import { defineScript } from '../../src/index.js';
import { isServiceAnswer } from '../../src/testing/index.js';
import { checkScript } from './checkScript.js';

// A script whose calls go on with the questions alone once no challenge is strong enough.
const script = defineScript({
  id: 'exhausted-questions',
  version: 1,
  institution: { name: 'Bank Testowy', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Bank-test' },
  purpose: { pl: 'w sprawie testu' },
  steps: { callerId: false, safePlace: false },
  pesel: { count: 2, minStrengthBits: 6, attempts: 2, whenExhausted: 'questions' },
  mutual: { enabled: false },
  questions: [{ id: 'city', text: { pl: 'W jakim mieście mieszka Pan według naszych danych?' }, attempts: 2 }],
});

const paths = checkScript(script);

it('verifies with the questions alone when the service has no challenge strong enough, and never asks a digit then', () => {
  const exhausted = paths.filter((p) => p.events.some((e) => isServiceAnswer(e, 'openCall') && e.output.challenge === null && !e.output.locked));
  expect(exhausted.some((p) => p.outcome?.kind === 'verified')).toBe(true);
  for (const path of exhausted) expect(path.steps).not.toContain('pesel-digit');
});
