import type { ExtractedFacts, ReportSeq } from '../../../../shared/domain/facts.js';
import type { ExpectedFacts } from './label-schema.js';

// Scores one prediction against one label, field by field, as true/false positives and false negatives.
// Pure: the runner and the unit tests share it, so the figures `npm run eval` prints are the ones tested.
//
// Scalars: a predicted value equal to the label is a TP; a different non-null value is an FP (and an FN too when
// the label has a value, since the right one was missed); null where the label has a value is an FN; null where
// the label is null counts nothing. Lists: set comparison element by element. Causes and countermeasures: the
// label lists key phrases; a phrase some predicted sentence contains is a TP, a phrase none contains is an FN,
// a predicted sentence containing no phrase is an FP (sentence boundaries are a matter of taste, content is not).

export const FIELDS = [
  'kind',
  'category',
  'organization',
  'publishedAt',
  'occurredAt',
  'detectedAt',
  'reportSeq',
  'caseId',
  'affected.people',
  'affected.records',
  'affected.organizations',
  'dataTypes',
  'cves',
  'products',
  'causes',
  'countermeasures',
  'appi.reportable',
  'appi.reasons',
  'disclosureLagDays',
] as const;
export type FieldName = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Counts {
  /** What the label and the prediction said, for the `--verbose` list of failures. */
  expected: unknown;
  predicted: unknown;
}

export type ItemScore = Record<FieldName, FieldScore>;

/** The values of ExtractedFacts without their evidence: what is compared. */
export interface PredictedFacts {
  /** Null only for an extraction that threw. */
  kind: string | null;
  category: string | null;
  organization: string | null;
  publishedAt: string | null;
  occurredAt: string | null;
  detectedAt: string | null;
  reportSeq: ReportSeq | null;
  caseId: string | null;
  affected: { people: number | null; records: number | null; organizations: number | null };
  dataTypes: string[];
  cves: string[];
  products: string[];
  causes: string[];
  countermeasures: string[];
  appi: { reportable: boolean | null; reasons: string[] };
  disclosureLagDays: number | null;
}

export function toPredictedFacts(facts: ExtractedFacts): PredictedFacts {
  const values = <T>(list: ReadonlyArray<{ value: T }>): T[] => list.map((f) => f.value);
  return {
    kind: facts.kind.value,
    category: facts.category.value,
    organization: facts.organization.value,
    publishedAt: facts.publishedAt.value,
    occurredAt: facts.occurredAt.value,
    detectedAt: facts.detectedAt.value,
    reportSeq: facts.reportSeq.value,
    caseId: facts.caseId.value,
    affected: {
      people: facts.affected.people.value,
      records: facts.affected.records.value,
      organizations: facts.affected.organizations.value,
    },
    dataTypes: values(facts.dataTypes),
    cves: values(facts.cves),
    products: values(facts.products),
    causes: values(facts.causes),
    countermeasures: values(facts.countermeasures),
    appi: { reportable: facts.appi.reportable, reasons: values(facts.appi.reasons) },
    disclosureLagDays: facts.disclosureLagDays,
  };
}

/** NFKC (full-width letters and digits, ㈱ → (株), Kangxi radicals → kanji), no whitespace, Latin lower-cased. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** `株式会社ヤマハ`, `ヤマハ株式会社`, `ヤマハ(株)` and `ヤマハ ` are one organisation. */
export function normalizeOrganization(name: string): string {
  return normalizeForMatch(name).replace(/株式会社|\(株\)/gu, '');
}

function normalizeCaseId(id: string): string {
  return normalizeForMatch(id).replace(/^#/u, '');
}

export function scoreScalar<T>(expected: T | null, predicted: T | null, equal: (e: T, p: T) => boolean = Object.is): Counts {
  if (predicted === null) return { tp: 0, fp: 0, fn: expected === null ? 0 : 1 };
  if (expected !== null && equal(expected, predicted)) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: 1, fn: expected === null ? 0 : 1 };
}

export function scoreSet(expected: readonly string[], predicted: readonly string[], normalize: (s: string) => string = (s) => s): Counts {
  const want = new Set(expected.map(normalize));
  const got = new Set(predicted.map(normalize));
  let tp = 0;
  for (const value of got) if (want.has(value)) tp += 1;
  return { tp, fp: got.size - tp, fn: want.size - tp };
}

