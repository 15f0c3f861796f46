import type { Category, DataType, Kind, Severity } from './vocabulary.js';

// What the extractor reads out of an item (domain.md, "Facts to extract"), each fact with its evidence.
// Declared in shared/ because main computes and stores them, the renderer highlights the evidence, and the
// evaluation set (main/features/extract/eval) is labelled in the same shape.

/**
 * A span of the item's text, in UTF-16 code units (what String#slice and the DOM use).
 * The item's text is `itemText(title, body)`: the title, a blank line, then the body.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Fact<T> {
  value: T;
  /** Where the text says so; empty when the value was inferred (e.g. a year taken from the publication date). */
  evidence: Span[];
}

export type ReportSeq = number | 'final';

/** Why a leak would oblige a report to the PPC (APPI art. 26, rules art. 7, as amended 2022-04 and 2024-04). */
export const APPI_REASONS = [
  /** 要配慮個人情報 (health, medical, criminal record…). */
  'sensitive',
  /** 財産的被害のおそれ (card numbers, bank accounts, credentials of payment services). */
  'financial',
  /** 不正の目的 (attack, theft, insider, skimming before the data reached the company). */
  'malicious',
  /** More than 1,000 people. */
  'over_1000',
  /** My Number of more than 100 people (番号法: 重大事態). */
  'my_number_over_100',
] as const;
export type AppiReason = (typeof APPI_REASONS)[number];

export const SEVERITY_REASONS = [
  'people_log_scale',
  'sensitive_data',
  'financial_data',
  'credentials',
  'contact_data',
  'malicious',
  'accidental',
  'outage',
] as const;
export type SeverityReason = (typeof SEVERITY_REASONS)[number];

export interface ExtractInput {
  title: string;
  body: string;
  /** YYYY-MM-DD from the source (feed date, CSV column), if it had one. */
  publishedAt: string | null;
  sourceCategory: string | null;
  /** The organisation named by the source itself (a CSV column, a news list's `title/organisation`), if any. */
  sourceOrganization?: string | null;
}

export interface ExtractedFacts {
  /** Bumped whenever the rules change, so stored facts older than the extractor are recomputed. */
  extractorVersion: number;
  kind: Fact<Kind>;
  /** Null when the item is not an incident and no category applies. */
  category: Fact<Category | null>;
  organization: Fact<string | null>;
  publishedAt: Fact<string | null>;
  occurredAt: Fact<string | null>;
  detectedAt: Fact<string | null>;
  reportSeq: Fact<ReportSeq | null>;
  caseId: Fact<string | null>;
  affected: {
    people: Fact<number | null>;
    records: Fact<number | null>;
    organizations: Fact<number | null>;
  };
  dataTypes: Fact<DataType>[];
  cves: Fact<string>[];
  products: Fact<string>[];
  causes: Fact<string>[];
  countermeasures: Fact<string>[];
  appi: { reportable: boolean | null; reasons: Fact<AppiReason>[] };
  /** Days from detection (or occurrence) to publication; null when either date is unknown. */
  disclosureLagDays: number | null;
  severity: { value: Severity | null; reasons: SeverityReason[] };
}

/** The text every Span points into. */
export function itemText(title: string, body: string): string {
  return body.length > 0 ? `${title}\n\n${body}` : title;
}
