import type { HeaderMapping } from './header-map.js';
import { parseDate } from './parse-date.js';
import type { SourceRecord } from './source-record.js';

export type { SourceRecord } from './source-record.js';

/** Limit per cell (C8); a longer value is far more likely a broken quote than a real article. */
export const MAX_FIELD_CHARS = 1_000_000;

export type RowOutcome = { record: SourceRecord; warnings: string[] } | { error: string };

/**
 * Turns one row of cells into a record, or says why it cannot be one. Cells are kept verbatim apart from
 * trimming: a `=HYPERLINK(…)` stays text (C12); neutralising formulas is the exporter's job.
 */
export function buildSourceRecord(cells: string[], line: number, mapping: HeaderMapping, width: number): RowOutcome {
  if (cells.length !== width) return { error: `expected ${width} fields but found ${cells.length}` };
  if (cells.some((cell) => cell.length > MAX_FIELD_CHARS)) {
    return { error: `a field is longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters` };
  }

  const warnings: string[] = [];
  // Stored text must never hold U+0000 (C7): SQLite and the renderer both cut strings at it.
  if (cells.some((cell) => cell.includes('\0'))) warnings.push('NUL bytes removed');
  const values = cells.map((cell) => cell.replaceAll('\0', '').trim());

  const read = (index: number | undefined): string | null => {
    const value = index === undefined ? undefined : values[index];
    return value === undefined || value === '' ? null : value;
  };

  const title = read(mapping.fields.title);
  if (title === null) return { error: 'the title is empty' };

  const publishedAtRaw = read(mapping.fields.publishedAt);
  // Entries are built with fromEntries, never by assignment, so a header named `__proto__` stays a plain key.
  const extra = Object.fromEntries(
    mapping.extra.flatMap(({ index, name }) => {
      const value = read(index);
      return value === null ? [] : [[name, value]];
    }),
  );

  return {
    record: {
      line,
      title,
      body: read(mapping.fields.body) ?? '',
      organization: read(mapping.fields.organization),
      publishedAt: publishedAtRaw === null ? null : parseDate(publishedAtRaw),
      publishedAtRaw,
      sourceCategory: read(mapping.fields.sourceCategory),
      sourceUrl: read(mapping.fields.sourceUrl),
      sourceName: read(mapping.fields.sourceName),
      extra,
    },
    warnings,
  };
}

/** Rows of nothing but delimiters (`,,,,`) are what Excel leaves after formatted-but-empty rows. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.replaceAll('\0', '').trim() === '');
}
