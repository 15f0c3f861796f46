// What every reader (CSV, feeds, saved pages) turns a snapshot into, before identity and storage.

export interface SourceRecord {
  /** Physical line (1-based) where the record starts in the file (for feeds: where its element starts). */
  line: number;
  title: string;
  body: string;
  organization: string | null;
  /** `YYYY-MM-DD`, or null when the cell was empty or not a readable date. */
  publishedAt: string | null;
  publishedAtRaw: string | null;
  sourceCategory: string | null;
  sourceUrl: string | null;
  sourceName: string | null;
  /** Source fields no canonical field took (unknown CSV columns, feed guid…): name → value. */
  extra: Record<string, string>;
}

