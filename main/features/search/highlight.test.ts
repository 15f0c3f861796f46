// The direct path of the highlights (hits found by indexOf where the normalisation maps one character to
// one) must give exactly what the general path (findHits with its offset map) gives: the cards of a
// search would otherwise mark other characters than the detail does.
import { describe, expect, it } from 'vitest';
import { makeWorkloadItem, seededRandom } from '../../bench/board-workload.js';
import { findHits, findHitsFast, highlightSnippet } from './highlight.js';
import { normalizeForSearch } from './normalize-text.js';

const TRICKY = [
  '（第2報）ＵＳＢメモリの紛失　について',
  'ｶﾞｽ漏れ事故、半角カナのｶﾞｽと全角のガス。',
  '㈱テクノ　１，０００件の情報',
  'Ransomware attack on ACME; the attackers demanded BTC.',
  'apache  struts の  脆弱性\n改行を含む\t本文',
  '𠮷田さんの🔒鍵付きファイル。',
  'e\u0301cole and café',
  'ﾊﾝｸﾞﾙ 한국어 한',
  'ヿ ゟ 〶 〸 ㍻ ﬁ',
  '\u0000制御\u0007文字',
  '',
];

const TERMS = [['流出'], ['漏洩', '個人情報'], ['usb'], ['ガス'], ['(第2報)'], ['1,000件'], ['acme'], ['県'], ['a'], ['について'], ['🔒'], ['ｶ'], ['カ'], ['é']];

function texts(): string[] {
  const random = seededRandom(11);
  const out = [...TRICKY];
  for (let i = 0; i < 150; i++) {
    const item = makeWorkloadItem(i, random);
    out.push(item.title, item.organization ?? '', item.body);
  }
  return out;
}

/** The snippet as the general path makes it: a window of 30 characters before and 90 after the first hit. */
function snippetByFindHits(original: string, terms: string[]): string | null {
  const first = findHits(original, terms)[0];
  if (!first) return null;
  const from = Math.max(0, first.start - 30);
  const to = Math.min(original.length, first.start + 90);
  return `${from > 0 ? '…' : ''}${original.slice(from, to)}${to < original.length ? '…' : ''}`;
}

describe('highlights by the direct path', () => {
  it('finds the same ranges as findHits in workload and tricky texts', () => {
    let compared = 0;
    for (const text of texts()) {
      for (const raw of TERMS) {
        const terms = raw.map(normalizeForSearch);
        expect(findHitsFast(text, terms), `${text} / ${terms.join(' ')}`).toEqual(findHits(text, terms));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('makes the same body snippet as the first hit of findHits', () => {
    let withHit = 0;
    for (const text of texts()) {
      // Texts without clusters or surrogates at the cuts, where the window is plain character arithmetic.
      if (/[\ud800-\udfff\p{M}\uff9e\uff9f]/u.test(text)) continue;
      for (const raw of TERMS) {
        const terms = raw.map(normalizeForSearch);
        const expected = snippetByFindHits(text, terms);
        const snippet = highlightSnippet(text, terms);
        expect(snippet === null ? null : snippet.map((s) => s.text).join(''), text).toBe(expected);
        if (snippet) {
          withHit++;
          // The marked segments are the hits of the window, by the general path.
          const window = snippet.filter((s) => s.text !== '…').map((s) => s.text).join('');
          const marked = snippet.filter((s) => s.hit).map((s) => s.text);
          expect(marked).toEqual(findHits(window, terms).map((h) => window.slice(h.start, h.end)));
        }
      }
    }
    expect(withHit).toBeGreaterThan(150);
  });

  it('leaves phrases with spaces and texts it cannot map one to one to findHits', () => {
    expect(findHitsFast('apache  struts の', ['apache struts'])).toEqual([{ start: 0, end: 14 }]);
    expect(findHitsFast('ｶﾞｽ', ['ガス'])).toEqual([{ start: 0, end: 3 }]);
    expect(findHitsFast('㈱テクノ', ['(株)'])).toEqual([{ start: 0, end: 1 }]);
    expect(findHitsFast('ＵＳＢ　メモリ', ['usb'])).toEqual([{ start: 0, end: 3 }]);
  });
});
