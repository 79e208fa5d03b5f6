import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForLint, lintReadings, foldText } from '../../src/core/foldText.js';
import { joinAcronymEndings, joinSpelledLetters, latinizeLookAlikes, readDigitsAsLetters, stripInvisible } from '../../src/core/text/index.js';

describe('stripInvisible', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['left-to-right mark', '\u200E'],
    ['right-to-left mark', '\u200F'],
    ['word joiner', '\u2060'],
    ['invisible times', '\u2062'],
    ['invisible plus', '\u2064'],
    ['byte order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['right-to-left override', '\u202E'],
    ['Hangul filler', '\u3164'],
  ])('removes a %s', (_name, invisible) => {
    expect(stripInvisible(`P${invisible}I${invisible}N`)).toBe('PIN');
  });

  it('keeps visible text, spaces and new lines', () => {
    expect(stripInvisible('Piąta cyfra?\nA ósma?')).toBe('Piąta cyfra?\nA ósma?');
  });
});

describe('latinizeLookAlikes', () => {
  it('turns Cyrillic capitals drawn like Latin ones into those letters', () => {
    expect(latinizeLookAlikes('АВЕЅІЈКМНОРСТУХ')).toBe('ABESIJKMHOPCTYX');
  });

  it('turns Cyrillic small letters into the Latin ones they imitate', () => {
    expect(latinizeLookAlikes('аеорсухіјѕ')).toBe('aeopcyxijs');
  });

  it('turns Greek capitals and small letters into Latin ones, each by its own shape', () => {
    expect(latinizeLookAlikes('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ')).toBe('ABEZHIKMNOPTYX');
    // Small nu is drawn like v, not n: case matters, so this runs before lower-casing.
    expect(latinizeLookAlikes('αοικνρτ')).toBe('aoikvpt');
  });

  it('turns Latin small capitals and dotless i into plain letters', () => {
    expect(latinizeLookAlikes('ᴘɪɴ ᴘᴇꜱᴇʟ ı')).toBe('pin pesel i');
  });

  it('leaves Latin and Polish letters alone', () => {
    expect(latinizeLookAlikes('Zażółć PIN')).toBe('Zażółć PIN');
  });
});

describe('joinSpelledLetters', () => {
  it.each([
    ['p i n', 'pin'],
    ['p.i.n.', 'pin.'],
    ['p. i. n.', 'pin.'],
    ['p-e-s-e-l', 'pesel'],
    ['p_i_n', 'pin'],
    ['c / v / v', 'cvv'],
    ['p\u2010i\u2010n', 'pin'],
    ['p•i•n', 'pin'],
    ['p🔒i🔒n', 'pin'],
    ['p~i~n', 'pin'],
    ['p-i-n-u', 'pinu'],
    ['poproszę o p i n', 'poproszę o pin'],
    ['podaj p i n i hasło', 'podaj pin i hasło'],
    ['kod o t p', 'kod otp'],
  ])('%s → %s', (text, joined) => {
    expect(joinSpelledLetters(text, false)).toBe(joined);
  });

  it('does not join across a new line, which ends a sentence', () => {
    expect(joinSpelledLetters('p\ni\nn', false)).toBe('p\ni\nn');
  });

  it('leaves one-letter words between words alone', () => {
    expect(joinSpelledLetters('pan i w ogóle', false)).toBe('pan i w ogóle');
    expect(joinSpelledLetters('kod z smsa', false)).toBe('kod z smsa');
  });

  it('joins digits among letters only when asked to, and only when letters outnumber them', () => {
    expect(joinSpelledLetters('p 1 n', false)).toBe('p 1 n');
    expect(joinSpelledLetters('p 1 n', true)).toBe('p1n');
    expect(joinSpelledLetters('0 t p', true)).toBe('0tp');
    expect(joinSpelledLetters('cyfry 5 i 7 i 9', true)).toBe('cyfry 5 i 7 i 9');
  });
});

describe('readDigitsAsLetters', () => {
  it.each([
    ['p1n', 'i', 'pin'],
    ['has1o', 'l', 'haslo'],
    ['pe5el', 'i', 'pesel'],
    ['0tp', 'i', 'otp'],
    ['8l1k', 'i', 'blik'],
    ['h4slo', 'i', 'haslo'],
    ['p@ssword', 'i', 'password'],
    ['$m$', 'i', 'sms'],
    ['7ok3n', 'i', 'token'],
  ] as const)('%s → %s', (text, one, read) => {
    expect(readDigitsAsLetters(text, one)).toBe(read);
  });

  it('keeps numbers that stand alone', () => {
    expect(readDigitsAsLetters('16 cyfr, 3 pytania, 11 cyfr, +48 22 500 60 70, 10:30, cvv2', 'i')).toBe('16 cyfr, 3 pytania, 11 cyfr, +48 22 500 60 70, 10:30, cvv2');
  });
});

