import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineScript, type CallScript, type CallScriptInput } from '../../src/index.js';

/** An example script from examples/scripts. */
export function example(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute'): CallScript {
  return defineScript(JSON.parse(readFileSync(join(import.meta.dirname, `../../examples/scripts/${name}.json`), 'utf8')));
}

/** A small script: person check, caller ID, safe place, 2 PESEL digits, one question, no mutual verification. */
export function smallScript(overrides: Partial<CallScriptInput> = {}): CallScript {
  return defineScript({
    id: 'small',
    version: 1,
    institution: { name: 'Bank Testowy', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Bank-test' },
    purpose: { pl: 'w sprawie testu' },
    pesel: { count: 2, minStrengthBits: 6, attempts: 2 },
    mutual: { enabled: false },
    questions: [{ id: 'city', text: { pl: 'W jakim mieście mieszka Pan według naszych danych?' }, attempts: 2 }],
    ...overrides,
  });
}

/**
 * A script small enough to enumerate every full path (`mode: 'all'`): one
 * PESEL digit, one attempt, one service error allowed, a safe-place step (so a
 * customer can step aside and come back) and no mutual verification.
 */
export function tinyScript(overrides: Partial<CallScriptInput> = {}): CallScript {
  return defineScript({
    id: 'tiny',
    version: 1,
    institution: { name: 'Bank Testowy', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Bank-test' },
    purpose: { pl: 'w sprawie testu' },
    steps: { confirmPerson: false, callerId: false, safePlace: true },
    pesel: { count: 1, minStrengthBits: 0, attempts: 1 },
    mutual: { enabled: false },
    verifier: { maxErrors: 1 },
    ...overrides,
  });
}
