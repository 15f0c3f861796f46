import type { ColumnChoice } from '../../../shared/domain/import-record.js';

export type CanonicalField =
  | 'publishedAt'
  | 'title'
  | 'body'
  | 'sourceUrl'
  | 'organization'
  | 'sourceCategory'
  | 'sourceName';

export interface ExtraColumn {
  index: number;
  name: string;
}

export interface HeaderMapping {
  fields: Partial<Record<CanonicalField, number>>;
  extra: ExtraColumn[];
  problems: string[];
}

// Officers keep these lists in Excel with headers in Japanese or English, so each field has the names seen in
// their files. Entries are written naturally; they go through the same normalisation as the headers.
const SYNONYMS: Readonly<Record<CanonicalField, readonly string[]>> = {
  publishedAt: [
    '日付', '公表日', '公開日', '掲載日', '発表日', '年月日',
    'date', 'published', 'pubdate', 'published date', 'published at',
  ],
  title: ['タイトル', '見出し', '件名', '表題', 'title', 'headline', 'subject'],
  body: ['本文', '内容', '概要', '詳細', 'description', 'summary', 'content', 'body', 'text'],
  sourceUrl: ['url', 'link', 'リンク', '出典url', 'source url'],
  organization: [
    '組織', '組織名', '企業名', '会社名', '団体名', '被害組織', '公表組織',
    'organization', 'organisation', 'company', 'org',
  ],
  sourceCategory: ['カテゴリ', 'カテゴリー', '分類', '種別', 'category', 'source category'],
  sourceName: ['情報源', '出典', '媒体', 'source', 'source name'],
};

const MAX_SHOWN_HEADERS = 20;
const MAX_SHOWN_HEADER_LENGTH = 40;

const FIELD_BY_KEY: ReadonlyMap<string, CanonicalField> = new Map(
  (Object.entries(SYNONYMS) as [CanonicalField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeaderKey(name), field] as const),
  ),
);

/** Folds width, case and word separators so `Published_Date`, `ＵＲＬ` and `source-url` find their field. */
export function normaliseHeaderKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * A header set, as the officer's column mappings are remembered by: the normalised headers in order. Two
 * exports of the same Excel sheet have the same key, whatever their widths and spacing.
 */
export function headerSetKey(headers: readonly string[]): string {
  return headers.map((h) => normaliseHeaderKey(h.trim())).join('\u001f');
}

/** What the officer chose for each column of one header set: a field, or 'ignore' (kept as an extra column). */
export type { ColumnChoice };
/** Remembered mappings by header set key; each lists a choice per column position. */
export type RememberedMappings = Readonly<Record<string, readonly (ColumnChoice | null)[]>>;

export function mapHeaders(headers: string[], remembered: RememberedMappings = {}): HeaderMapping {
  const fields: Partial<Record<CanonicalField, number>> = {};
  const extra: ExtraColumn[] = [];
  const problems: string[] = [];
  const usedExtraNames = new Set<string>();
  // A mapping the officer made for exactly this header set overrides the synonyms, column by column.
  const chosen = Object.hasOwn(remembered, headerSetKey(headers)) ? remembered[headerSetKey(headers)] : undefined;

  headers.forEach((raw, index) => {
    const header = raw.trim();
    const choice = chosen?.[index] ?? null;
    const field =
      choice === 'ignore' ? undefined : choice !== null ? choice : header === '' ? undefined : FIELD_BY_KEY.get(normaliseHeaderKey(header));
    if (field === undefined) {
      // Unknown columns are the officer's own data (担当者, 対応状況…): keep them under a name that is unique.
      const name = uniqueName(header === '' ? `列${index + 1}` : header, usedExtraNames);
      usedExtraNames.add(name);
      extra.push({ index, name });
      return;
    }
    const taken = fields[field];
    if (taken !== undefined) {
      // Picking one of two 本文 columns would silently drop the other's text, so the officer must decide.
      problems.push(
        `columns "${clip(headers[taken]?.trim() ?? '')}" (column ${taken + 1}) and "${clip(header)}"` +
          ` (column ${index + 1}) both mean ${field}`,
      );
      return;
    }
    fields[field] = index;
  });

  if (fields.title === undefined) {
    problems.push(`${NO_TITLE_COLUMN}: headers were ${describeHeaders(headers)}`);
  }
  return { fields, extra, problems };
}

/** The start of the problem that the app answers with its column-mapping step. */
export const NO_TITLE_COLUMN = 'no title column';
/** Columns a mapping can be made for: beyond this, a header row is hostile, not a spreadsheet (C8). */
export const MAX_MAPPED_COLUMNS = 200;

// A header row can be hostile too (C8: 100,000 columns), so the message shows only a readable prefix.
function describeHeaders(headers: readonly string[]): string {
  if (headers.length === 0) return '(none)';
  const shown = headers.slice(0, MAX_SHOWN_HEADERS).map((h) => `"${clip(h.trim())}"`);
  const more = headers.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function clip(text: string): string {
  return text.length > MAX_SHOWN_HEADER_LENGTH ? `${text.slice(0, MAX_SHOWN_HEADER_LENGTH)}…` : text;
}

function uniqueName(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
