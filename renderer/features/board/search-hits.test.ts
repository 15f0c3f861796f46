import { describe, expect, it } from 'vitest';
import { cutAtHits, hasSearchTerms, searchHits, stepHit } from './search-hits.js';

const text = '当社サーバーへの不正アクセスにより、ＵＳＢメモリの個人情報が漏洩しました。個人情報の漏洩は2件目です。';
const marked = (search: string) => searchHits(text, search).map((h) => text.slice(h.start, h.end));

describe('searchHits', () => {
  it('finds the terms as the search does: words, phrases, full-width folded, exclusions never marked', () => {
    expect(marked('漏洩')).toEqual(['漏洩', '漏洩']);
    expect(marked('usb 漏洩')).toEqual(['ＵＳＢ', '漏洩', '漏洩']);
    expect(marked('"個人情報の漏洩"')).toEqual(['個人情報の漏洩']);
    expect(marked('個人情報 -不正アクセス')).toEqual(['個人情報', '個人情報']);
    expect(marked('-漏洩')).toEqual([]);
    expect(marked('')).toEqual([]);
  });

  it('says whether the search has terms to find', () => {
    expect(hasSearchTerms('漏洩 -茨城')).toBe(true);
    expect(hasSearchTerms('-茨城')).toBe(false);
    expect(hasSearchTerms('   ')).toBe(false);
  });
});

describe('cutAtHits', () => {
  it('cuts a piece of a larger text at the hits, keeping the index of a hit cut at the edge', () => {
    // The piece is text[10, 20) of a larger text; hits at 8–12 (crossing the start) and 15–17.
    const piece = 'abcdefghij';
    expect(cutAtHits(piece, 10, [{ start: 8, end: 12 }, { start: 15, end: 17 }, { start: 30, end: 31 }])).toEqual([
      { text: 'ab', hit: 0, start: 10 },
      { text: 'cde', hit: null, start: 12 },
      { text: 'fg', hit: 1, start: 15 },
      { text: 'hij', hit: null, start: 17 },
    ]);
    expect(cutAtHits(piece, 10, [])).toEqual([{ text: piece, hit: null, start: 10 }]);
  });
});

describe('stepHit', () => {
  it('goes round from the last hit to the first and back', () => {
    expect(stepHit(0, 3, 1)).toBe(1);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
    expect(stepHit(0, 0, 1)).toBe(0);
  });
});
