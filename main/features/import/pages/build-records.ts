/**
 * Turns the items found on a page into source records, and accounts for every other line: each non-blank line
 * of the page ends up in a record (title, date, label or body) or in `dropped` with the reason. That is what
 * lets the officer check that nothing was lost.
 */
import { MAX_FIELD_CHARS } from '../build-source-record.js';
import type { SourceRecord } from '../source-record.js';
import type { Layout } from './find-items.js';
import { monthContexts, resolveItemDate } from './item-date.js';
import { isHeadingLike, type LineKind } from './line-kinds.js';
import type { PageLine } from './page-line.js';
import type { ItemSpan } from './page-view.js';
import { findSourceUrl } from './source-url.js';
import { capTitle, decideConventions, noticePrefix, parseTitle, takeLeadingDate, takeTrailingDate, type PageConventions } from './title-parts.js';

/**
 * 'not-incident' is part of the contract but not produced: posts that are not incidents (an airline alliance in
 * 004) are kept as records with `extra.kindHint = 'not-incident'`, since kind `other` (対象外) is the officer's call.
 */
export type DropReason = 'chrome' | 'mojibake' | 'not-incident' | 'duplicate-title';

export interface DroppedLine {
  line: number;
  text: string;
  reason: DropReason;
}

export interface PageIssue {
  line: number | null;
  message: string;
}

export interface BuiltPage {
  records: SourceRecord[];
  errors: PageIssue[];
  dropped: DroppedLine[];
  /** Items found that could not become records. */
  failed: number;
}

export interface BuildInput {
  lines: readonly PageLine[];
  kinds: readonly LineKind[];
  layout: Layout;
  sourceName: string;
  reference: string;
}

// The dropped list is for review, not storage: long furniture is cut, and a page of a million junk lines
// (H5) is summarised rather than listed.
const MAX_DROPPED_TEXT = 200;
const MAX_DROPPED_LINES = 10_000;
// Titles are capped at 200 characters; reading more of a long line to find one only costs time.
const MAX_TITLE_SOURCE_CHARS = 1000;

export function buildRecords(input: BuildInput): BuiltPage {
  const { lines, kinds, layout } = input;
  const page: BuiltPage = { records: [], errors: [], dropped: [], failed: 0 };
  let unlisted = 0;
  const drop = (index: number, reason: DropReason): void => {
    const line = lines[index];
    if (!line || line.text === '') return;
    if (page.dropped.length >= MAX_DROPPED_LINES) {
      unlisted++;
      return;
    }
    const text = line.text.length > MAX_DROPPED_TEXT ? `${line.text.slice(0, MAX_DROPPED_TEXT)}…` : line.text;
    page.dropped.push({ line: line.line, text, reason });
  };

  const months = monthContexts(lines, kinds);
  const conventions = decideConventions(layout.spans.flatMap((s) => (s.titleIndex === null ? [] : [bareTitle(lines[s.titleIndex]?.text ?? '')])));
  const covered = new Uint8Array(lines.length);

  for (const span of layout.spans) {
    covered.fill(1, span.start, span.end);
    const record = buildOne(input, span, conventions, months[span.start] ?? null, drop);
    if ('error' in record) {
      page.failed++;
      page.errors.push({ line: lines[span.start]?.line ?? null, message: record.error });
    } else {
      page.records.push(record.record);
      if (record.truncated) page.errors.push({ line: record.record.line, message: `the item's text is longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters and was cut` });
    }
  }

  lines.forEach((_, index) => {
    if (covered[index] === 1) return;
    drop(index, layout.duplicates.has(index) ? 'duplicate-title' : kinds[index] === 'mojibake' ? 'mojibake' : 'chrome');
  });
  page.dropped.sort((a, b) => a.line - b.line);
  if (unlisted > 0) page.errors.push({ line: null, message: `${unlisted.toLocaleString('en-US')} more dropped lines are not listed` });
  return page;
}

type Built = { record: SourceRecord; truncated: boolean } | { error: string };

