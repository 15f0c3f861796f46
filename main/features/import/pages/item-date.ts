/**
 * An item's date as written (`10日`, `7月3日`, `2023 年 7 月 20 日`) turned into `YYYY-MM-DD`. Lists often give
 * only the day or the month and day; the year and month then come from the page (a heading such as
 * `2019年12月` above the entries) or, failing that, from the reference date of the import. Nothing is
 * invented: a day that does not exist in that month gives null.
 */
import { parseDate } from '../parse-date.js';
import { monthHeading, type LineKind, type YearMonth } from './line-kinds.js';
import type { PageLine } from './page-line.js';

const DAY_ONLY = /^(\d{1,2})日(?:\s*\([^)]{1,4}\))?$/;
const MONTH_DAY = /^\d{1,2}\s*月\s*\d{1,2}\s*日/;

/** For each line, the month named by the nearest month heading above it, or null. */
export function monthContexts(lines: readonly PageLine[], kinds: readonly LineKind[]): (YearMonth | null)[] {
  let current: YearMonth | null = null;
  return lines.map((line, index) => {
    if (kinds[index] === 'month') current = monthHeading(line.norm) ?? current;
    return current;
  });
}

export function resolveItemDate(raw: string, context: YearMonth | null, reference: string): string | null {
  const norm = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const day = DAY_ONLY.exec(norm);
  if (day) return resolveDayOnly(Number(day[1]), context, reference);
  if (MONTH_DAY.test(norm)) {
    // Within a month section, `11月29日` belongs to that section's year; a later month is from the year before.
    const sectionEnd = context === null ? reference : lastDayOf(context);
    return parseDate(norm, sectionEnd);
  }
  return parseDate(norm);
}

function resolveDayOnly(day: number, context: YearMonth | null, reference: string): string | null {
  if (context !== null) return parseDate(`${context.year}-${pad(context.month)}-${pad(day)}`);
  const [year, month, refDay] = reference.split('-').map(Number) as [number, number, number];
  // Without a month heading the entry is from the reference month, or from the month before if that day is
  // still to come: a news list does not report tomorrow.
  if (day <= refDay) return parseDate(`${year}-${pad(month)}-${pad(day)}`);
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return parseDate(`${previous.year}-${pad(previous.month)}-${pad(day)}`);
}

function lastDayOf({ year, month }: YearMonth): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** Today in the local time zone: the officer's calendar, not UTC's. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isReferenceDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) === value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
