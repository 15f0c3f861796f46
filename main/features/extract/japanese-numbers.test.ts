import { describe, expect, it } from 'vitest';
import { parseEnglishNumber, parseJapaneseNumber, parseKanjiNumeral } from './japanese-numbers.js';

describe('parseJapaneseNumber', () => {
  it.each([
    ['280,052', 280052],
    ['1270', 1270],
    ['37万', 370000],
    ['2.3万', 23000],
    ['2万9千', 29000],
    ['2万3000', 23000],
    ['5億', 500000000],
    ['1億2000万', 120000000],
    ['3千万', 30000000],
    ['1,648', 1648],
  ])('%s → %d', (text, value) => {
    expect(parseJapaneseNumber(text)).toBe(value);
  });

  it('refuses absurd numbers instead of returning Infinity or 1e20', () => {
    expect(parseJapaneseNumber('99999999999999999999')).toBeNull();
    expect(parseJapaneseNumber('9999億')).toBeNull();
    expect(parseJapaneseNumber('')).toBeNull();
  });
});

describe('parseEnglishNumber', () => {
  it('reads scale words', () => {
    expect(parseEnglishNumber('1.2', ' million')).toBe(1200000);
    expect(parseEnglishNumber('500', 'k')).toBe(500000);
    expect(parseEnglishNumber('3,000', undefined)).toBe(3000);
  });
});

describe('parseKanjiNumeral', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['二百五十', 250],
  ])('%s → %d', (text, value) => {
    expect(parseKanjiNumeral(text)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    expect(parseKanjiNumeral('報')).toBeNull();
  });
});
