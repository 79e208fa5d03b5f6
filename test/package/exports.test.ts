import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | { import: { types: string; default: string }; require: { types: string; default: string } }>;
  bin: Record<string, string>;
  sideEffects: boolean;
};

/** What each entry must export, checked through the package's own `exports` map (self-reference). */
const EXPECTED: Record<string, string[]> = {
  'safecall-pl': ['createCallSession', 'restoreCallSession', 'defineScript', 'actionEvent', 'httpVerifier', 'connectKeypad', 'isValidPesel', 'parsePesel', 'maskPesel', 'challengeStrength', 'pickChallenge', 'SafecallError', 'isSafecallError'],
  'safecall-pl/pesel': ['isValidPesel', 'parsePesel', 'maskPesel', 'challengeStrength', 'pickChallenge'],
  'safecall-pl/server': ['createVerificationService', 'verificationHandler', 'verifyAttestation', 'memoryStore', 'redisStore', 'parseVerificationPolicy'],
  'safecall-pl/callback': ['callbackPlanner', 'planCallback', 'describeCallback', 'nextCallbackSlots', 'polishHolidays', 'isPolishHoliday'],
  'safecall-pl/audit': ['auditEventSchema', 'summarizeCalls', 'sampleCalls', 'scriptJsonSchema'],
  'safecall-pl/audit/node': ['jsonlAuditSink', 'readAuditEvents'],
  'safecall-pl/testing': ['fixedClock', 'simulatedClock', 'seededRandom', 'simulateCall', 'customerBot', 'scriptPaths', 'scriptDiagram', 'formatTranscript'],
};

/** What the desktop entry must never export: server code and internals. */
const NOT_IN_MAIN = ['createVerificationService', 'memoryStore', 'redisStore', 'verificationHandler', 'summarizeCalls', 'scriptJsonSchema', 'parseOrThrow', 'createCallMachine', 'LOCALE_TEXTS', 'createPeselVerifier'];

function run(code: string, type: 'module' | 'commonjs'): string {
  return execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8' });
}

describe('the built package, through its exports map', () => {
  it('is built (npm test builds first)', () => {
    expect(existsSync(`${root}dist/index.js`)).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('%s works with import and require', (specifier, names) => {
    const list = JSON.stringify(names);
    const esm = run(`const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(${list}.filter((n) => !(n in m))));`, 'module');
    const cjs = run(`const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(${list}.filter((n) => !(n in m))));`, 'commonjs');
    expect(JSON.parse(esm)).toEqual([]);
    expect(JSON.parse(cjs)).toEqual([]);
  });

  it('keeps server code and internals out of the desktop entry', () => {
    const leaked = run(`const m = await import('safecall-pl'); console.log(JSON.stringify(${JSON.stringify(NOT_IN_MAIN)}.filter((n) => n in m)));`, 'module');
    expect(JSON.parse(leaked)).toEqual([]);
  });

  it('a CommonJS consumer can run a PESEL check, and an ESM desktop a session against an ESM service', () => {
    expect(run(`console.log(require('safecall-pl/pesel').isValidPesel('85031583834'))`, 'commonjs').trim()).toBe('true');
    const out = run(
      `import { defineScript, createCallSession } from 'safecall-pl';
       import { createVerificationService } from 'safecall-pl/server';
       const script = defineScript({ id: 'x', version: 1, institution: { name: 'Bank', officialNumber: '+48 22 123 45 67', callerIdLabel: 'Bank' }, purpose: { pl: 'w sprawie rachunku' } });
       const verifier = createVerificationService({ scripts: [script], customers: { pesel: () => undefined }, attestationKey: 'k'.repeat(32) });
       const s = createCallSession(script, { agent: { name: 'A', id: 'a' }, customer: { name: 'Jan', ref: 'c', form: 'pan' }, verifier });
       console.log(s.prompt.step);`,
      'module',
    );
    expect(out.trim()).toBe('introduce');
  });

  it('ships type declarations for every entry and condition', () => {
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'string') continue;
      for (const file of [value.import.types, value.import.default, value.require.types, value.require.default]) {
        expect(existsSync(`${root}${file}`), `${key}: ${file}`).toBe(true);
      }
    }
    expect(pkg.sideEffects).toBe(false);
  });

  it('the bin is an executable Node script', () => {
    const bin = `${root}${pkg.bin['safecall']!}`;
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
