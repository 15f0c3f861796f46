// Date forms that turn up in feeds beyond those parse-date.ts reads (RFC 822, W3CDTF and the Japanese forms):
// the other HTTP date forms (RFC 850, asctime and its Java variant with a zone), ISO 8601's basic, ordinal and week
// forms, and English month-first dates. Like parseDate, the day is taken as written in its own offset, and a day
// that does not exist, or a date with no day (W3CDTF `2004-01`), gives null: a date is never invented.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?`;
const ZONE = String.raw`(?:z|[+-]\d{2}:?\d{2}|[a-z]{1,5})`;
const WEEKDAY = String.raw`(?:[a-z]{3,9}\.?(?:,\s*|\s+))`;

/** `Thursday, 01-Jan-04 19:48:21 GMT` */
const RFC850 = new RegExp(String.raw`^${WEEKDAY}?(\d{1,2})-([a-z]{3})[a-z]*-(\d{2}|\d{4})(?:\s+${CLOCK}(?:\s*${ZONE})?)?$`, 'i');
/** `Thu Jan  1 19:48:21 2004`, and Java's `Thu Jan 01 19:48:21 JST 2004` */
const ASCTIME = new RegExp(String.raw`^${WEEKDAY}?([a-z]{3})[a-z]*\s+(\d{1,2})\s+${CLOCK}(?:\s+${ZONE})?\s+(\d{4})$`, 'i');
/** `January 1, 2004`, `Jan. 1st 2004 7:48 PM`, `Thu, Jan 1 2004` */
const MONTH_FIRST = new RegExp(
  String.raw`^${WEEKDAY}?([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${CLOCK}(?:\s*[ap]\.?m\.?)?(?:\s*${ZONE})?)?$`,
  'i',
);
/** `20040101`, `20040101T194821Z`, `20040101T1948+0900` */
const ISO_BASIC = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:t\d{2}(?:\d{2}(?:\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?)?$`, 'i');
/** `2004-001` (the first day of the year), `2004001T19:48Z` */
const ISO_ORDINAL = new RegExp(String.raw`^(\d{4})-?(\d{3})(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$`, 'i');
/** `2004-W01-4` (Thursday of ISO week 1), `2004W014` */
const ISO_WEEK = new RegExp(String.raw`^(\d{4})-?w(\d{2})-?([1-7])(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$`, 'i');

/** `YYYY-MM-DD` for the forms above, or null (also for anything parseDate already reads: call it first). */
export function parseFeedDate(raw: string): string | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let m = RFC850.exec(text);
  if (m) return fromParts(year(m[3]), month(m[2]), Number(m[1]));
  m = ASCTIME.exec(text);
  if (m) return fromParts(Number(m[3]), month(m[1]), Number(m[2]));
  m = MONTH_FIRST.exec(text);
  if (m) return fromParts(Number(m[3]), month(m[1]), Number(m[2]));
  m = ISO_BASIC.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_ORDINAL.exec(text);
  if (m) return fromOrdinal(Number(m[1]), Number(m[2]));
  m = ISO_WEEK.exec(text);
  if (m) return fromWeek(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function month(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

/** RFC 850's two-digit years, read as RFC 2822 reads them: 00–49 → 20xx, 50–99 → 19xx. */
function year(text: string | undefined): number {
  const n = Number(text);
  if ((text ?? '').length !== 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function fromParts(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

function fromOrdinal(y: number, day: number): string | null {
  const last = fromParts(y, 12, 31) === null ? 0 : (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  if (day < 1 || day > last) return null;
  return new Date(Date.UTC(y, 0, day)).toISOString().slice(0, 10);
}

/** ISO week dates: week 1 is the week (Monday first) that holds the year's first Thursday. */
function fromWeek(y: number, week: number, weekday: number): string | null {
  if (fromParts(y, 1, 4) === null || week < 1) return null;
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const mondayOfWeek1 = Date.UTC(y, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const date = new Date(mondayOfWeek1 + ((week - 1) * 7 + (weekday - 1)) * 86_400_000);
  // A year has 52 or 53 weeks (28 December is always in the last): week 53 of a 52-week year is not a date.
  const weeksInYear = Math.floor((Date.UTC(y, 11, 28) - mondayOfWeek1) / (7 * 86_400_000)) + 1;
  if (week > weeksInYear) return null;
  return date.toISOString().slice(0, 10);
}
