// The history CSV is written by hand for speed; it must be byte for byte what csv-stringify writes for the
// item export (csv-export.ts) — quotes doubled, newlines kept inside quotes, empty cells bare — and parse back
// to the same cells, with formula starts neutralised.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/annotations.js';
import { formatHistoryCsv, formatHistoryValue, HISTORY_COLUMNS } from './history-export.js';

const entries: HistoryEntry[] = [
  { itemId: 1, itemTitle: '=HYPERLINK("http://x")', field: 'status', from: null, to: 'new', changedAt: '2026-11-25T00:00:00.000Z', changedBy: 'import' },
  { itemId: 1, itemTitle: 'a,b "c"', field: 'note', from: '＋1', to: '行1\r\n行2\n"引用", 終わり', changedAt: '2026-11-25T00:00:01.000Z', changedBy: '@sato' },
  { itemId: 2, itemTitle: 't', field: 'tags', from: [], to: ['APPI', '-要確認'], changedAt: '2026-11-25T00:00:02.000Z', changedBy: 'suzuki' },
  { itemId: 2, itemTitle: 't', field: 'related', from: [1], to: [1, 3], changedAt: '2026-11-25T00:00:03.000Z', changedBy: 'x\u0000y' },
  { itemId: 2, itemTitle: 't', field: 'affected.people', from: { a: 1 }, to: 1200, changedAt: '2026-11-25T00:00:04.000Z', changedBy: 'sato' },
];

describe('formatHistoryCsv', () => {
  it('writes what csv-stringify writes for the item export, after the BOM', () => {
    const text = formatHistoryCsv(entries);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const cells = parse(text.slice(1)) as string[][];
    expect(text.slice(1)).toBe(stringify(cells, { record_delimiter: '\r\n', quoted_match: /[\s\S]/ }));
  });

  it('keeps every cell, neutralises formula starts and turns lists into "a; b"', () => {
    const [header, ...rows] = parse(formatHistoryCsv(entries).slice(1)) as string[][];
    expect(header).toEqual([...HISTORY_COLUMNS]);
    expect(rows[0]).toEqual(['2026-11-25T00:00:00.000Z', 'import', '1', `'=HYPERLINK("http://x")`, 'status', '', 'new']);
    expect(rows[1]?.slice(1)).toEqual(["'@sato", '1', 'a,b "c"', 'note', "'＋1", '行1\r\n行2\n"引用", 終わり']);
    expect(rows[2]?.slice(5)).toEqual(['', "APPI; -要確認"]);
    expect(rows[3]?.slice(1, 2)).toEqual(['xy']);
    expect(rows[3]?.slice(5)).toEqual(['1', '1; 3']);
    expect(rows[4]?.slice(5)).toEqual(['{"a":1}', '1200']);
    expect(formatHistoryValue(true)).toBe('true');
  });
});