export function scoreKeyPhrases(keyPhrases: readonly string[], sentences: readonly string[]): Counts {
  const phrases = [...new Set(keyPhrases.map(normalizeForMatch))];
  const said = sentences.map(normalizeForMatch);
  const tp = phrases.filter((phrase) => said.some((s) => s.includes(phrase))).length;
  const fp = said.filter((s) => !phrases.some((phrase) => s.includes(phrase))).length;
  return { tp, fp, fn: phrases.length - tp };
}

function scoreOrganization(expected: ExpectedFacts['organization'], predicted: string | null): Counts {
  const accepted = expected === null ? null : (Array.isArray(expected) ? expected : [expected]).map(normalizeOrganization);
  return scoreScalar(accepted, predicted === null ? null : [normalizeOrganization(predicted)], (a, p) => a.includes(p[0] ?? ''));
}

export function scoreItem(expected: ExpectedFacts, predicted: PredictedFacts): ItemScore {
  const field = (counts: Counts, e: unknown, p: unknown): FieldScore => ({ ...counts, expected: e, predicted: p });
  const scalar = <T>(e: T | null, p: T | null): FieldScore => field(scoreScalar(e, p), e, p);
  const product = (s: string): string => normalizeForMatch(s);
  return {
    kind: scalar<string>(expected.kind, predicted.kind),
    category: scalar<string>(expected.category, predicted.category),
    organization: field(scoreOrganization(expected.organization, predicted.organization), expected.organization, predicted.organization),
    publishedAt: scalar(expected.publishedAt, predicted.publishedAt),
    occurredAt: scalar(expected.occurredAt, predicted.occurredAt),
    detectedAt: scalar(expected.detectedAt, predicted.detectedAt),
    reportSeq: scalar<ReportSeq>(expected.reportSeq, predicted.reportSeq),
    caseId: field(
      scoreScalar(expected.caseId, predicted.caseId, (e, p) => normalizeCaseId(e) === normalizeCaseId(p)),
      expected.caseId,
      predicted.caseId,
    ),
    'affected.people': scalar(expected.affected.people, predicted.affected.people),
    'affected.records': scalar(expected.affected.records, predicted.affected.records),
    'affected.organizations': scalar(expected.affected.organizations, predicted.affected.organizations),
    dataTypes: field(scoreSet(expected.dataTypes, predicted.dataTypes), expected.dataTypes, predicted.dataTypes),
    cves: field(scoreSet(expected.cves, predicted.cves, (s) => s.normalize('NFKC').trim().toUpperCase()), expected.cves, predicted.cves),
    products: field(scoreSet(expected.products, predicted.products, product), expected.products, predicted.products),
    causes: field(scoreKeyPhrases(expected.causes, predicted.causes), expected.causes, predicted.causes),
    countermeasures: field(
      scoreKeyPhrases(expected.countermeasures, predicted.countermeasures),
      expected.countermeasures,
      predicted.countermeasures,
    ),
    'appi.reportable': scalar(expected.appi.reportable, predicted.appi.reportable),
    'appi.reasons': field(scoreSet(expected.appi.reasons, predicted.appi.reasons), expected.appi.reasons, predicted.appi.reasons),
    disclosureLagDays: scalar(expected.disclosureLagDays, predicted.disclosureLagDays),
  };
}

export interface FieldFigures extends Counts {
  /** Null when nothing was predicted (precision) or nothing was expected (recall). */
  precision: number | null;
  recall: number | null;
  /** Values (scalars) or elements (lists, key phrases) the labels expect: tp + fn. */
  support: number;
}

export interface Figures {
  fields: Record<FieldName, FieldFigures>;
  /** Micro average: the counts of every field summed, then divided. */
  micro: FieldFigures;
}

function figuresOf(c: Counts): FieldFigures {
  return {
    ...c,
    precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn),
    support: c.tp + c.fn,
  };
}

export function summarize(scores: readonly ItemScore[]): Figures {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const fields = {} as Record<FieldName, FieldFigures>;
  for (const name of FIELDS) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const s of scores) {
      c.tp += s[name].tp;
      c.fp += s[name].fp;
      c.fn += s[name].fn;
    }
    fields[name] = figuresOf(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { fields, micro: figuresOf(total) };
}
