import { describe, expect, it } from 'vitest';
import { scriptDiagram } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

/** Parses what scriptDiagram writes: declared states, composite membership, transitions. */
function parse(text: string) {
  const lines = text.trimEnd().split('\n');
  const stack: string[] = [];
  const parent = new Map<string, string | undefined>();
  const edges: { from: string; to: string; label: string; inside: string | undefined }[] = [];
  for (const raw of lines.slice(2)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^state (\w+) \{$/.exec(line))) {
      parent.set(m[1]!, stack.at(-1));
      stack.push(m[1]!);
    } else if (line === '}') stack.pop();
    else if ((m = /^(\w+) --> (\w+|\[\*\])(?: : (.+))?$/.exec(line)) || (m = /^(\[\*\]) --> (\w+)$/.exec(line))) edges.push({ from: m[1]!, to: m[2]!, label: m[3] ?? '', inside: stack.at(-1) });
    else if ((m = /^(\w+) : (.+)$/.exec(line))) parent.set(m[1]!, stack.at(-1));
    else if ((m = /^state "([^"]+)" as (\w+)$/.exec(line))) parent.set(m[2]!, stack.at(-1));
    else if (!/^note right of \w+ : .+$/.test(line)) throw new Error(`unexpected line: ${line}`);
  }
  return { lines, parent, edges };
}

describe('scriptDiagram', () => {
  const fraudAlert = example('fraud-alert');

  it('is a Mermaid stateDiagram-v2 of the script, nested states as composites, leaves with their prompt step', () => {
    const text = scriptDiagram(fraudAlert);
    const { lines, parent, edges } = parse(text);
    expect(lines[0]).toBe('%% fraud-alert v4 — Suspicious transactions: outbound verification (full flow of the BOK 3-4/2021 article)');
    expect(lines[1]).toBe('stateDiagram-v2');
    expect(edges[0]).toEqual({ from: '[*]', to: 'introduce', label: '', inside: undefined });
    for (const composite of ['connecting', 'pesel', 'pesel_digits', 'mutual', 'questions', 'handoff']) expect(text).toContain(`state ${composite} {`);
    expect(parent.get('pesel_digits_asking')).toBe('pesel_digits');
    expect(parent.get('pesel_digits')).toBe('pesel');
    expect(text).toContain('pesel_digits_asking : asking · pesel-digit');
    expect(text).toContain('callerId : callerId · caller-id');
    for (const final of ['verified', 'ended']) expect(edges).toContainEqual({ from: final, to: '[*]', label: '', inside: undefined });
  });

  it('labels transitions with their events and the names of their guards, read from the machine', () => {
    const { edges } = parse(scriptDiagram(fraudAlert));
    const has = (from: string, to: string, label: string) => expect(edges.some((e) => e.from === from && e.to === to && e.label === label), `${from} --> ${to} : ${label}`).toBe(true);
    has('callerId', 'ending', 'DENY');
    has('safePlace', 'onHold', 'HOLD');
    has('pesel_consent', 'notSafe', 'DENY');
    has('pesel_digits_asking', 'pesel_digits_asking', 'ANSWER_DIGIT [expectedDigit]');
    has('pesel_digits_asking', 'pesel_digits_checking', 'always [allDigitsGiven]');
    has('pesel_digits_asking', 'pesel_digits_checking', 'after answerTimeout 120 s');
    has('pesel_digits_checking', 'pesel_digits_judging', 'checkDigits done');
    has('pesel_digits_checking', 'pesel_digits_error', 'checkDigits error');
    has('pesel_digits_checking', 'ending', 'after serviceTimeout 10 s [verifierGaveUp]');
    has('pesel_digits_judging', 'mutual', 'always [peselPassed]');
    has('pesel_digits_judging', 'ending', 'always [noPeselAttemptsLeft]');
    has('questions_judging', 'questions_asking', 'always [and(questionPassed, moreQuestions)]');
    has('mutual_inviting', 'mutual_revealing', 'CUSTOMER_ASKS_DIGITS [revealAllowed]');
    has('handoff_closing', 'verified', 'closeCall done [recordedVerified]');
    has('ending', 'ended', 'always [not(hasCall)]');
    has('anyStep', 'ending', 'HANG_UP [ongoing]');
    has('anyStep', 'ending', 'REQUEST_CALLBACK [callbackAccepted]');
    has('anyStep', 'callback', 'REQUEST_CALLBACK [ongoing]');
    expect(edges.some((e) => e.label.includes('safecall.restored'))).toBe(false);
    expect(edges.some((e) => e.label.includes('xstate.'))).toBe(false);
  });

  it('draws no transition Mermaid cannot: every edge is declared, none joins inner states of two composites', () => {
    for (const script of [fraudAlert, example('loan-offer'), example('vip-substitute')]) {
      const { parent, edges } = parse(scriptDiagram(script));
      for (const { from, to, inside } of edges) {
        for (const end of [from, to]) if (end !== '[*]') expect(parent.has(end), `${end} is declared`).toBe(true);
        if (from === '[*]') continue;
        expect(inside, `${from} --> ${to} is drawn at the top level`).toBeUndefined();
        const a = parent.get(from);
        const b = parent.get(to);
        expect(a !== undefined && b !== undefined && a !== b && !isWithin(parent, from, b) && !isWithin(parent, to, a), `${from} --> ${to}`).toBe(false);
      }
    }
  });

  it('leaves out the steps a script does not run', () => {
    const text = scriptDiagram(smallScript({ steps: { callerId: false } }));
    expect(text).not.toContain('callerId');
    expect(text).not.toContain('state mutual');
    expect(text).toContain('purpose --> safePlace : CONFIRM');
  });
});

/** Whether `node` sits somewhere inside `composite`. */
function isWithin(parent: Map<string, string | undefined>, node: string, composite: string | undefined): boolean {
  for (let p = parent.get(node); p !== undefined; p = parent.get(p)) if (p === composite) return true;
  return false;
}
