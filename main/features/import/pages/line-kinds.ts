/**
 * What each line of a page is, judged on its own: page furniture, a date, a month heading, a section marker, a
 * URL, damaged text, or text. The splitter then reads structure from the sequence of kinds. Every test works on
 * the NFKC form, so `１０日`, `【ＵＲＬ】` and full-width spaces behave like their ASCII forms.
 */
import { parseDate } from '../parse-date.js';
import { lineDamage, spreadDamage, type LineDamage } from './mojibake.js';
import type { PageLine } from './page-line.js';

/**
 * - chrome: furniture to drop that may sit inside an item (`内容を非表示にする`, `続きを読む`, image names).
 * - end: furniture that ends the content before it (pagination, `Page Top`, copyright, related-article lists).
 * - month: a heading naming a month (`2019年12月`), which gives day-only dates their month and year.
 */
export type LineKind = 'blank' | 'chrome' | 'end' | 'month' | 'date' | 'section' | 'url' | 'mojibake' | 'text';

export interface YearMonth {
  year: number;
  month: number;
}

// Furniture is short; a long line that happens to contain "copyright" is prose.
const MAX_CHROME_CHARS = 120;

const END_PATTERNS: readonly RegExp[] = [
  // Numbers must be separated by spaces: `(\d+\s*)+` would backtrack exponentially on a long run of digits.
  /^(?:\d+\s+)+\d+\s*(?:次|前|next|prev|»|>|›|…)/i,
  /(?:次|前)の\s*\d+\s*件/,
  /^(?:[<«‹]\s*)?(?:前へ|次へ|前のページ|次のページ|prev(?:ious)?|next)(?:\s*[>»›])?$/i,
  /^(?:\d+\s+){3,}\d+$/,
  /^(?:page\s*top|back to top|top of page|(?:▲\s*)?(?:この)?ページ(?:の)?(?:先頭|トップ)(?:へ(?:戻る)?)?|トップへ戻る|先頭へ戻る)$/i,
  /^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved/i,
];

// Navigation words end the content only as a line of their own (`関連記事`, `前の記事: …`); a sentence that
// starts with them (`前の記事でも紹介した…`) is prose.
const END_WORDS = /^(?:関連記事|関連する記事|人気記事|おすすめ記事|最新記事|新着記事|前の記事|次の記事|この記事をシェア|シェアする|コメントを残す|コメント一覧|記事一覧|一覧(?:へ|に)戻る|バックナンバー)(?:$|\s*[:>»|]|\s)/;
const MAX_END_WORDS_LINE = 40;

const CHROME_PATTERNS: readonly RegExp[] = [
  /^(?:内容を(?:非)?表示(?:に)?する|続きを読む|続きを見る|もっと(?:見る|読む)|read more|more|詳細(?:を見る|はこちら)|全文を(?:表示|読む)|印刷(?:する)?|閉じる|開く|tweet|ツイート|いいね!?|share|シェア|はてなブックマーク|lineで送る|ブックマーク)$/i,
  /^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|bmp)$/i,
  /^(?:home|ホーム|トップ|top)\s*[>›»]/i,
  /^.{0,20}を見る\s*:/,
];

// A table's header row, e.g. `日付 タイトル・内容`: nothing but column names.
const HEADER_WORDS: ReadonlySet<string> = new Set(
  ['日付', '日時', '年月日', '掲載日', '公開日', '発表日', 'タイトル', '見出し', '件名', '内容', '概要', 'カテゴリ',
    'カテゴリー', '分類', '種別', '組織', '組織名', 'date', 'title', 'category'],
);

const DAY_ONLY = /^(?:0?[1-9]|[12]\d|3[01])日(?:\s*\([^)]{1,4}\))?$/;
const MONTH_IN_LINE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;
const NUMERIC_MONTH = /^(\d{4})[/.-](\d{1,2})$/;
const MONTH_LIST_WORDS = /^.{0,30}(?:表示|一覧|アーカイブ|バックナンバー|ニュース|記事|トピックス|分|号)(?:する|します|です)?$/;
// Any year is fine for this shape test: parseDate needs a reference only to place `7月3日` in a year.
const SHAPE_REFERENCE = '2100-12-31';

