/**
 * Walking a classified page: the next and previous line that carries content, and how much empty space
 * surrounds a line. Furniture and damaged lines are stepped over, because a title is still a title when a
 * `内容を非表示にする` or an image name sits between it and its date.
 */
import { isHeadingLike, type LineKind } from './line-kinds.js';
import type { PageLine } from './page-line.js';

export interface ItemSpan {
  /** First line index of the item (inclusive) and the index after its last line. */
  start: number;
  end: number;
  titleIndex: number | null;
  /** A line holding only the item's date. */
  dateIndex: number | null;
  /** A line holding only the item's category label. */
  labelIndex: number | null;
  /** In a numbered series: whether this item carries the series prefix. Null on pages without a series. */
  inSeries: boolean | null;
}

export class PageView {
  constructor(
    readonly lines: readonly PageLine[],
    readonly kinds: readonly LineKind[],
  ) {}

  get length(): number {
    return this.lines.length;
  }

  kind(index: number): LineKind | undefined {
    return this.kinds[index];
  }

  norm(index: number): string {
    return this.lines[index]?.norm ?? '';
  }

  /** Lines the eye skips: empty, furniture, damage, month headings. */
  isSkippable(index: number): boolean {
    const kind = this.kinds[index];
    return kind === 'blank' || kind === 'chrome' || kind === 'mojibake' || kind === 'month';
  }

  isContent(index: number): boolean {
    const kind = this.kinds[index];
    return kind === 'text' || kind === 'section' || kind === 'url' || kind === 'date';
  }

  isTitleCandidate(index: number): boolean {
    return this.kinds[index] === 'text' && isHeadingLike(this.norm(index));
  }

  /** The next line after `index` that is not skippable (content or an end marker), or -1. */
  next(index: number): number {
    for (let i = index + 1; i < this.lines.length; i++) if (!this.isSkippable(i)) return i;
    return -1;
  }

  prev(index: number): number {
    for (let i = index - 1; i >= 0; i--) if (!this.isSkippable(i)) return i;
    return -1;
  }

  /** Blank lines between `index` and the next line that is not skippable; furniture in between does not count. */
  blanksAfter(index: number): number {
    let blanks = 0;
    for (let i = index + 1; i < this.lines.length && this.isSkippable(i); i++) if (this.kinds[i] === 'blank') blanks++;
    return blanks;
  }

  blanksBefore(index: number): number {
    let blanks = 0;
    for (let i = index - 1; i >= 0 && this.isSkippable(i); i--) if (this.kinds[i] === 'blank') blanks++;
    return blanks;
  }

  firstContent(): number {
    for (let i = 0; i < this.lines.length; i++) if (this.isContent(i)) return i;
    return -1;
  }
}

/** Spans from sorted start lines: each item runs until the next one starts, the last one to the page end. */
export function spansFromStarts(
  view: PageView,
  starts: readonly { index: number; titleIndex?: number | null; dateIndex?: number | null; labelIndex?: number | null; inSeries?: boolean | null }[],
): ItemSpan[] {
  const sorted = [...starts].sort((a, b) => a.index - b.index);
  return sorted.map((s, i) => ({
    start: s.index,
    end: sorted[i + 1]?.index ?? view.length,
    titleIndex: s.titleIndex === undefined ? s.index : s.titleIndex,
    dateIndex: s.dateIndex ?? null,
    labelIndex: s.labelIndex ?? null,
    inSeries: s.inSeries ?? null,
  }));
}

/**
 * Dates written next to a title rather than before it: a date line just above a title (left over from the
 * previous item) moves into this item, and a date line just below the title is the item's date.
 */
export function attachNearbyDates(view: PageView, spans: readonly ItemSpan[], copies: ReadonlySet<number> = new Set()): ItemSpan[] {
  const result = spans.map((span) => ({ ...span }));
  result.forEach((span, i) => {
    if (span.dateIndex !== null || span.titleIndex === null) return;
    const previous = result[i - 1];
    const before = view.prev(span.start);
    const taken = before === previous?.dateIndex;
    if (before !== -1 && !taken && view.kind(before) === 'date' && before > (previous?.titleIndex ?? previous?.start ?? -1)) {
      span.start = before;
      span.dateIndex = before;
      if (previous) previous.end = before;
      return;
    }
    // Past the second copy of a title written twice (`title`, `title`, `2023年7月14日`).
    let after = view.next(span.titleIndex);
    while (copies.has(after)) after = view.next(after);
    if (after !== -1 && after < span.end && view.kind(after) === 'date') span.dateIndex = after;
  });
  return result;
}

// Appending in place: a page of one line repeated 100k times must not copy a growing array each time.
export function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
