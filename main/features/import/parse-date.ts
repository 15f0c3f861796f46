/**
 * Reads the date formats Japanese incident sources use and returns `YYYY-MM-DD`, or null when the text is not a
 * real calendar date. A date is never invented: an impossible day or a year we cannot know gives null.
 */

const ERA_START_YEAR: Readonly<Record<string, number>> = {
  令和: 2018,
  R: 2018,
  平成: 1988,
  H: 1988,
  昭和: 1925,
  S: 1925,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Times and zones are accepted only so the date can be read; the date is taken as written in its own offset,
// because that is the day the source announced it (09:00 JST on the 10th is still the 10th for the reader).
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?`;
const ZONE = String.raw`(?:z|[+-]\d{2}:?\d{2}|[a-z]{1,5})`;
const TIME_SUFFIX = String.raw`(?:(?:t|\s+)${CLOCK}\s*${ZONE}?)?`;
const JA_TIME_SUFFIX = String.raw`(?:\s*\d{1,2}時(?:\d{1,2}分(?:\d{1,2}秒)?)?)?`;

const NUMERIC_YMD = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME_SUFFIX}$`, 'i');
const COMPACT_YMD = /^(\d{4})(\d{2})(\d{2})$/;
const JAPANESE_YMD = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日${JA_TIME_SUFFIX}$`);
const ERA_YMD = new RegExp(
  String.raw`^(令和|平成|昭和|[RHS])\s?(\d{1,2}|元)(?:年|[/.-])(\d{1,2})(?:月|[/.-])(\d{1,2})日?${JA_TIME_SUFFIX}$`,
  'i',
);
const RFC822 = new RegExp(
  String.raw`^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+${CLOCK}(?:\s*${ZONE})?)?$`,
  'i',
);
const MONTH_DAY = new RegExp(String.raw`^(\d{1,2})月(\d{1,2})日${JA_TIME_SUFFIX}$`);
const REFERENCE = /^(\d{4})-(\d{2})-(\d{2})$/;

// `(日曜日)`, `(月・祝)`, `(Tue)`, `(JST)`: decoration that says nothing the date itself does not.
const WEEKDAY_NOTE = /\(\s*(?:[日月火水木金土祝曜・]+|[a-z]{2,9}\.?)\s*\)/gi;

export function parseDate(raw: string, reference?: string): string | null {
  const text = normaliseDateText(raw);
  if (text === '') return null;

  let match = NUMERIC_YMD.exec(text);
  if (match) return formatDate(Number(match[1]), Number(match[3]), Number(match[4]));

  match = JAPANESE_YMD.exec(text) ?? COMPACT_YMD.exec(text);
  if (match) return formatDate(Number(match[1]), Number(match[2]), Number(match[3]));

  match = ERA_YMD.exec(text);
  if (match) return readEraDate(match);

  match = RFC822.exec(text);
  if (match) return readRfc822Date(match);

  match = MONTH_DAY.exec(text);
  if (match) return readYearlessDate(Number(match[1]), Number(match[2]), reference);

  return null;
}

function normaliseDateText(raw: string): string {
  // NFKC folds full-width digits and brackets, and the one-character era signs (㋿, ㍻) into 令和, 平成.
  return raw
    .normalize('NFKC')
    .replace(WEEKDAY_NOTE, ' ')
    .trim()
    .replace(/\s*([年月日時分秒/.-])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

function readEraDate(match: RegExpExecArray): string | null {
  const era = match[1] ?? '';
  const start = ERA_START_YEAR[era] ?? ERA_START_YEAR[era.toUpperCase()];
  if (start === undefined) return null;
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  if (eraYear < 1) return null;
  return formatDate(start + eraYear, Number(match[3]), Number(match[4]));
}

function readRfc822Date(match: RegExpExecArray): string | null {
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  const written = Number(match[3]);
  // RFC 822 allowed two-digit years; RFC 2822 reads 00-49 as 20xx and 50-99 as 19xx.
  const year = (match[3] ?? '').length === 2 ? (written < 50 ? 2000 + written : 1900 + written) : written;
  return formatDate(year, month, Number(match[1]));
}

function readYearlessDate(month: number, day: number, reference: string | undefined): string | null {
  const ref = reference === undefined ? null : REFERENCE.exec(reference);
  if (!ref || formatDate(Number(ref[1]), Number(ref[2]), Number(ref[3])) === null) return null;
  const refYear = Number(ref[1]);
  const sameYear = formatDate(refYear, month, day);
  // A source only reports what already happened, so a day after its own publication date belongs to last year.
  if (sameYear !== null && sameYear <= ref[0]) return sameYear;
  return formatDate(refYear - 1, month, day);
}

function formatDate(year: number, month: number, day: number): string | null {
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
