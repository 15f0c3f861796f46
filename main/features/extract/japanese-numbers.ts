// Counts as Japanese and English notices write them, after NFKC (so full-width digits and commas are ASCII):
// `280,052`, `2.3万`, `2万9千`, `1億2000万`, `37万`, `1.2 million`, and kanji numerals `三千`, `二十`.

/** One Arabic number: thousands separated by commas, or a plain run of digits; an optional decimal part. */
export const ARABIC_NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

/**
 * A number with Japanese units. Each repetition must start with a unit character, so the alternatives never
 * overlap and the pattern cannot backtrack catastrophically.
 */
export const JAPANESE_NUMBER = String.raw`${ARABIC_NUMBER}(?:[億万千](?:${ARABIC_NUMBER})?){0,3}`;

export const ENGLISH_SCALE = String.raw`(?:\s?(?:million|billion|thousand|mn|bn|m|k)\b)`;

/** Numbers beyond this are not counts of anything a breach notice can mean (the world has 8e9 people). */
export const MAX_SANE_COUNT = 1e11;

const UNIT_VALUE: Readonly<Record<string, number>> = { 千: 1e3, 万: 1e4, 億: 1e8 };
const SCALE_VALUE: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
};

function parseArabic(text: string): number {
  return Number(text.replaceAll(',', ''));
}

/** `2万9千` → 29000; `1億2000万` → 120000000; `280,052` → 280052. Null for anything that is not a sane count. */
export function parseJapaneseNumber(text: string): number | null {
  const compact = text.replace(/\s+/g, '');
  const tokens = compact.match(/(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[億万千]/g);
  if (!tokens || tokens.length === 0) return null;
  let large = 0;
  let small = 0;
  let pending: number | null = null;
  for (const token of tokens) {
    const unit = UNIT_VALUE[token];
    if (unit === undefined) {
      if (pending !== null) return null;
      pending = parseArabic(token);
      continue;
    }
    const n = pending ?? (unit === 1e3 ? 1 : 0);
    pending = null;
    if (unit === 1e3) small += n * 1e3;
    else large += (small + n) * unit;
    if (unit !== 1e3) small = 0;
  }
  const total = large + small + (pending ?? 0);
  return saneCount(total);
}

/** `1.2 million` → 1200000; `500k` → 500000. */
export function parseEnglishNumber(digits: string, scale: string | undefined): number | null {
  const base = parseArabic(digits);
  const factor = scale ? (SCALE_VALUE[scale.trim().toLowerCase()] ?? 1) : 1;
  return saneCount(base * factor);
}

export function saneCount(value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > MAX_SANE_COUNT) return null;
  return Math.round(value);
}

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const KANJI_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Kanji numerals below 万 (`三`, `十二`, `二百五十`), as in `第三報`. */
export function parseKanjiNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 8) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = KANJI_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = KANJI_UNITS[ch];
    if (unit === undefined) return null;
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}
