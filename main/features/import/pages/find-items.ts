/**
 * Where items start on a page. Several general layouts are tried, from the most explicit evidence to the
 * least, and the first that finds at least two items wins; no layout belongs to one site:
 * - articles: HTML `<article>` elements.
 * - series: titles with a numbered notice prefix (`【…#2023-268】`, `【インシデント#12】`), plus other posts laid
 *   out like them (the same empty space after the title, or else a title followed by prose).
 * - dated: a date line before each title (`10日`, `2023年7月3日`), or after it, or a date at the line start.
 * - repeated titles: each title written twice (a link, then a heading), or once in a list and again above the text.
 * - headings: HTML h1–h6 that read like titles.
 * - paragraphs: a title-like line followed by body text.
 * A page with one item still gives that item; a page with nothing readable gives none. Afterwards a title copy
 * just above an item joins it, and items that are only a link to another item's title are dropped.
 */
import { isBodyLike, isHeadingLike, isListItem, type LineKind } from './line-kinds.js';
import type { PageLine } from './page-line.js';
import { attachNearbyDates, PageView, pushTo, spansFromStarts, type ItemSpan } from './page-view.js';
import { absorbTitleCopies, byRepeatedTitles, dropLinkOnlyItems } from './repeated-titles.js';
import { noticePrefix, repeatedLabels, seriesKey, takeLeadingDate } from './title-parts.js';

export type { ItemSpan } from './page-view.js';

export type LayoutMode = 'articles' | 'series' | 'dated' | 'repeated-titles' | 'headings' | 'paragraphs' | 'single' | 'empty';

export interface Layout {
  mode: LayoutMode;
  spans: ItemSpan[];
  /** Second and further copies of repeated titles, wherever they are. */
  duplicates: ReadonlySet<number>;
}

// Titles shorter than this are section headings (`経緯`, `事件の概要`) more often than item titles.
const MIN_TITLE_CHARS = 10;

export function findItems(lines: readonly PageLine[], kinds: readonly LineKind[]): Layout {
  const view = new PageView(lines, kinds);
  return dropLinkOnlyItems(view, absorbTitleCopies(view, chooseLayout(view)));
}

function chooseLayout(view: PageView): Layout {
  const none = new Set<number>();
  const attempts: [LayoutMode, () => ItemSpan[], number][] = [
    ['articles', () => byArticles(view), 2],
    ['series', () => bySeries(view, 2), 2],
    ['dated', () => byDates(view), 2],
  ];
  for (const [mode, find, minimum] of attempts) {
    const spans = find();
    if (spans.length >= minimum) return { mode, spans: mode === 'dated' ? spans : attachNearbyDates(view, spans), duplicates: none };
  }
  const repeated = byRepeatedTitles(view);
  if (repeated.spans.length >= 2) return { mode: 'repeated-titles', spans: attachNearbyDates(view, repeated.spans, repeated.duplicates), duplicates: repeated.duplicates };
  for (const [mode, find] of [['headings', () => byHeadingTags(view)], ['paragraphs', () => byParagraphs(view)]] as const) {
    const spans = find();
    if (spans.length >= 2) return { mode, spans: attachNearbyDates(view, spans), duplicates: none };
  }
  const oneNotice = bySeries(view, 1);
  if (oneNotice.length === 1) return { mode: 'series', spans: attachNearbyDates(view, oneNotice), duplicates: none };
  if (repeated.spans.length === 1) return { mode: 'repeated-titles', spans: attachNearbyDates(view, repeated.spans, repeated.duplicates), duplicates: repeated.duplicates };
  const single = bySingleItem(view);
  return { mode: single.length === 0 ? 'empty' : 'single', spans: attachNearbyDates(view, single), duplicates: none };
}