function buildOne(input: BuildInput, span: ItemSpan, conventions: PageConventions, month: Parameters<typeof resolveItemDate>[1], drop: (index: number, reason: DropReason) => void): Built {
  const { lines, kinds, layout } = input;
  const titleIndex = span.titleIndex ?? firstText(input, span);
  const dateRaw = span.dateIndex === null ? null : (lines[span.dateIndex]?.text ?? null);
  const titleLine = titleIndex === null ? undefined : lines[titleIndex];
  if (!titleLine) {
    for (let i = span.start; i < span.end; i++) drop(i, kinds[i] === 'mojibake' ? 'mojibake' : 'chrome');
    return { error: dateRaw === null ? 'an item has no title' : `the item dated "${dateRaw}" has no title` };
  }
  // A paragraph standing in for a missing title stays in the body too: the title is only its first sentence.
  const titleIsParagraph = !isHeadingLike(titleLine.norm);
  const consumed = new Set([titleIsParagraph ? null : titleIndex, span.dateIndex, span.labelIndex].filter((i): i is number => i !== null));

  const body: string[] = [];
  // Which page line each body line came from, for lines dropped after the fact.
  const bodyIndexes: (number | undefined)[] = [];
  const mojibakeLines: number[] = [];
  let ended = false;
  for (let i = span.start; i < span.end; i++) {
    if (consumed.has(i)) continue;
    const kind = kinds[i];
    const line = lines[i];
    if (!line) continue;
    if (kind === 'blank') {
      if (!ended) {
        body.push('');
        bodyIndexes.push(undefined);
      }
    } else if (layout.duplicates.has(i)) drop(i, 'duplicate-title');
    else if (ended || kind === 'chrome' || kind === 'month') drop(i, 'chrome');
    else if (kind === 'end') {
      // Pagination, `Page Top`, copyright: what follows up to the next item is the page's, not this item's.
      ended = true;
      drop(i, 'chrome');
    } else if (kind === 'mojibake') {
      mojibakeLines.push(line.line);
      drop(i, 'mojibake');
    } else {
      body.push(line.text);
      bodyIndexes.push(i);
    }
  }

  const parts = parseTitle(titleLine.text.slice(0, MAX_TITLE_SOURCE_CHARS), conventions);
  // Blogs repeat the title as the first words of the text (002); the copy adds nothing.
  const first = body.findIndex((l) => l !== '');
  const firstLine = body[first];
  if (!titleIsParagraph && firstLine !== undefined && firstLine.startsWith(titleLine.text)) {
    const rest = firstLine.slice(titleLine.text.length);
    if (rest === '') {
      body[first] = '';
      const index = bodyIndexes[first];
      if (index !== undefined) drop(index, 'duplicate-title');
    } else if (/^\s/.test(rest)) body[first] = rest.trim();
  }

  const text = joinParagraphs(body);
  const truncated = text.length > MAX_FIELD_CHARS;
  const publishedAtRaw = dateRaw ?? parts.dateRaw ?? dateOfCopies(input, span, conventions);
  const category = span.labelIndex === null ? parts.category : (lines[span.labelIndex]?.text ?? null);

  const extra: Record<string, string> = {};
  if (parts.caseId !== null) extra.caseId = parts.caseId;
  if (parts.series !== null) extra.series = parts.series;
  if (span.inSeries === false) extra.kindHint = 'not-incident';
  if (mojibakeLines.length > 0) {
    extra.lowConfidence = 'mojibake';
    extra.mojibakeLines = mojibakeLines.join(',');
  }

  return {
    record: {
      line: lines[span.start]?.line ?? titleLine.line,
      title: parts.title === '' ? capTitle(titleLine.text) : parts.title,
      body: truncated ? text.slice(0, MAX_FIELD_CHARS) : text,
      organization: parts.organization,
      publishedAt: publishedAtRaw === null ? null : resolveItemDate(publishedAtRaw, month, input.reference),
      publishedAtRaw,
      sourceCategory: category,
      sourceUrl: findSourceUrl(body, titleLine.href),
      sourceName: input.sourceName,
      extra,
    },
    truncated,
  };
}

/** A title written twice may carry its date only on the copy (`title`, then `title 2023.07.14`). */
function dateOfCopies({ lines, layout }: BuildInput, span: ItemSpan, conventions: PageConventions): string | null {
  for (let i = span.start; i < span.end; i++) {
    const line = lines[i];
    if (line && layout.duplicates.has(i)) {
      const date = parseTitle(line.text.slice(0, MAX_TITLE_SOURCE_CHARS), conventions).dateRaw;
      if (date !== null) return date;
    }
  }
  return null;
}

/** An entry whose title line was not where the layout expected it (`10日` then `【状況】`): its first text. */
function firstText({ kinds, layout }: BuildInput, span: ItemSpan): number | null {
  for (let i = span.start; i < span.end; i++) if (kinds[i] === 'text' && !layout.duplicates.has(i)) return i;
  return null;
}

/** Paragraph breaks survive as one empty line, however many the page had; the ends are trimmed. */
function joinParagraphs(body: readonly string[]): string {
  const out: string[] = [];
  for (const line of body) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The title words a page convention is judged on: without a notice number or a date around them. */
function bareTitle(text: string): string {
  const rest = noticePrefix(text)?.rest ?? text;
  return takeTrailingDate(takeLeadingDate(rest).text).text;
}
