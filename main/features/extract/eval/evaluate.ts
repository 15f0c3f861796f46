import type { ExtractedFacts, ExtractInput } from '../../../../shared/domain/facts.js';
import { toExtractInput, type EvalCase } from './eval-set.js';
import { scoreItem, toPredictedFacts, type ItemScore, type PredictedFacts } from './score.js';

// Runs an extractor over the evaluation set and scores each item; a throw is scored, not fatal, so one bad item
// shows up as misses (and on stderr) instead of hiding the figures of the others.

export type Extract = (input: ExtractInput) => ExtractedFacts;

/** What a crashed extraction is scored as: nothing found, so every labelled value is missed. */
const NOTHING: PredictedFacts = {
  kind: null,
  category: null,
  organization: null,
  publishedAt: null,
  occurredAt: null,
  detectedAt: null,
  reportSeq: null,
  caseId: null,
  affected: { people: null, records: null, organizations: null },
  dataTypes: [],
  cves: [],
  products: [],
  causes: [],
  countermeasures: [],
  appi: { reportable: null, reasons: [] },
  disclosureLagDays: null,
};

export interface ScoredCase {
  evalCase: EvalCase;
  score: ItemScore;
  crash: string | null;
}

export function scoreCases(cases: readonly EvalCase[], extract: Extract): ScoredCase[] {
  return cases.map((evalCase) => {
    try {
      const predicted = toPredictedFacts(extract(toExtractInput(evalCase.record)));
      return { evalCase, score: scoreItem(evalCase.expected, predicted), crash: null };
    } catch (error) {
      return { evalCase, score: scoreItem(evalCase.expected, NOTHING), crash: String((error as Error).stack ?? error) };
    }
  });
}

