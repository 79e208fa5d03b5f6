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
    else if ((m = /^(\w+) : (.+)$/.exec(line))) parent.set(m[1]!, stack.at(-1));
    else if ((m = /^state "([^"]+)" as (\w+)$/.exec(line))) parent.set(m[2]!, stack.at(-1));
    else if ((m = /^(\w+|\[\*\]) --> (\w+|\[\*\])(?: : (.+))?$/.exec(line))) edges.push({ from: m[1]!, to: m[2]!, label: m[3] ?? '', inside: stack.at(-1) });
    else if (!/^note right of \w+ : .+$/.test(line)) throw new Error(`unexpected line: ${line}`);
  }
  return { lines, parent, edges };
}

describe('scriptDiagram', () => {
  it('is a Mermaid stateDiagram-v2 of the script, states in script order', () => {
    const text = scriptDiagram(example('fraud-alert'));
    const { lines, parent, edges } = parse(text);
    expect(lines[0]).toBe('%% fraud-alert v3 — Suspicious transactions: outbound verification (full flow of the BOK 3-4/2021 article)');
    expect(lines[1]).toBe('stateDiagram-v2');
    expect(edges[0]).toEqual({ from: '[*]', to: 'introduce', label: '', inside: undefined });
    for (const composite of ['safePlace', 'pesel', 'mutual', 'questions']) expect(text).toContain(`state ${composite} {`);
    expect(parent.get('pesel_asking')).toBe('pesel');
    expect(text).toContain('pesel_asking : asking · pesel-digit');
    for (const final of ['verified', 'failed', 'locked', 'wrongPerson', 'callbackScheduled', 'willCallBack', 'abandoned']) {
      expect(edges).toContainEqual({ from: final, to: '[*]', label: '', inside: undefined });
    }
  });

  it('labels transitions with events, verifier results and timeouts', () => {
    const { edges } = parse(scriptDiagram(example('fraud-alert')));
    const has = (from: string, to: string, label: string) => expect(edges.some((e) => e.from === from && e.to === to && e.label === label), `${from} --> ${to} : ${label}`).toBe(true);
    has('callerId', 'willCallBack', 'DENY');
    has('safePlace_asking', 'safePlace_onHold', 'HOLD');
    has('pesel_checking', 'mutual', 'checkDigits: passed');
    has('pesel_checking', 'locked', 'checkDigits: locked');
    has('pesel_checking', 'failed', 'checkDigits: wrong, last attempt');
    has('pesel_checking', 'pesel_error', 'checkDigits error');
    has('pesel_checking', 'pesel_error', 'verifier silent 10 s');
    has('pesel_asking', 'pesel_asking', 'no answer in 120 s');
    has('pesel_asking', 'pesel_checking', 'automatically');
    has('anyStep', 'abandoned', 'HANG_UP');
    has('anyStep', 'callbackScheduled', 'REQUEST_CALLBACK (time accepted)');
    expect(edges.some((e) => e.label.includes('safecall.restored'))).toBe(false);
  });

  it('draws no transition Mermaid cannot: every edge is declared, none joins inner states of two composites', () => {
    for (const script of [example('fraud-alert'), example('loan-offer'), example('vip-substitute')]) {
      const { parent, edges } = parse(scriptDiagram(script));
      for (const { from, to } of edges) {
        for (const end of [from, to]) if (end !== '[*]') expect(parent.has(end), `${end} is declared`).toBe(true);
        const a = parent.get(from);
        const b = parent.get(to);
        expect(a !== undefined && b !== undefined && a !== b, `${from} --> ${to}`).toBe(false);
      }
    }
  });

  it('leaves out the steps a script does not run', () => {
    const text = scriptDiagram(smallScript({ steps: { callerId: false } }));
    expect(text).not.toContain('callerId');
    expect(text).not.toContain('state mutual');
    expect(text).toContain('confirmPerson --> safePlace : CONFIRM');
  });
});