describe('joinAcronymEndings', () => {
  it.each([
    ['pin-u', 'pinu'],
    ['pin-em', 'pinem'],
    ['kod z sms-a', 'kod z smsa'],
    ['sms-owy kod', 'smsowy kod'],
    ['blik-iem', 'blikiem'],
  ])('%s → %s', (text, joined) => {
    expect(joinAcronymEndings(text)).toBe(joined);
  });

  it('keeps compounds and one-letter prefixes apart', () => {
    expect(joinAcronymEndings('bank-kredyty')).toBe('bank-kredyty');
    expect(joinAcronymEndings('e-mail')).toBe('e-mail');
    expect(joinAcronymEndings('biało-czerwony')).toBe('biało-czerwony');
  });
});

describe('foldForLint', () => {
  it.each([
    ['case and Polish diacritics', 'HASŁO Hasełko', 'haslo haselko'],
    ['full-width letters (NFKC)', 'ＰＩＮ', 'pin'],
    ['mathematical letters', '𝐏𝐄𝐒𝐄𝐋', 'pesel'],
    ['modifier and circled letters', 'ᴾᴵᴺ ⓅⒾⓃ', 'pin pin'],
    ['a dotted capital I', 'P\u0130N', 'pin'],
    ['Cyrillic Р, Е, С and Greek Ι, Ν', '\u0420\u0415S\u0415L P\u0399\u039D \u0421VV', 'pesel pin cvv'],
    ['zero-width characters', 'P\u200BI\u200DN \u00ADkod', 'pin kod'],
    ['combining marks', 'P\u0336I\u0336N\u0336 pi\u0301n', 'pin pin'],
    ['letters spelled apart', 'P I N, P.I.N., P-E-S-E-L, p_i_n', 'pin, pin., pesel, pin'],
    ['digits for letters', 'P1N PE5EL 0TP H@SŁO', 'pin pesel otp haslo'],
    ['declined acronyms', 'PIN-u, SMS-em', 'pinu, smsem'],
    ['runs of spaces and tabs', 'podaj \t  PIN', 'podaj pin'],
  ])('folds %s', (_name, text, folded) => {
    expect(foldForLint(text)).toBe(folded);
  });

  it('keeps numbers that are numbers', () => {
    for (const text of ['16 cyfr', '3 pytania', '11 cyfr', 'cyfry 5, 8 i 9', 'pozycje 5 i 7 i 9', 'Dziesiąta cyfra to 3, a jedenasta — 4.', '+48 22 500 60 70']) {
      expect(foldForLint(text)).toBe(foldText(text));
    }
  });

  it('reads 1 as i or as l, and keeps digits in the plain reading', () => {
    expect(foldForLint('has1o', 'one-as-l')).toBe('haslo');
    expect(foldForLint('P1N', 'one-as-i')).toBe('pin');
    expect(foldForLint('P1N', 'digits')).toBe('p1n');
  });

  it('reads a small l between capitals as I only in the I reading', () => {
    expect(foldForLint('PlN', 'one-as-i')).toBe('pin');
    expect(foldForLint('PlN', 'digits')).toBe('pln');
    expect(foldForLint('P|N', 'one-as-i')).toBe('pin');
  });

  it('keeps new lines, which end sentences', () => {
    expect(foldForLint('Piąta cyfra?\nA ósma?')).toBe('piata cyfra?\na osma?');
  });

  it('leaves no capitals, combining marks or invisible characters behind (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const folded = foldForLint(text);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded).not.toMatch(/[\p{M}\p{Cf}]/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lintReadings', () => {
  it('gives one reading when digits stand alone', () => {
    expect(lintReadings('Proszę podać piątą cyfrę, 16 cyfr')).toEqual(['prosze podac piata cyfre, 16 cyfr']);
  });

  it('gives every distinct reading when digits stand among letters', () => {
    expect(lintReadings('has1o')).toEqual(['has1o', 'hasio', 'haslo']);
    expect(lintReadings('16cyfr')).toContain('16cyfr');
    expect(lintReadings('PlN')).toEqual(['pln', 'pin']);
  });
});
