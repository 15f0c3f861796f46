import type { ItemNote, RelatedItem } from './annotations.js';
import type { FieldChange, ItemFactsView } from './corrections.js';
import type { Category, DataType, Kind, Severity, Status } from './vocabulary.js';

/** What a board card needs: small, so a column of hundreds stays cheap to send and render. */
export interface CardSummary {
  id: number;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  sourceCategory: string | null;
  status: Status;
}

export interface StatusChange {
  id: number;
  from: Status | null;
  to: Status;
  changedAt: string;
  changedBy: string;
}

export interface ItemDetail extends CardSummary {
  body: string;
  sourceName: string | null;
  sourceUrl: string | null;
  /** Columns of the source that no field took, kept as they were (header → value). */
  extra: Record<string, string>;
  importedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  history: StatusChange[];
  /** What the extractor read (with evidence) and what the officer corrected, kept apart. */
  facts: ItemFactsView;
  /** The officer's changes to facts, newest first. */
  fieldHistory: FieldChange[];
  /** Other reports of the same incident (第1報 → 最終報), newest first; empty when none is known. */
  thread: ThreadItem[];
  /** The officer's Markdown note (null when none), tags, and related items (symmetric links). */
  note: ItemNote | null;
  tags: string[];
  related: RelatedItem[];
}

/** One report in a follow-up chain, as the detail panel lists it. */
export interface ThreadItem {
  id: number;
  title: string;
  publishedAt: string | null;
  reportSeq: number | 'final' | null;
  status: Status;
}

/** One item as `export --format json` prints it: the contract of domain.md ("Interfaces others rely on"). */
export interface ExportedItem {
  id: number;
  kind: Kind | null;
  category: Category | null;
  sourceCategory: string | null;
  status: Status;
  severity: Severity | null;
  relevance: number | null;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  occurredAt: string | null;
  detectedAt: string | null;
  reportSeq: number | 'final' | null;
  caseId: string | null;
  affected: { people: number | null; records: number | null; organizations: number | null };
  dataTypes: DataType[];
  cves: string[];
  products: string[];
  appi: { reportable: boolean | null; reasons: string[] };
  disclosureLagDays: number | null;
  sourceName: string | null;
  sourceUrl: string | null;
  tags: string[];
  body: string;
}

export interface ImportError {
  file: string;
  line: number | null;
  message: string;
  /** The header row of a CSV whose columns were not recognised: the app offers to map them (remembered). */
  headers?: string[];
}

/** The import summary of the CLI contract, also shown in the UI after an import. */
export interface ImportSummary {
  imported: number;
  duplicates: number;
  updated: number;
  failed: number;
  errors: ImportError[];
}
