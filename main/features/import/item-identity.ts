// When two imported records are the same story. Feeds, CSV lists and saved pages of one story differ in
// width (ＮＴＴ/NTT), spacing and punctuation (「」, ・, full stops), so the key compares titles after NFKC
// with all of that removed, plus the publication date (or the link when there is no date).
import { createHash } from 'node:crypto';
import Encoding from 'encoding-japanese';

export interface IdentityFields {
  title: string;
  publishedAt: string | null;
  sourceUrl: string | null;
}

// Decorations a site adds around a story's own title: a leading series or case label in 【】 brackets
// (【セキュリティ事件簿#2023-266】, 【注意喚起】) and a trailing publication date (… 2023年7月18日). The same
// notice copied from another page or feed comes without them, and is the same story.
const LEADING_LABEL = /^(?:\s*【[^】]{1,40}】)+/u;
const TRAILING_DATE = /[\s\u3000]*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})[\s\u3000]*$/u;

/** The title without the labels and dates sites decorate it with, otherwise as written (never empty). */
export function stripTitleDecorations(title: string): string {
  const core = title.replace(LEADING_LABEL, '').replace(TRAILING_DATE, '').trim();
  return core.length > 0 ? core : title.trim();
}

/** The story's own title for matching: NFKC, without decorations (never empty). */
export function coreTitle(title: string): string {
  return stripTitleDecorations(title.normalize('NFKC'));
}

export function normalizeTitleForIdentity(title: string): string {
  return coreTitle(title)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}

export function computeIdentityKey(record: IdentityFields): string {
  const anchor = record.publishedAt ?? record.sourceUrl?.trim() ?? '';
  return `${normalizeTitleForIdentity(record.title)}|${anchor}`;
}

/** Equal hashes mean a duplicate; a different hash for the same identity means the source changed the text. */
export function computeContentHash(fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * The text of a story as compared between snapshots: a feed drops the blank lines a CSV keeps, and
 * full-width and half-width forms come and go, without the story changing.
 */
export function normalizeTextForComparison(text: string | null): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Both texts as a Shift_JIS/CP932 file would hold them: characters CP932 lacks become '?', then vanish. */
function throughCp932(text: string): string {
  const unified = normalizeTextForComparison(text).replace(/[〜～~]/gu, '~');
  const sjis = Encoding.convert(Encoding.stringToCode(unified), { to: 'SJIS', from: 'UNICODE' });
  return Encoding.codeToString(Encoding.convert(sjis, { to: 'UNICODE', from: 'SJIS' })).replaceAll('?', '');
}

/**
 * Whether two texts of one story differ only by what a legacy encoding lost. A Shift_JIS snapshot of a
 * UTF-8 page has '?' where CP932 has no character (戶, combining marks) and a different wave dash; that
 * is the same story, not an update, and must not overwrite the better text. Only called when the hashes
 * differ, so its cost stays off the common path.
 */
export function differsOnlyByEncodingLoss(a: string, b: string): boolean {
  return throughCp932(a) === throughCp932(b);
}

/**
 * Hash of what makes the story: title, date and text. Snapshot metadata (organisation column, feed name,
 * guid, the source's category label, extra columns) is not part of it — a feed often lacks what a CSV
 * list has — so the same story from a feed and from a CSV list is a duplicate, not an update.
 */
export function computeStoryHash(story: { title: string; publishedAt: string | null; body: string }): string {
  return computeContentHash([
    normalizeTextForComparison(coreTitle(story.title)),
    story.publishedAt,
    normalizeTextForComparison(story.body),
  ]);
}
