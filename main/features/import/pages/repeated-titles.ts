/**
 * Titles written twice: once as a link (just above the heading, or in a contents list at the top) and once as
 * the heading above the text (002). The copy followed by text is the item; every other copy is a duplicate,
 * dropped with that reason so the officer can see it was not lost.
 */
import { isHeadingLike } from './line-kinds.js';
import { pushTo, spansFromStarts, type ItemSpan, type PageView } from './page-view.js';
import { titleKey } from './title-parts.js';

// `・title` in a contents list is the same title.
const BULLET = /^[・•●○◆◇■□▪▶►*-]\s*/;

export interface RepeatedTitles {
  spans: ItemSpan[];
  duplicates: Set<number>;
}

export function byRepeatedTitles(view: PageView): RepeatedTitles {
  const keyOf = (index: number): string => titleKey(view.lines[index]?.text ?? '');
  const groups = new Map<string, number[]>();
  for (let i = 0; i < view.length; i++) {
    if (view.kind(i) !== 'text') continue;
    const norm = view.norm(i);
    const bare = norm.replace(BULLET, '');
    if (bare.length < 6 || !(view.isTitleCandidate(i) || (BULLET.test(norm) && isHeadingLike(bare)))) continue;
    pushTo(groups, keyOf(i), i);
  }
  const repeatedKeys = new Set([...groups].filter(([, occurrences]) => occurrences.length >= 2).map(([key]) => key));
  const starts: number[] = [];
  const duplicates = new Set<number>();
  for (const key of repeatedKeys) {
    const occurrences = groups.get(key) ?? [];
    // The copy followed by text is the article; the others are links to it (just above it, or in a list).
    // A line that comes back with text after it each time (`お問い合わせ先`) is a subheading, not a title.
    const withBody = occurrences.filter((o) => {
      const next = view.next(o);
      return view.isTitleCandidate(o) && next !== -1 && view.isContent(next) && !(view.kind(next) === 'text' && repeatedKeys.has(keyOf(next)));
    });
    const article = withBody[0];
    if (article === undefined || withBody.length > 1) continue;
    let start = article;
    for (let p = view.prev(start); p !== -1 && view.kind(p) === 'text' && keyOf(p) === key; p = view.prev(p)) start = p;
    starts.push(start);
    for (const o of occurrences) if (o !== start) duplicates.add(o);
  }
  return { spans: spansFromStarts(view, starts.map((index) => ({ index }))), duplicates };
}

/**
 * A title written twice (a link, then the heading) also happens on dated and series pages: the copy just above
 * an item's title joins the item as a duplicate instead of trailing the item before it.
 */
export function absorbTitleCopies<T extends { spans: ItemSpan[]; duplicates: ReadonlySet<number> }>(view: PageView, layout: T): T {
  const duplicates = new Set(layout.duplicates);
  const spans = layout.spans.map((span) => ({ ...span }));
  spans.forEach((span, i) => {
    if (span.titleIndex === null) return;
    const copy = view.prev(span.start);
    const previous = spans[i - 1];
    const floor = Math.max(previous?.titleIndex ?? -1, previous?.dateIndex ?? -1, previous?.labelIndex ?? -1);
    if (copy === -1 || copy <= floor || view.kind(copy) !== 'text') return;
    if (titleKey(view.lines[copy]?.text ?? '') !== titleKey(view.lines[span.titleIndex]?.text ?? '')) return;
    duplicates.add(copy);
    span.start = copy;
    if (previous) previous.end = copy;
  });
  return { ...layout, spans, duplicates };
}

/**
 * A title that is only a link to another item on the page (a "recent posts" list of the same notice series, a
 * sidebar of the same news) has no text of its own: it is a duplicate of the item that has, not an item.
 */
export function dropLinkOnlyItems<T extends { spans: ItemSpan[]; duplicates: ReadonlySet<number> }>(view: PageView, layout: T): T {
  const keyOf = (span: ItemSpan): string => (span.titleIndex === null ? '' : titleKey(view.lines[span.titleIndex]?.text ?? ''));
  const hasText = (span: ItemSpan): boolean => {
    for (let i = span.start; i < span.end; i++) {
      if (i !== span.titleIndex && i !== span.dateIndex && i !== span.labelIndex && !layout.duplicates.has(i) && view.isContent(i)) return true;
    }
    return false;
  };
  const withText = new Set(layout.spans.filter(hasText).map(keyOf));
  const duplicates = new Set(layout.duplicates);
  const spans = layout.spans.filter((span) => {
    const key = keyOf(span);
    if (key === '' || hasText(span) || !withText.has(key)) return true;
    if (span.titleIndex !== null) duplicates.add(span.titleIndex);
    return false;
  });
  return { ...layout, spans, duplicates };
}
