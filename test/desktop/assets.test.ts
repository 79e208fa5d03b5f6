import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../examples/verifier-server/customers.js';
import { buildDesktop, ROOT, type DesktopBuild } from './build.js';

/*
 * The built agent desktop carries no demo PESEL, whole or in pieces.
 *
 * The rule, precisely:
 *
 * 1. A *digit token* is a maximal run of digits in a file, where single
 *    separators between digits (space, no-break space, ".", "-", "/", ",",
 *    also ", ") do not end the run: "85031583834", "850 315 838 34",
 *    "[8,5,0,3,1,5,8,3,8,3,4]" and "0.158" are one token each. Its digits
 *    are what is left after dropping the separators.
 * 2. A token is *suspect* when its digits share a run of at least 3
 *    consecutive digits with a demo PESEL ("158" is a run of 85031583834).
 * 3. A suspect token is *excused* only if its digits also occur inside a
 *    digit token of an unrelated place: the source of a module the bundle was
 *    built from (the build's own module list — React, zod, the library, the
 *    example scripts...) that is not under examples/verifier-server/ (where
 *    the demo customers live) and holds no demo PESEL anywhere (a file that
 *    holds one is related, whatever else it holds). Such a run came into the
 *    bundle from code that never saw a PESEL: "100" from React is not a leak.
 *    A number literal of such a source counts in the notation the minifier
 *    prints too: zod's 0xFC00 is the bundle's 64512, 1_000 is 1000.
 * 4. Anything else is a finding. Independently of 1–3, the eleven digits of a
 *    demo PESEL in order, with up to three non-digits between any two of
 *    them, are always a finding (no source could excuse a whole number).
 *
 * Digit runs the minifier makes up (a folded constant) appear in no source
 * and would be findings: then the finding is looked at, not the rule relaxed.
 */

const PESELS = DEMO_CUSTOMERS.map((c) => c.pesel);
const TOKEN = /\d(?:(?:, ?|[ \u00a0./-])?\d)*/g;

interface Token {
  text: string;
  digits: string;
  index: number;
}

const LITERAL = /\b0[xX][0-9a-fA-F_]+\b|\b0[bB][01_]+\b|\b0[oO][0-7_]+\b|\b\d[\d_]*(?:\.\d[\d_]*)?[eE][+-]?\d+\b|\b\d+(?:_\d+)+\b/g;

/** The decimal digits of the number literals of a source written in another notation (hex, binary, octal, exponent, separators). */
function literalDigits(text: string): string[] {
  const out: string[] = [];
  for (const [literal] of text.matchAll(LITERAL)) {
    const value = Number(literal.replace(/_/g, ''));
    if (Number.isFinite(value)) out.push(String(value).replace(/\D/g, ''));
  }
  return out;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], digits: m[0].replace(/\D/g, ''), index: m.index }));
}

/** The 3-digit runs of every demo PESEL. */
const RUNS = new Set(PESELS.flatMap((pesel) => Array.from({ length: pesel.length - 2 }, (_, i) => pesel.slice(i, i + 3))));

function sharesRun(digits: string): boolean {
  for (let i = 0; i + 3 <= digits.length; i++) if (RUNS.has(digits.slice(i, i + 3))) return true;
  return false;
}

const WHOLE = PESELS.map((pesel) => ({ pesel, pattern: new RegExp(pesel.split('').join('\\D{0,3}')) }));

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

describe('the built desktop holds no demo PESEL', () => {
  let built: DesktopBuild;
  let assets: { path: string; text: string }[];
  let corpus: string[];

  beforeAll(async () => {
    built = await buildDesktop();
    assets = filesIn(built.dir).map((path) => ({ path: relative(built.dir, path), text: readFileSync(path, 'latin1') }));
    const sources = built.modules
      .map((id) => id.replace(/^\0/, '').replace(/\?.*$/, ''))
      .filter((path) => path.startsWith('/') && existsSync(path) && statSync(path).isFile())
      .filter((path) => !relative(ROOT, path).startsWith('examples/verifier-server'));
    corpus = [...sources, join(ROOT, 'examples/agent-desktop/index.html')]
      .map((path) => readFileSync(path, 'latin1'))
      .filter((text) => !PESELS.some((pesel) => text.includes(pesel)))
      .flatMap((text) => [...tokens(text).map((t) => t.digits), ...literalDigits(text)])
      .filter((digits) => digits.length >= 3);
  }, 120_000);

  it('was built from the desktop and the library only, never from the demo server', () => {
    expect(built.modules.length).toBeGreaterThan(50);
    expect(built.modules.some((id) => id.includes('examples/agent-desktop/src/main.tsx'))).toBe(true);
    expect(built.modules.filter((id) => id.includes('verifier-server') || id.includes('/src/server/'))).toEqual([]);
    expect(assets.map((a) => a.path).sort()).toEqual(['assets/index.css', 'assets/index.js', 'index.html']);
  });

  it('imports nothing from node: (it runs in a browser)', () => {
    for (const { path, text } of assets) expect(text, path).not.toMatch(/(?:from|import)\s*\(?\s*["'`]node:/);
  });

  it('contains no demo PESEL, and no run of 3+ of its digits that is not also in an unrelated place', () => {
    const findings: string[] = [];
    let suspects = 0;
    for (const { path, text } of assets) {
      for (const { pesel, pattern } of WHOLE) if (pattern.test(text)) findings.push(`${path}: the whole PESEL ${pesel.slice(0, 2)}…`);
      for (const token of tokens(text)) {
        if (!sharesRun(token.digits)) continue;
        suspects++;
        if (corpus.some((digits) => digits.includes(token.digits))) continue;
        findings.push(`${path}@${token.index}: "${token.text}" in …${text.slice(Math.max(0, token.index - 30), token.index + token.text.length + 30)}…`);
      }
    }
    expect(findings).toEqual([]);
    // The bundle is big enough that chance runs occur: the rule is exercised, not vacuous.
    expect(suspects).toBeGreaterThan(0);
  });

  it('the scan finds a PESEL that slips in, whole or in pieces', () => {
    const [jan] = PESELS;
    const leaks = [`const p="${jan}"`, `x=[${jan!.split('').join(',')}]`, `"${jan!.slice(0, 6)} ${jan!.slice(6)}"`, `s="${jan!.slice(3, 7)}"`];
    for (const leak of leaks) {
      const whole = WHOLE.some(({ pattern }) => pattern.test(leak));
      const pieces = tokens(leak).filter((t) => sharesRun(t.digits) && !corpus.some((digits) => digits.includes(t.digits)));
      expect(whole || pieces.length > 0, leak).toBe(true);
    }
  });
});