export function classifyLines(lines: readonly PageLine[]): LineKind[] {
  const kinds = lines.map((line) => classifyLine(line.norm));
  const damage: LineDamage[] = lines.map((line, index) => (kinds[index] === 'text' || kinds[index] === 'chrome' ? lineDamage(line.text) : null));
  const damaged = spreadDamage(damage, (index) => kinds[index] === 'blank');
  return kinds.map((kind, index) => (damaged[index] ? 'mojibake' : kind));
}

export function classifyLine(norm: string): LineKind {
  if (norm === '') return 'blank';
  if (isDateOnly(norm)) return 'date';
  if (norm.length <= MAX_CHROME_CHARS) {
    if (END_PATTERNS.some((p) => p.test(norm)) || (norm.length <= MAX_END_WORDS_LINE && END_WORDS.test(norm))) return 'end';
    if (CHROME_PATTERNS.some((p) => p.test(norm)) || isHeaderRow(norm)) return 'chrome';
    if (monthHeading(norm) !== null) return 'month';
  }
  if (/^【[^】]{1,30}】$/.test(norm)) return 'section';
  if (/^https?:\/\/\S+$/i.test(norm)) return 'url';
  return 'text';
}

export function isDateOnly(norm: string): boolean {
  if (norm.length > 30 || !/^[\d令平昭RHS]/.test(norm)) return false;
  return DAY_ONLY.test(norm) || parseDate(norm, SHAPE_REFERENCE) !== null;
}

/**
 * `2019年12月`, `1か月分すべての内容を表示する 2019年12月`, `2023年7月のニュース一覧`, `2022年12月分`: a line that
 * names a month and at most announces the list of it. `2023年7月の被害状況` is a subheading and stays text.
 */
export function monthHeading(norm: string): YearMonth | null {
  const numeric = NUMERIC_MONTH.exec(norm);
  const match = numeric ?? MONTH_IN_LINE.exec(norm);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
  // Only the month, or the month and words that announce a list of it; `2023年7月末時点` is a body line.
  const rest = norm.replace(match[0], '').trim();
  if (rest !== '' && !MONTH_LIST_WORDS.test(rest)) return null;
  return { year, month };
}

function isHeaderRow(norm: string): boolean {
  const words = norm.toLowerCase().split(/[\s・|/]+/).filter((w) => w !== '');
  return words.length >= 2 && words.every((w) => HEADER_WORDS.has(w));
}

/** Numbered or bulleted lines are parts of a body (`1. 経緯`, `(2)漏えい件数`, `・氏名`), never item titles. */
export function isListItem(norm: string): boolean {
  return /^(?:\d{1,3}\s*[.)\]:]|\(\d{1,3}\)|\d{1,3}\s|[①-⑳]|第\s*\d+\s*[条章節]|[・•●○◆◇■□▪▶►\-*※>])/.test(norm);
}

const MIN_HEADING_CHARS = 4;
const MAX_HEADING_CHARS = 150;

/** Could this line be a title: short, not a sentence, not a list item, not a section marker or a bare value. */
export function isHeadingLike(norm: string): boolean {
  if (norm.length < MIN_HEADING_CHARS || norm.length > MAX_HEADING_CHARS) return false;
  if (/[。.、,::;;]$/.test(norm)) return false;
  if (isListItem(norm) || /^【[^】]*】$/.test(norm) || /^https?:\/\//i.test(norm)) return false;
  return /[\p{L}]/u.test(norm);
}

/** Body text: a sentence, or a paragraph long enough that no site would use it as a title. */
export function isBodyLike(norm: string): boolean {
  return norm.length >= 80 || /[。.!?!?]$/.test(norm) || /^【[^】]{1,30}】$/.test(norm);
}
