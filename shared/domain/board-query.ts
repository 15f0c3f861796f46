// What the board and the table ask for: filters, text, sort and page, as a plain interface and as the
// zod schema the IPC contract validates with (shared, so main and the renderer use one definition; the
// schema's output type is checked against the interface below, so the two cannot drift apart).
import { z } from 'zod';
import { CATEGORIES, KINDS, SEVERITIES, STATUSES, type Category, type Kind, type Severity, type Status } from './vocabulary.js';

export const BOARD_SORTS = ['relevance', 'date_desc', 'date_asc'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/**
 * Every filter is optional and they combine with AND; values inside one list combine with OR. In the
 * kind, category and severity lists `null` stands for "not known yet" (facts not extracted, or the
 * officer cleared the value). kind, category, severity and appiReportable are the effective values:
 * the officer's correction if there is one, else the extractor's suggestion.
 */
export interface BoardFilter {
  /** The search box: words AND-ed, "phrases", -exclusions (main/features/search/search-query.ts). */
  text: string;
  kinds: (Kind | null)[];
  categories: (Category | null)[];
  severities: (Severity | null)[];
  /** Items at or above this relevance; items without a relevance are left out while it is set. */
  relevanceMin: number | null;
  statuses: Status[];
  sourceNames: string[];
  /** Inclusive YYYY-MM-DD bounds on the publication date; undated items are left out while either is set. */
  publishedFrom: string | null;
  publishedTo: string | null;
  appiReportable: boolean | null;
  /** Items carrying any of these tags (item_tags); empty is every item. */
  tags: string[];
  /**
   * 続報あり: true keeps items whose incident has more than one known report (another item shares its
   * thread key, main/features/facts/thread-key.ts), false keeps the others, null both.
   */
  hasFollowUps: boolean | null;
}

export interface BoardQuery extends BoardFilter {
  sort: BoardSort;
}

export interface BoardPage {
  /** Cards per column. */
  limit: number;
  /** Cards to skip in each column (the next page of a scrolled column). */
  offset: number;
  /** Columns whose cards are wanted (all by default); counts always cover every column. */
  columns: Status[];
}

export const TABLE_COLUMNS = ['publishedAt', 'title', 'organization', 'status', 'kind', 'category', 'severity', 'sourceName'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface TableSort {
  /** 'relevance' orders by the text match (by date when there is no text). */
  column: TableColumn | 'relevance';
  direction: 'asc' | 'desc';
}

export interface TablePage {
  limit: number;
  offset: number;
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Long enough for any real search; a longer string is a paste accident. */
export const MAX_SEARCH_CHARS = 1000;
/** As item_tags (migration 0009) stores them; a filter of more tags than this is not one built by hand. */
export const MAX_TAG_CHARS = 40;
export const MAX_FILTER_TAGS = 50;

export const BoardFilterSchema = z.strictObject({
  text: z.string().max(MAX_SEARCH_CHARS).default(''),
  kinds: z.array(z.enum(KINDS).nullable()).max(KINDS.length + 1).default([]),
  categories: z.array(z.enum(CATEGORIES).nullable()).max(CATEGORIES.length + 1).default([]),
  severities: z.array(z.literal([...SEVERITIES]).nullable()).max(SEVERITIES.length + 1).default([]),
  relevanceMin: z.number().finite().nullable().default(null),
  statuses: z.array(z.enum(STATUSES)).max(STATUSES.length).default([]),
  sourceNames: z.array(z.string().min(1).max(200)).max(100).default([]),
  publishedFrom: IsoDate.nullable().default(null),
  publishedTo: IsoDate.nullable().default(null),
  appiReportable: z.boolean().nullable().default(null),
  // Added after the first saved views and addresses were written: the defaults let those still load.
  tags: z.array(z.string().trim().min(1).max(MAX_TAG_CHARS)).max(MAX_FILTER_TAGS).default([]),
  hasFollowUps: z.boolean().nullable().default(null),
});

export const BoardQuerySchema = BoardFilterSchema.extend({ sort: z.enum(BOARD_SORTS).default('relevance') });

export const BoardPageSchema = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  columns: z.array(z.enum(STATUSES)).max(STATUSES.length).default([...STATUSES]),
});

export const TableSortSchema = z.strictObject({
  column: z.enum([...TABLE_COLUMNS, 'relevance']).default('relevance'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});

export const TablePageSchema = z.strictObject({
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

/** The defaults of every filter: the whole board, by relevance (which is by date without text). */
export function emptyBoardQuery(): BoardQuery {
  return BoardQuerySchema.parse({});
}

// Compile-time proof that each schema produces exactly its interface.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchInterfaces: [
  Same<z.output<typeof BoardQuerySchema>, BoardQuery>,
  Same<z.output<typeof BoardPageSchema>, BoardPage>,
  Same<z.output<typeof TableSortSchema>, TableSort>,
  Same<z.output<typeof TablePageSchema>, TablePage>,
] = [true, true, true, true];
void schemasMatchInterfaces;

export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/** Where the search terms were found, as segments to render as text (never as HTML). */
export interface CardHighlights {
  title: HighlightSegment[] | null;
  organization: HighlightSegment[] | null;
  /** A window of the body around its first hit, with "…" where it was cut. */
  body: HighlightSegment[] | null;
}

export interface BoardCard {
  id: number;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  sourceCategory: string | null;
  sourceName: string | null;
  status: Status;
  kind: Kind | null;
  category: Category | null;
  severity: Severity | null;
  appiReportable: boolean | null;
  /** 0–100 against the organisation profile; null until the facts are read. */
  relevance: number | null;
  /** Null when the query has no text. */
  highlights: CardHighlights | null;
  /** 第N報 / 最終報 when the item is one report of an incident (absent on cards made in the renderer). */
  reportSeq?: number | 'final' | null;
  /** Reports known of the item's incident, itself included: above 1, the card says it is part of a chain. */
  threadSize?: number;
}

export interface BoardColumnPage {
  status: Status;
  /** Items of this column that match the query. */
  count: number;
  cards: BoardCard[];
}

export interface BoardResult {
  columns: BoardColumnPage[];
  /** Items that match the query, all columns. */
  matching: number;
}

export interface TableResult {
  rows: BoardCard[];
  matching: number;
}

/** One source the items came from (board.sources), for the source filter's choices. */
export interface SourceCount {
  name: string;
  /** Items from this source, whatever the query. */
  count: number;
}
