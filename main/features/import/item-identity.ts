// When two imported records are the same story. Feeds, CSV lists and saved pages of one story differ in
// width (ＮＴＴ/NTT), spacing and punctuation (「」, ・, full stops), so the key compares titles after NFKC
// with all of that removed, plus the publication date (or the link when there is no date).
import { createHash } from 'node:crypto';

export interface IdentityFields {
  title: string;
  publishedAt: string | null;
  sourceUrl: string | null;
}

export function normalizeTitleForIdentity(title: string): string {
  return title
    .normalize('NFKC')
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
