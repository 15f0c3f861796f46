import type { ExtractedFacts, Span } from '../../../shared/domain/facts.js';
import type { Relevance, RelevanceField, RelevanceMatch, RelevanceProfile } from '../../../shared/domain/relevance.js';
import { normalizeText, toOriginalSpan } from './normalize-text.js';

// How close an item is to us: the organisation profile's words (our industry, products and services we run,
// vendors and contractors, regions, keywords) found in the item, matched after NFKC and without case, with the
// matched words and where they are. A product we run or a vendor we use weighs most: that is where an incident
// elsewhere becomes ours.

// The profile and result shapes are shared with the renderer (settings editor, matched words).
export type { Relevance, RelevanceField, RelevanceMatch, RelevanceProfile };

const WEIGHT: Readonly<Record<RelevanceField, number>> = { products: 35, vendors: 30, industries: 20, regions: 15, keywords: 15 };
const FIELDS: readonly RelevanceField[] = ['products', 'vendors', 'industries', 'regions', 'keywords'];
const MAX_WORD_CHARS = 100;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function foldWord(word: string): string {
  return word.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export function scoreRelevance(text: string, facts: Pick<ExtractedFacts, 'products' | 'organization'> | null, profile: RelevanceProfile): Relevance {
  const norm = normalizeText(text);
  const matches: RelevanceMatch[] = [];
  let score = 0;
  for (const field of FIELDS) {
    const seen = new Set<string>();
    for (const raw of profile[field] ?? []) {
      const word = foldWord(raw);
      if (word.length === 0 || word.length > MAX_WORD_CHARS || seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      // Latin words match whole words only (`SAP` is not in `sapporo`); Japanese has no spaces to anchor on.
      const latin = /^[\w .&+-]+$/.test(word);
      const pattern = new RegExp(latin ? String.raw`(?<![A-Za-z0-9])${escapeRegExp(word).replace(/ /g, '\\s+')}(?![A-Za-z0-9])` : escapeRegExp(word), 'i');
      const m = pattern.exec(norm.text);
      let span: Span | null = m ? toOriginalSpan(norm, m.index, m.index + m[0].length) : null;
      // A product the extractor recognised under another spelling (`Struts 2` for `Struts2`) still counts.
      if (span === null && field === 'products' && facts) {
        const key = word.replace(/\s+/g, '').toLowerCase();
        const hit = facts.products.find((p) => p.value.normalize('NFKC').replace(/\s+/g, '').toLowerCase().includes(key));
        if (hit) span = hit.evidence[0] ?? { start: 0, end: 0 };
      }
      if (span === null) continue;
      matches.push({ word: raw, field, span });
      score += WEIGHT[field];
    }
  }
  return { score: Math.min(100, score), matches };
}
