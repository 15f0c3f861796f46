// The bulletin as main stores and serves it and the renderer edits it (domain.md "Bulletins"). Plain types,
// no Node and no DOM: shared by main's engine (main/features/bulletins/) and the renderer's editor.
import type { Category, DataType, Kind } from './vocabulary.js';

export const BULLETIN_TEMPLATES = ['single', 'digest'] as const;
export type BulletinTemplate = (typeof BULLETIN_TEMPLATES)[number];

export const BULLETIN_STATES = ['draft', 'approved', 'issued'] as const;
export type BulletinState = (typeof BULLETIN_STATES)[number];

/** Printed on every page. 公開 exists for notices meant for partners or the public. */
export const CLASSIFICATIONS = ['社外秘', '社内限り', '公開'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const BULLETIN_LANGUAGES = ['ja', 'en'] as const;
export type BulletinLanguage = (typeof BULLETIN_LANGUAGES)[number];

/**
 * How a digest groups its items: the incident category, or for items that are not incidents their kind
 * (an advisory about a phishing wave has no incident category), else unclassified (null).
 */
export type DigestGroup = Category | 'advisory' | 'publication';

export interface CategoryCount {
  category: DigestGroup | null;
  count: number;
}

export interface Bulletin {
  id: number;
  number: string;
  year: number;
  sequence: number;
  version: number;
  parentId: number | null;
  template: BulletinTemplate;
  language: BulletinLanguage;
  title: string;
  /** YYYY-MM-DD, the date printed on the notice. */
  date: string;
  department: string;
  audience: string;
  classification: Classification;
  bodyMarkdown: string;
  /** Digest only: what the {{chart}} placeholder draws. */
  chart: CategoryCount[] | null;
  state: BulletinState;
  itemIds: number[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface BulletinChange {
  id: number;
  action: 'created' | 'edited' | 'approved' | 'reopened' | 'issued' | 'new_version';
  detail: Record<string, unknown>;
  changedAt: string;
  changedBy: string;
}

/**
 * One covered item as a bulletin reads it: the officer's corrections over the extractor's suggestions,
 * over the item's own columns when no facts were extracted yet.
 */
export interface BulletinSource {
  itemId: number;
  title: string;
  body: string;
  organization: string | null;
  publishedAt: string | null;
  occurredAt: string | null;
  detectedAt: string | null;
  kind: Kind | null;
  category: Category | null;
  sourceCategory: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  people: number | null;
  records: number | null;
  dataTypes: DataType[];
  causes: string[];
  countermeasures: string[];
  appiReportable: boolean | null;
}

/** The fields an officer edits while a bulletin is a draft. */
export interface BulletinEdit {
  title?: string;
  date?: string;
  department?: string;
  audience?: string;
  classification?: Classification;
  bodyMarkdown?: string;
}

export interface BulletinCoverage {
  bulletinId: number;
  number: string;
  version: number;
  state: BulletinState;
  date: string;
}

/** Who issued it and the SHA-256 of what was kept, for the editor's read-only view of an issued bulletin. */
export interface IssuedArtifactInfo {
  issuedAt: string;
  issuedBy: string;
  htmlSha256: string;
  pdfSha256: string | null;
}

/** One bulletin as the editor opens it: the bulletin, its history, and what was kept when it was issued. */
export interface BulletinView {
  bulletin: Bulletin;
  changes: BulletinChange[];
  issued: IssuedArtifactInfo | null;
}

/** The editable templates (Markdown with {{placeholders}}) per template and language. */
export type BulletinTemplateSet = Record<BulletinTemplate, Record<BulletinLanguage, string>>;

export interface BulletinSettings {
  templates: BulletinTemplateSet;
  /** e.g. SEC-{YYYY}-{NNN}; needs a sequence token {N…}. */
  numberFormat: string;
}
