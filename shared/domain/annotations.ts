// The officer's annotations of an item (issue #5, the detail): a Markdown note, tags and related items,
// and the history rows the ISMS export carries. Tag normalisation lives here so that main stores, the
// contract validates and the renderer suggests exactly the same spelling.
import type { Status } from './vocabulary.js';

export const TAG_MAX_LENGTH = 40;
export const MAX_TAGS_PER_ITEM = 50;
export const NOTE_MAX_LENGTH = 100_000;
export const LINK_NOTE_MAX_LENGTH = 500;

/** The field names these annotations use in field_changes (0003), beside the fact paths of corrections. */
export const ANNOTATION_FIELDS = ['note', 'tags', 'related'] as const;
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];

export function isAnnotationField(value: string): value is AnnotationField {
  return (ANNOTATION_FIELDS as readonly string[]).includes(value);
}

// C0/C1 controls, and the invisible format characters that make two tags look equal while they differ
// (zero-width space/joiners, bidi overrides and isolates, the BOM).
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * One spelling per tag: NFKC (full-width ＡＢＣ and half-width ｶﾅ fold into one form), controls and
 * invisible characters removed, runs of whitespace made one space, trimmed. Null when nothing is left
 * or when the tag is longer than TAG_MAX_LENGTH (cutting it would store a tag nobody typed).
 */
export function normalizeTag(raw: string): string | null {
  // Whitespace first (tabs and newlines are controls too, but they separate words).
  const tag = raw.normalize('NFKC').replace(/\s+/gu, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  if (tag === '' || [...tag].length > TAG_MAX_LENGTH) return null;
  return tag;
}

/** The officer's note on an item: Markdown source, shown rendered without HTML. */
export interface ItemNote {
  body: string;
  updatedAt: string;
  updatedBy: string;
}

/** Another item the officer linked to this one (the relation is symmetric). */
export interface RelatedItem {
  id: number;
  title: string;
  status: Status;
  publishedAt: string | null;
  note: string | null;
  linkedAt: string;
  linkedBy: string;
}

/** A tag in use, with the number of items carrying it (filters and autocomplete). */
export interface TagCount {
  tag: string;
  count: number;
}

/** One row of the history export: a status change or a field change (corrections, note, tags, links). */
export interface HistoryEntry {
  itemId: number;
  itemTitle: string;
  /** 'status' for the board column; otherwise the field_changes field ('category', 'note', 'tags', …). */
  field: string;
  from: unknown;
  to: unknown;
  changedAt: string;
  changedBy: string;
}

/** The history export as a file the renderer can hand to the browser (CSV text starts with its BOM). */
export interface HistoryFile {
  fileName: string;
  mimeType: 'text/csv' | 'application/json';
  text: string;
  rows: number;
}
