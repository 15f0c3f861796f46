// Extracted facts for renderer tests, with evidence spans computed from the text they point into.
import { itemText, type ExtractedFacts, type Span } from '../../shared/domain/facts.js';

/** The span of `needle` in the body (evidence in the title is not marked in the body). */
export function spanOf(title: string, body: string, needle: string): Span {
  const start = itemText(title, body).indexOf(needle, title.length);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { start, end: start + needle.length };
}

export function factsFor(title: string, body: string, overrides: Partial<ExtractedFacts> = {}): ExtractedFacts {
  const none = { value: null, evidence: [] };
  const at = (needle: string) => [spanOf(title, body, needle)];
  return {
    extractorVersion: 1,
    kind: { value: 'incident', evidence: [] },
    category: { value: 'unauthorized_access', evidence: body.includes('不正アクセス') ? at('不正アクセス') : [] },
    organization: none,
    publishedAt: none,
    occurredAt: none,
    detectedAt: none,
    reportSeq: none,
    caseId: none,
    affected: { people: none, records: none, organizations: none },
    dataTypes: [],
    cves: [],
    products: [],
    causes: [],
    countermeasures: [],
    appi: { reportable: null, reasons: [] },
    disclosureLagDays: null,
    severity: { value: 2, reasons: ['malicious'] },
    ...overrides,
  };
}
