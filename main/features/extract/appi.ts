import type { AppiReason, Span } from '../../../shared/domain/facts.js';
import type { Category, DataType, Kind } from '../../../shared/domain/vocabulary.js';

// Would this leak oblige a report to the PPC (個人情報保護委員会) if it happened to us? APPI art. 26 and rules
// art. 7 as amended 2022-04 (and 2024-04 for data captured before it reached the company):
//   要配慮個人情報 (health…)           → sensitive
//   財産的被害のおそれ (card, bank)      → financial
//   不正の目的 (attack, theft, insider,
//     web skimming, fake payment page) → malicious
//   more than 1,000 people              → over_1000
//   My Number of more than 100 people   → my_number_over_100 (番号法: 重大事態)
// reportable is true when any reason applies to a personal-data incident, false when it is clearly one with none,
// null when the item is no personal-data incident or we cannot tell.

export interface AppiInput {
  kind: Kind;
  category: Category | null;
  categoryEvidence: Span[];
  dataTypes: ReadonlyArray<{ value: DataType; evidence: Span[] }>;
  people: { value: number | null; evidence: Span[] };
  records: { value: number | null; evidence: Span[] };
  /** Offsets of phrases that say personal data was involved (`個人情報`, `personal information`). */
  personalDataEvidence: Span[];
  /** Offsets of web-skimming or fake-payment-page phrases. */
  skimmingEvidence: Span[];
  /** The text says no personal data leaked (`外部への流出はない`, `情報漏洩は一切ない`). */
  saysNoLeak: boolean;
}

export interface AppiResult {
  reportable: boolean | null;
  reasons: { value: AppiReason; evidence: Span[] }[];
}

const MALICIOUS_CATEGORIES: ReadonlySet<Category> = new Set(['unauthorized_access', 'ransomware', 'malware', 'phishing_fraud', 'theft', 'insider', 'ddos']);
const SENSITIVE: ReadonlySet<DataType> = new Set(['health']);
const FINANCIAL: ReadonlySet<DataType> = new Set(['card_number', 'card_expiry', 'card_cvv', 'card_holder', 'bank_account']);

function evidenceOf(types: AppiInput['dataTypes'], set: ReadonlySet<DataType>): Span[] | null {
  const hits = types.filter((t) => set.has(t.value));
  return hits.length > 0 ? hits.flatMap((t) => t.evidence) : null;
}

export function judgeAppi(input: AppiInput): AppiResult {
  const personal = input.dataTypes.some((t) => t.value !== 'other') || input.personalDataEvidence.length > 0;
  if (input.kind !== 'incident' || !personal) return { reportable: null, reasons: [] };
  // An attack that reached no personal data obliges no report: `組合員の個人情報は異なる環境で管理し、外部への流出はない`.
  const knownData = input.dataTypes.some((t) => t.value !== 'other');
  if (input.saysNoLeak && !knownData) return { reportable: false, reasons: [] };
  const reasons: AppiResult['reasons'] = [];
  const sensitive = evidenceOf(input.dataTypes, SENSITIVE);
  if (sensitive) reasons.push({ value: 'sensitive', evidence: sensitive });
  const financial = evidenceOf(input.dataTypes, FINANCIAL);
  if (financial) reasons.push({ value: 'financial', evidence: financial });
  if (input.category !== null && MALICIOUS_CATEGORIES.has(input.category)) {
    reasons.push({ value: 'malicious', evidence: input.categoryEvidence });
  } else if (input.skimmingEvidence.length > 0) {
    reasons.push({ value: 'malicious', evidence: input.skimmingEvidence });
  }
  // Counts in 件 are usually one record per person in a breach notice; they stand in when no people count is given.
  const headcount = input.people.value !== null ? input.people : input.records;
  if (headcount.value !== null && headcount.value > 1000) reasons.push({ value: 'over_1000', evidence: headcount.evidence });
  const myNumber = input.dataTypes.find((t) => t.value === 'my_number');
  if (myNumber && headcount.value !== null && headcount.value > 100) {
    reasons.push({ value: 'my_number_over_100', evidence: [...myNumber.evidence, ...headcount.evidence] });
  }
  if (reasons.length > 0) return { reportable: true, reasons };
  // "Clearly a personal-data incident with none": we know the data and the headcount and nothing applies. With the
  // headcount unknown, over_1000 might still apply, so we cannot say.
  return { reportable: headcount.value !== null ? false : null, reasons };
}
