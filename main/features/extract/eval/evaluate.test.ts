import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedFacts, ExtractInput, Fact } from '../../../../shared/domain/facts.js';
import { buildEvalSet, loadLabelFiles, type EvalCase } from './eval-set.js';
import { scoreCases } from './evaluate.js';
import { summarize } from './score.js';

// The whole path the runner takes (samples through readSnapshot, labels, extractor input, scoring), checked with
// two extractors whose figures are known in advance: one that answers what the labels say, one that throws.

const cases = buildEvalSet(resolve('../shared/samples'), loadLabelFiles());

const fact = <T>(value: T): Fact<T> => ({ value, evidence: [] });

/**
 * Answers each input with its label, found by everything it is given: the RDF and its page copy differ only by
 * date, the feed and the CSV only by the organisation column.
 */
function oracleFor(all: readonly EvalCase[]) {
  return (input: ExtractInput): ExtractedFacts => {
    const c = all.find(
      (x) =>
        x.record.title === input.title &&
        x.record.body === input.body &&
        x.record.publishedAt === input.publishedAt &&
        x.record.organization === (input.sourceOrganization ?? null),
    );
    if (!c) throw new Error(`no case for ${input.title}`);
    const e = c.expected;
    return {
      extractorVersion: 0,
      kind: fact(e.kind),
      category: fact(e.category),
      organization: fact(Array.isArray(e.organization) ? (e.organization[0] ?? null) : e.organization),
      publishedAt: fact(e.publishedAt),
      occurredAt: fact(e.occurredAt),
      detectedAt: fact(e.detectedAt),
      reportSeq: fact(e.reportSeq),
      caseId: fact(e.caseId),
      affected: { people: fact(e.affected.people), records: fact(e.affected.records), organizations: fact(e.affected.organizations) },
      dataTypes: e.dataTypes.map(fact),
      cves: e.cves.map(fact),
      products: e.products.map(fact),
      // A sentence around each key phrase, as an extractor would return it.
      causes: e.causes.map((p) => fact(`原因は、${p}ためです。`)),
      countermeasures: e.countermeasures.map((p) => fact(`今後は${p}を行います。`)),
      appi: { reportable: e.appi.reportable, reasons: e.appi.reasons.map(fact) },
      disclosureLagDays: e.disclosureLagDays,
      severity: { value: null, reasons: [] },
    };
  };
}

describe('scoreCases', () => {
  it('gives an extractor that reads like the labels 100% precision and recall on every field it can score', () => {
    const figures = summarize(scoreCases(cases, oracleFor(cases)).map((s) => s.score));
    expect(figures.micro.fp).toBe(0);
    expect(figures.micro.fn).toBe(0);
    expect(figures.micro.tp).toBe(figures.micro.support);
    expect(figures.micro.support).toBeGreaterThan(1000);
    for (const [name, f] of Object.entries(figures.fields)) expect(f.recall === null || f.recall === 1, name).toBe(true);
  });

  it('scores an extractor that throws as missing everything, and keeps the error', () => {
    const scored = scoreCases(cases.slice(0, 3), () => {
      throw new Error('boom');
    });
    expect(scored.every((s) => s.crash?.includes('boom'))).toBe(true);
    const figures = summarize(scored.map((s) => s.score));
    expect(figures.micro.tp).toBe(0);
    expect(figures.micro.fp).toBe(0);
    expect(figures.micro.fn).toBe(figures.micro.support);
    expect(figures.fields.kind.fn).toBe(3);
  });
});
