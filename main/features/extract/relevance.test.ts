import { describe, expect, it } from 'vitest';
import { scoreRelevance, type RelevanceProfile } from './relevance.js';

const empty: RelevanceProfile = { industries: [], products: [], vendors: [], regions: [], keywords: [] };

describe('scoreRelevance', () => {
  it('matches profile words with the matched word, field and span', () => {
    const text = '鹿児島県日置市の市立校で、サポート詐欺に騙されて校務システム停止';
    const result = scoreRelevance(text, null, { ...empty, regions: ['鹿児島県'], industries: ['市立校', '病院'], keywords: ['サポート詐欺'] });
    expect(result.matches.map((m) => [m.word, m.field])).toEqual([
      ['市立校', 'industries'],
      ['鹿児島県', 'regions'],
      ['サポート詐欺', 'keywords'],
    ]);
    const region = result.matches.find((m) => m.field === 'regions');
    expect(text.slice(region?.span.start, region?.span.end)).toBe('鹿児島県');
    expect(result.score).toBe(50);
  });

  it('matches after NFKC and without case, and points at the original characters', () => {
    const text = '「ＡＰＡＣＨＥ　Ｓｔｒｕｔｓ２」の脆弱性';
    const result = scoreRelevance(text, null, { ...empty, products: ['apache struts2'] });
    expect(result.matches).toHaveLength(1);
    expect(text.slice(result.matches[0]?.span.start, result.matches[0]?.span.end)).toBe('ＡＰＡＣＨＥ　Ｓｔｒｕｔｓ２');
  });

  it('matches Latin words whole, not inside other words', () => {
    expect(scoreRelevance('札幌 Sapporo の事例', null, { ...empty, vendors: ['SAP'] }).matches).toEqual([]);
  });

  it('caps the score at 100 and ignores empty or absurd profile words', () => {
    const text = 'Microsoft Exchange Server と FortiOS と Cisco と 東京 と 医療 の話';
    const profile = { industries: ['医療', ''], products: ['Exchange', 'FortiOS'], vendors: ['Cisco', 'x'.repeat(500)], regions: ['東京'], keywords: ['話'] };
    expect(scoreRelevance(text, null, profile).score).toBe(100);
  });

  it('scores 0 with an empty profile or an empty text', () => {
    expect(scoreRelevance('なんでも', null, empty)).toEqual({ score: 0, matches: [] });
    expect(scoreRelevance('', null, { ...empty, keywords: ['漏えい'] })).toEqual({ score: 0, matches: [] });
  });
});
