import { describe, expect, it } from 'vitest';
import { sayDay, sayDayRange } from '../../src/prompts/dates.js';
import { afterColon, joinList } from '../../src/prompts/fill.js';
import { plAddress, plInstrumental } from '../../src/prompts/forms.js';
import { enNumber, enOrdinal, plDigits, plOrdinalAccusative, plOrdinalGenitive, plOrdinalNominative, plPlural, plQuestions } from '../../src/prompts/ordinals.js';

describe('names in the instrumental ("czy rozmawiam z Panem Janem Kowalskim?")', () => {
  it.each([
    ['Jan Kowalski', 'pan', 'Janem Kowalskim'],
    ['Piotr Nowak', 'pan', 'Piotrem Nowakiem'],
    ['Jerzy Wiśniewski', 'pan', 'Jerzym Wiśniewskim'],
    ['Kuba Zawada', 'pan', 'Kubą Zawadą'],
    ['Marek Wójcik', 'pan', 'Markiem Wójcikiem'],
    ['Paweł Mazur', 'pan', 'Pawłem Mazurem'],
    ['Maciej Kołodziej', 'pan', 'Maciejem Kołodziejem'],
    ['Wojciech Szulc', 'pan', 'Wojciechem Szulcem'],
    ['Anna Nowak', 'pani', 'Anną Nowak'],
    ['Katarzyna Wiśniewska', 'pani', 'Katarzyną Wiśniewską'],
    ['Maria Dziedzic-Kowalska', 'pani', 'Marią Dziedzic-Kowalską'],
    ['Ingrid Rossi', 'pani', 'Ingrid Rossi'],
  ] as const)('%s (%s) → %s', (name, form, expected) => {
    expect(plInstrumental(name, form)).toBe(expected);
  });

  it.each([
    ['Tadeusz Dudek', 'a fleeting "e" ("Dudkiem"?)'],
    ['Jan Mróz', '"ó" alternates ("Mrozem")'],
    ['Adam Dąb', '"ą" alternates ("Dębem")'],
    ['Jan Wróbel', '"Wróblem"'],
    ['Jan Kozioł', '"Kozłem"'],
    ['Jan Stępień', 'a soft ending'],
    ['Jan Fredro', 'an "-o" ending'],
    ['J. Kowalski', 'an initial'],
    ["Sean O'Brien", 'not a plain word'],
  ])('leaves %s alone: %s', (name) => {
    expect(plInstrumental(name, 'pan')).toBeUndefined();
  });
});

describe('forms of address', () => {
  it('are capitalised, by case', () => {
    expect(plAddress('pan')).toEqual({ form: 'pan', nom: 'Pan', gen: 'Pana', dat: 'Panu', acc: 'Pana', ins: 'Panem', loc: 'Panu' });
    expect(plAddress('pani')).toEqual({ form: 'pani', nom: 'Pani', gen: 'Pani', dat: 'Pani', acc: 'Panią', ins: 'Panią', loc: 'Pani' });
  });

  it('are never guessed', () => {
    expect(() => plAddress(undefined)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('ordinals and counts (DESIGN §5)', () => {
  it('agree with "cyfra"', () => {
    expect([1, 5, 8, 9, 11].map(plOrdinalAccusative)).toEqual(['pierwszą', 'piątą', 'ósmą', 'dziewiątą', 'jedenastą']);
    expect([1, 5, 8, 9, 11].map(plOrdinalNominative)).toEqual(['pierwsza', 'piąta', 'ósma', 'dziewiąta', 'jedenasta']);
    expect([10, 11].map(plOrdinalGenitive)).toEqual(['dziesiątej', 'jedenastej']);
    expect([5, 8, 11].map(enOrdinal)).toEqual(['fifth', 'eighth', 'eleventh']);
  });

  it('say numbers up to ten as words, with the right plural', () => {
    expect([1, 2, 3, 5].map(plDigits)).toEqual(['jedną cyfrę', 'dwie cyfry', 'trzy cyfry', 'pięć cyfr']);
    expect([1, 3, 6].map(plQuestions)).toEqual(['jedno pytanie weryfikacyjne', 'trzy pytania weryfikacyjne', 'sześć pytań weryfikacyjnych']);
    expect([12, 22, 25].map((n) => plPlural(n, 'pytanie', 'pytania', 'pytań'))).toEqual(['pytań', 'pytania', 'pytań']);
    expect(enNumber(3)).toBe('three');
  });
});

describe('dates', () => {
  it('put the Polish month in the genitive, without commas', () => {
    expect(sayDay('2026-11-18', 'pl')).toBe('18 listopada');
    expect(sayDay('2026-11-18', 'en')).toBe('18 November');
    expect(sayDayRange('2026-11-23', '2026-11-27', 'pl')).toBe('23–27 listopada');
    expect(sayDayRange('2026-11-30', '2026-12-04', 'pl')).toBe('30 listopada – 4 grudnia');
    expect(sayDayRange('2026-12-30', '2027-01-03', 'pl')).toBe('30 grudnia 2026 – 3 stycznia 2027');
    expect(sayDayRange('2026-11-23', '2026-11-27', 'en')).toBe('23 to 27 November');
    expect(sayDayRange('2026-11-30', '2026-12-04', 'en')).toBe('30 November to 4 December');
    expect(sayDayRange('2026-11-23', '2026-11-23', 'pl')).toBe('23 listopada');
  });

  it('do not move with the host time zone', () => {
    // The formatter pins UTC and the day is read at UTC midnight: the first and last days of a month stay put.
    expect(sayDay('2026-03-01', 'pl')).toBe('1 marca');
    expect(sayDay('2026-10-31', 'en')).toBe('31 October');
  });
});

describe('small words', () => {
  it('join lists with the conjunction and no comma before it', () => {
    expect(joinList(['siódmą', 'dziesiątą', 'jedenastą'], 'lub')).toBe('siódmą, dziesiątą lub jedenastą');
    expect(joinList(['the tenth', 'the eleventh'], 'or')).toBe('the tenth or the eleventh');
    expect(joinList(['jutro o 8:00'], 'albo')).toBe('jutro o 8:00');
  });

  it('lower the first letter after a colon unless the word keeps its capital', () => {
    expect(afterColon('W którym roku?')).toBe('w którym roku?');
    expect(afterColon('Pana numer?')).toBe('Pana numer?');
    expect(afterColon('Panią?')).toBe('Panią?');
    expect(afterColon('PESEL?')).toBe('PESEL?');
    expect(afterColon("I'm sure.")).toBe("I'm sure.");
    expect(afterColon('In which year?')).toBe('in which year?');
  });
});