function byArticles(view: PageView): ItemSpan[] {
  const ranges = new Map<number, { first: number; last: number }>();
  view.lines.forEach((line, index) => {
    if (line.article === null) return;
    const range = ranges.get(line.article);
    if (range) range.last = index;
    else ranges.set(line.article, { first: index, last: index });
  });
  if (ranges.size < 2) return [];
  return [...ranges.values()].map(({ first, last }) => {
    let titleIndex: number | null = null;
    for (let i = first; i <= last && titleIndex === null; i++) if (view.lines[i]?.heading !== null && view.kind(i) === 'text') titleIndex = i;
    for (let i = first; i <= last && titleIndex === null; i++) if (view.kind(i) === 'text') titleIndex = i;
    // `<article><time>2023-07-14</time><h2>…`: a date above the heading is still the article's date.
    let dateIndex: number | null = null;
    for (let i = first; i < (titleIndex ?? first) && dateIndex === null; i++) if (view.kind(i) === 'date') dateIndex = i;
    return { start: first, end: last + 1, titleIndex, dateIndex, labelIndex: null, inSeries: null };
  });
}

/**
 * Numbered notices, and the other posts of the same blog: those carry no prefix, so they are recognised by
 * looking like the notices (a title-like line followed by the same extra empty space as the notice titles).
 * When the notices are not set apart that way, a title followed directly by prose is the remaining evidence.
 */
function bySeries(view: PageView, minimum: number): ItemSpan[] {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < view.length; i++) {
    if (view.kind(i) !== 'text') continue;
    const notice = noticePrefix(view.lines[i]?.text ?? '');
    if (!notice) continue;
    pushTo(groups, seriesKey(notice.series), i);
  }
  const notices = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (notices.length < minimum) return [];
  const starts = notices.map((index) => ({ index, inSeries: true }));
  const gap = median(notices.map((i) => view.blanksAfter(i)));
  if (notices.length >= 2) {
    const noticeSet = new Set(notices);
    for (let i = 0; i < view.length; i++) {
      if (noticeSet.has(i) || !view.isTitleCandidate(i) || view.norm(i).length < 8) continue;
      const next = view.next(i);
      // Without the extra space the only evidence left is the one used for blogs: a title, then prose.
      const looksLikePost = gap >= 2
        ? view.blanksAfter(i) >= gap && (view.blanksBefore(i) >= 1 || view.prev(i) === -1) && next !== -1 && view.isContent(next)
        : opensArticle(view, i);
      if (looksLikePost) starts.push({ index: i, inSeries: false });
    }
  }
  return spansFromStarts(view, starts);
}

function byDates(view: PageView): ItemSpan[] {
  const dateLines: number[] = [];
  for (let i = 0; i < view.length; i++) if (view.kind(i) === 'date') dateLines.push(i);
  if (dateLines.length >= 2) return byDateLines(view, dateLines);
  // `2023年7月3日 ○○への不正アクセス`: the date opens the title line itself.
  const inline: number[] = [];
  for (let i = 0; i < view.length; i++) {
    if (view.kind(i) !== 'text') continue;
    const { date, text } = takeLeadingDate(view.lines[i]?.text ?? '');
    if (date !== null && isHeadingLike(text.normalize('NFKC')) && text.length <= 120) inline.push(i);
  }
  return inline.length >= 2 ? spansFromStarts(view, inline.map((index) => ({ index }))) : [];
}

/**
 * Date lines open items (`10日` then the title) on list pages, but follow the title on blogs (`title`, then
 * `2023年7月14日`, then text). The page decides by majority which of the two it is.
 */
