// Dates as notices write them, read from NFKC text (full-width digits are ASCII by then): 2023年7月14日,
// 2023 年 7 月 28 日, 令和4年7月31日(日曜日), 平成元年…, 2023/07/14, 2023-07-14, 6月21日 (year from context),
// July 14, 2023, 14 July 2023, Jul. 14.

export interface FoundDate {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  /** YYYY-MM-DD */
  value: string;
  /** The text gave no year; it was taken from the publication date (or the nearest earlier date in the text). */
  yearInferred: boolean;
}

const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925, r: 2018, h: 1988, s: 1925 };
// (R5.3.1 and r5.3.1 both read as 令和5年3月1日.)
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

// One regex with alternatives, scanned left to right: at a given offset the first alternative that matches wins,
// so `2023年7月14日` is read whole before the month-day alternative could take `7月14日`.
// Spaces inside are bounded (` {0,2}`) so no alternative can backtrack over long runs of blanks.
const S = String.raw`[ \t]{0,2}`;
const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<wy>(?:19|20|21)\d{2})${S}年${S}(?<wm>\d{1,2})${S}月${S}(?<wd>\d{1,2})${S}日`,
    String.raw`(?<era>令和|平成|昭和|(?<![A-Za-z])[RHSrhs](?=\d))${S}(?<ey>\d{1,2}|元)${S}(?:年|[./])${S}(?<em>\d{1,2})${S}(?:月|[./])${S}(?<ed>\d{1,2})(?:${S}日)?`,
    String.raw`(?<![\d./-])(?<ny>(?:19|20|21)\d{2})(?<sep>[/.-])(?<nm>\d{1,2})\k<sep>(?<nd>\d{1,2})(?![\d./])`,
    String.raw`(?<!\d[ \t]{0,2}年[ \t]{0,2}|[\d./])(?<mm>\d{1,2})${S}月${S}(?<md>\d{1,2})${S}日`,
    String.raw`(?<next>翌日|翌朝)`,
  ].join('|'),
  'g',
);
// English month names need the `i` flag, which makes V8 scan far slower: a separate pattern, run only on text
// that has Latin words.
const ENGLISH_DATE_PATTERN = new RegExp(
  [
    String.raw`\b(?<e1m>${MONTH_NAME})\.?[ \t]{1,2}(?<e1d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \t]{1,2}(?<e1y>(?:19|20|21)\d{2})\b)?`,
    String.raw`\b(?<e2d>\d{1,2})(?:st|nd|rd|th)?[ \t]{1,2}(?<e2m>${MONTH_NAME})\.?,?[ \t]{1,2}(?<e2y>(?:19|20|21)\d{2})\b`,
  ].join('|'),
  'gi',
);

function* dateMatches(text: string): Generator<RegExpExecArray> {
  const all: RegExpExecArray[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m !== null; m = DATE_PATTERN.exec(text)) all.push(m);
  if (/[A-Za-z]{3}/.test(text)) {
    ENGLISH_DATE_PATTERN.lastIndex = 0;
    for (let m = ENGLISH_DATE_PATTERN.exec(text); m !== null; m = ENGLISH_DATE_PATTERN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!all.some((a) => start < a.index + a[0].length && a.index < end)) all.push(m);
    }
    all.sort((a, b) => a.index - b.index);
  }
  yield* all;
}

export function formatDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any local-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A date without a year takes the year of the reference (the publication date), or the year before when that
 * would put it after the reference: a notice reports what already happened.
 */
export function resolveYearlessDate(month: number, day: number, reference: string | null): string | null {
  if (reference === null) return null;
  const refYear = Number(reference.slice(0, 4));
  const same = formatDate(refYear, month, day);
  if (same !== null && same <= reference) return same;
  return formatDate(refYear - 1, month, day);
}

// Without a publication date, a yearless date continues the story of the last dated sentence: same year.
function yearless(month: number, day: number, reference: string | null, lastExplicit: string | null): string | null {
  if (reference !== null) return resolveYearlessDate(month, day, reference);
  return lastExplicit === null ? null : formatDate(Number(lastExplicit.slice(0, 4)), month, day);
}

/** Every date in the text, in order. `reference` (YYYY-MM-DD) resolves dates written without a year. */
export function findDates(text: string, reference: string | null): FoundDate[] {
  const found: FoundDate[] = [];
  let lastExplicit: string | null = null;
  for (const m of dateMatches(text)) {
    const g = m.groups ?? {};
    let value: string | null = null;
    let yearInferred = false;
    if (g.wy) value = formatDate(Number(g.wy), Number(g.wm), Number(g.wd));
    else if (g.era) {
      const start = ERA_START[g.era.toLowerCase()] ?? ERA_START[g.era];
      const eraYear = g.ey === '元' ? 1 : Number(g.ey);
      if (start !== undefined && eraYear >= 1) value = formatDate(start + eraYear, Number(g.em), Number(g.ed));
    } else if (g.ny) value = formatDate(Number(g.ny), Number(g.nm), Number(g.nd));
    else if (g.mm) {
      value = yearless(Number(g.mm), Number(g.md), reference, lastExplicit);
      yearInferred = true;
    } else if (g.e1m) {
      if (g.e1y) value = formatDate(Number(g.e1y), monthOf(g.e1m), Number(g.e1d));
      else {
        value = yearless(monthOf(g.e1m), Number(g.e1d), reference, lastExplicit);
        yearInferred = true;
      }
    } else if (g.e2m) value = formatDate(Number(g.e2y), monthOf(g.e2m), Number(g.e2d));
    else if (g.next) {
      // `翌日、…が発覚しました`: the day after the date before it.
      const previous = found[found.length - 1];
      value = previous ? addDays(previous.value, 1) : null;
      yearInferred = true;
    }
    if (value === null) continue;
    if (!yearInferred) lastExplicit = value;
    found.push({ start: m.index, end: m.index + m[0].length, value, yearInferred });
  }
  return found;
}

function addDays(date: string, days: number): string | null {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
