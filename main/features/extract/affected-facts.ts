import type { Fact } from '../../../shared/domain/facts.js';
import { findCounts, pickAffected, type AffectedUnit } from './affected.js';
import { toOriginalSpan, type NormalizedText } from './normalize-text.js';

/** The affected counts as facts, each with the phrase it was read from. */
export function findAffectedFacts(text: string, titleEnd: number, norm: NormalizedText): Record<AffectedUnit, Fact<number | null>> {
  const best = pickAffected(findCounts(text), text, titleEnd);
  const asFact = (unit: AffectedUnit): Fact<number | null> => {
    const c = best[unit];
    return c ? { value: c.value, evidence: [toOriginalSpan(norm, c.start, c.end)] } : { value: null, evidence: [] };
  };
  return { people: asFact('people'), records: asFact('records'), organizations: asFact('organizations') };
}