function byDateLines(view: PageView, dateLines: readonly number[]): ItemSpan[] {
  let opens = 0;
  let follows = 0;
  for (const d of dateLines) {
    const next = view.next(d);
    const prev = view.prev(d);
    const titleNext = next !== -1 && view.isTitleCandidate(next);
    if (titleNext) opens++;
    else if (prev !== -1 && view.isTitleCandidate(prev) && (next === -1 || isBodyLike(view.norm(next)) || !view.isTitleCandidate(next))) follows++;
  }
  if (follows > opens) {
    const starts = dateLines.flatMap((d) => {
      const title = view.prev(d);
      return title !== -1 && view.isTitleCandidate(title) ? [{ index: title, titleIndex: title, dateIndex: d }] : [];
    });
    return spansFromStarts(view, dedupeStarts(starts));
  }

  // A short line between the date and the title is a category label when such lines repeat (`不正アクセス`).
  const heads = dateLines.map((d) => {
    const first = view.next(d);
    const second = first === -1 ? -1 : view.next(first);
    return { d, first, second };
  });
  const labelTexts = heads
    .filter(({ first, second }) => first !== -1 && second !== -1 && view.kind(first) === 'text' && view.norm(first).length <= 20 && view.isTitleCandidate(second))
    .map(({ first }) => view.norm(first));
  const labels = repeatedLabels(labelTexts) ?? consistentLabels(labelTexts, heads.length);
  const starts = heads.map(({ d, first, second }) => {
    const isTitle = first !== -1 && view.kind(first) === 'text';
    if (isTitle && labels?.has(view.norm(first)) && second !== -1 && view.isTitleCandidate(second)) {
      return { index: d, dateIndex: d, labelIndex: first, titleIndex: second };
    }
    return { index: d, dateIndex: d, titleIndex: isTitle ? first : null };
  });
  // A title index past the next date belongs to the next item: this entry has none.
  return spansFromStarts(view, starts).map((span) => (span.titleIndex !== null && span.titleIndex >= span.end ? { ...span, titleIndex: null, labelIndex: null } : span));
}

/**
 * On a short list the label words repeat too little to prove anything by counting; the layout proves it
 * instead: nearly every entry has the short line, and at least one label comes back.
 */
function consistentLabels(labelTexts: readonly string[], entries: number): Set<string> | null {
  const distinct = new Set(labelTexts);
  if (labelTexts.length < 2 || labelTexts.length < entries * 0.8 || distinct.size === labelTexts.length) return null;
  return distinct;
}

function byHeadingTags(view: PageView): ItemSpan[] {
  const byLevel = new Map<number, number[]>();
  view.lines.forEach((line, index) => {
    if (line.heading === null || !isTitleLike(view, index)) return;
    pushTo(byLevel, line.heading, index);
  });
  const best = [...byLevel.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.length >= 2 ? spansFromStarts(view, best.map((index) => ({ index }))) : [];
}

function byParagraphs(view: PageView): ItemSpan[] {
  const starts: number[] = [];
  for (let i = 0; i < view.length; i++) if (opensArticle(view, i)) starts.push(i);
  return spansFromStarts(view, starts.map((index) => ({ index })));
}

/** A title-like line, set apart from what precedes it, followed by prose. */
function opensArticle(view: PageView, index: number): boolean {
  if (!isTitleLike(view, index)) return false;
  const next = view.next(index);
  const prev = view.prev(index);
  const opensText = next !== -1 && view.kind(next) === 'text' && isBodyLike(view.norm(next));
  const setApart = prev === -1 || view.blanksBefore(index) >= 1 || isBodyLike(view.norm(prev));
  return opensText && setApart;
}

function bySingleItem(view: PageView): ItemSpan[] {
  const first = view.firstContent();
  if (first === -1) return [];
  let titleIndex: number | null = null;
  for (let i = first, seen = 0; i !== -1 && seen < 3 && titleIndex === null; i = view.next(i), seen++) {
    if (view.isTitleCandidate(i)) titleIndex = i;
  }
  if (titleIndex === null) for (let i = first; i !== -1 && titleIndex === null; i = view.next(i)) if (view.kind(i) === 'text') titleIndex = i;
  return [{ start: first, end: view.length, titleIndex, dateIndex: null, labelIndex: null, inSeries: null }];
}

function isTitleLike(view: PageView, index: number): boolean {
  const norm = view.norm(index);
  return view.isTitleCandidate(index) && norm.length >= MIN_TITLE_CHARS && !isListItem(norm);
}

function dedupeStarts<T extends { index: number }>(starts: T[]): T[] {
  const seen = new Set<number>();
  return starts.filter((s) => !seen.has(s.index) && seen.add(s.index));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}
