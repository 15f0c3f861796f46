import { describe, expect, it } from 'vitest';
import { highlightSnippet, highlightText } from './highlight.js';
import { indexTokens, phraseExpression, phraseTokens } from './ngram-tokens.js';
import { normalizeForSearch, normalizeWithOffsets } from './normalize-text.js';
import { MAX_TERMS, matchAll, parseSearch } from './search-query.js';

describe('parseSearch', () => {
  it.each([
    ['漏洩 誤送', { include: ['漏洩', '誤送'], exclude: [] }],
    ['"Apache  Struts" -"第2報" -県', { include: ['apache struts'], exclude: ['第2報', '県'] }],
    ['“個人 情報” ＵＳＢ', { include: ['個人 情報', 'usb'], exclude: [] }],
    ['"閉じない引用', { include: ['閉じない引用'], exclude: [] }],
    ['- 県 --x', { include: ['-', '県'], exclude: ['-x'] }],
    ['漏洩 漏洩 ""', { include: ['漏洩'], exclude: [] }],
    ['', { include: [], exclude: [] }],
  ])('%j', (input, expected) => {
    expect(parseSearch(input)).toEqual(expected);
  });

  it('keeps at most MAX_TERMS terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `語${i}`).join(' ');
    expect(parseSearch(many).include).toHaveLength(MAX_TERMS);
  });

  it('builds FTS5 syntax from its own tokens only', () => {
    expect(matchAll(parseSearch('NEAR( "x" * ^a:b').include)).toBe('"ne ea ar r（" AND "x" * AND "＊" * AND "＾a a： ：b"');
  });
});

describe('bigram tokens', () => {
  it('give every character one token, the run-final one alone', () => {
    expect(indexTokens('個人情報 usb-c')).toBe('個人 人情 情報 報 us sb b－ －c c');
    expect(phraseTokens('情報')).toEqual({ tokens: ['情報'], prefix: false });
    expect(phraseTokens('県')).toEqual({ tokens: ['県'], prefix: true });
    expect(phraseTokens('apache s')).toEqual({ tokens: ['ap', 'pa', 'ac', 'ch', 'he', 'e', 's'], prefix: true });
    expect(phraseExpression(phraseTokens('𠮷野'))).toBe('"𠮷野"');
  });
});

describe('normalisation and highlights', () => {
  it('folds width, case, compatibility characters and white space', () => {
    expect(normalizeForSearch(' ＵＳＢ　ﾒﾓﾘ\t㈱ｶﾞｽ\n\n１，０００件 ')).toBe('usb メモリ (株)ガス 1,000件');
  });

  it('maps each normalised character back to the original characters', () => {
    const mapped = normalizeWithOffsets('㈱ｶﾞｽ');
    expect(mapped?.text).toBe('(株)ガス');
    expect(mapped?.starts).toEqual([0, 0, 0, 1, 3]);
    expect(mapped?.ends).toEqual([1, 1, 1, 3, 4]);
  });

  it('highlights the original text of a normalised hit', () => {
    expect(highlightText('㈱ｶﾞｽ会社', ['ガス'])).toEqual([
      { text: '㈱', hit: false },
      { text: 'ｶﾞｽ', hit: true },
      { text: '会社', hit: false },
    ]);
    expect(highlightText('関係のない題名', ['ガス'])).toBeNull();
  });

  it('cuts a snippet around the first hit of a long body, even far into it', () => {
    const body = `${'あ'.repeat(5000)}🔒ｶﾞｽ漏れ${'い'.repeat(500)}`;
    const snippet = highlightSnippet(body, ['ガス']);
    expect(snippet?.[0]).toEqual({ text: '…', hit: false });
    expect(snippet?.filter((s) => s.hit)).toEqual([{ text: 'ｶﾞｽ', hit: true }]);
    expect(snippet?.map((s) => s.text).join('')).toContain('🔒ｶﾞｽ漏れ');
    expect(highlightSnippet(body, ['なし'])).toBeNull();
  });
});
