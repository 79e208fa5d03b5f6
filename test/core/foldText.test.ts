import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/foldText.js';

describe('foldText (answer comparison)', () => {
  it.each([
    ['Hasło', 'haslo'],
    ['KRAKÓW', 'krakow'],
    ['Łódź', 'lodz'],
    ['Zażółć gęślą jaźń', 'zazolc gesla jazn'],
    ['ŁĄKA', 'laka'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('keeps what an answer means: digits, spaces and punctuation stay', () => {
    expect(foldText('P1N 16 cyfr, 3-4')).toBe('p1n 16 cyfr, 3-4');
    expect(foldText('P I N')).toBe('p i n');
  });
});
