// CSV for Japanese Excel: UTF-8 with a BOM (without it Excel reads UTF-8 as Shift_JIS), or CP932 on
// request, with every cell that Excel could take for a formula neutralised (OWASP CSV injection).
import Encoding from 'encoding-japanese';
import { stringify } from 'csv-stringify/sync';
import type { ExportedItem } from '../../../shared/domain/item.js';

export type CsvEncoding = 'utf-8' | 'cp932';

const COLUMNS = [
  'id', 'kind', 'category', 'sourceCategory', 'status', 'severity', 'relevance', 'title', 'organization',
  'publishedAt', 'occurredAt', 'detectedAt', 'reportSeq', 'caseId', 'affectedPeople', 'affectedRecords',
  'affectedOrganizations', 'dataTypes', 'cves', 'products', 'appiReportable', 'appiReasons',
  'disclosureLagDays', 'sourceName', 'sourceUrl', 'tags', 'body',
] as const;

// Full-width ＝＋－＠ are included: Japanese IMEs produce them and Excel may normalise them.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes a quote so Excel shows the text instead of evaluating it; the quote is the documented marker. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function toCells(item: ExportedItem): string[] {
  const list = (values: readonly string[]) => values.join('; ');
  const text = (value: string | number | boolean | null) => (value === null ? '' : String(value));
  return [
    text(item.id), text(item.kind), text(item.category), text(item.sourceCategory), item.status,
    text(item.severity), text(item.relevance), item.title, text(item.organization), text(item.publishedAt),
    text(item.occurredAt), text(item.detectedAt), text(item.reportSeq), text(item.caseId),
    text(item.affected.people), text(item.affected.records), text(item.affected.organizations),
    list(item.dataTypes), list(item.cves), list(item.products), text(item.appi.reportable),
    list(item.appi.reasons), text(item.disclosureLagDays), text(item.sourceName), text(item.sourceUrl),
    list(item.tags), item.body,
  ].map((cell) => neutralizeFormula(cell.replaceAll('\u0000', '')));
}

export function formatItemsAsCsv(items: readonly ExportedItem[], encoding: CsvEncoding = 'utf-8'): Uint8Array {
  const text = stringify([[...COLUMNS], ...items.map(toCells)], { record_delimiter: '\r\n', quoted_match: /[\s\S]/ });
  if (encoding === 'cp932') return toCp932(text);
  return new TextEncoder().encode(`\uFEFF${text}`);
}

function toCp932(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

/**
 * Items whose text CP932 cannot hold (emoji, 𠮷, some kanji): in a CP932 export those characters become
 * '?', so the officer is told which items to check (or to export UTF-8 instead).
 */
export function findItemsLosingTextInCp932(items: readonly ExportedItem[]): number[] {
  return items
    .filter((item) => {
      const text = toCells(item).join('\u0001');
      return Encoding.codeToString(Encoding.convert(toCp932(text), { to: 'UNICODE', from: 'SJIS' })) !== text;
    })
    .map((item) => item.id);
}
