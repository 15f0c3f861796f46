/**
 * Takes a title line apart: a numbered notice prefix (`【セキュリティ事件簿#2023-268】`), a date at its start or
 * end, a category label before it (`不正アクセス …`), and the organisation after a slash (`…/象印マホービン`) or
 * before the title (`茨城県 …について`). Labels and slash-organisations are page conventions: they are only
 * believed when most items of the page follow them, so a lone `JPCERT/CC` in a title is not split.
 */
import { normalizeForMatching } from './page-line.js';

export interface NoticePrefix {
  /** The series name inside the brackets, without the number (`セキュリティ事件簿`). */
  series: string;
  /** The number as written, NFKC and without spaces (`#2023-268`, `No.12`). */
  caseId: string;
  rest: string;
}

export interface PageConventions {
  /** First words that are the page's category labels (`セキュリティ対策`, `内部不正/ミス`). */
  labels: ReadonlySet<string>;
  /** Whether titles end in `/organisation` on this page. */
  slashOrganization: boolean;
  /** Whether titles open with a bracketed tag that is the category (`【不正アクセス】 …`). */
  bracketLabels: boolean;
}

export interface TitleParts {
  title: string;
  caseId: string | null;
  series: string | null;
  organization: string | null;
  category: string | null;
  dateRaw: string | null;
}

const SP = String.raw`[\s\u3000]*`;
const D = '[0-9０-９]';
const YMD_JA = `${D}{4}${SP}年${SP}${D}{1,2}${SP}月${SP}${D}{1,2}${SP}日`;
const ERA = `(?:令和|平成)${SP}(?:${D}{1,2}|元)${SP}年${SP}${D}{1,2}${SP}月${SP}${D}{1,2}${SP}日`;
const YMD_NUM = `${D}{4}[/／.．\\-－]${D}{1,2}[/／.．\\-－]${D}{1,2}`;
const MD_JA = `${D}{1,2}${SP}月${SP}${D}{1,2}${SP}日`;
const WEEKDAY = `(?:${SP}[(（][^)）]{1,6}[)）])?`;
const DATE = `(?:${YMD_JA}|${ERA}|${YMD_NUM}|${MD_JA})${WEEKDAY}`;

// `… 2023年7月14日` or `…(2023年7月14日)`: a date closing a title is set off by a space or brackets.
const TRAILING_DATE = new RegExp(String.raw`(?:[\s\u3000]+(${DATE})|[\s\u3000]*[(（](${DATE})[)）])[\s\u3000]*$`, 'u');
// A list row may open with the day alone (`10日 不正アクセス …`), the month coming from the page.
const LEADING_DATE = new RegExp(String.raw`^(${DATE}|${D}{1,2}日${WEEKDAY})[\s\u3000]+(?=\S)`, 'u');

const CASE_ID = [
  String.raw`[#＃]${SP}[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ\-－_.．]*`,
  String.raw`(?:No|NO|no|Ｎｏ|ＮＯ)[.．]?${SP}[0-9０-９][0-9０-９\-－]*`,
  `第${SP}[0-9０-９]+${SP}号`,
  String.raw`(?:Vol|VOL|vol|Ｖｏｌ)[.．]?${SP}[0-9０-９]+`,
].join('|');
const NOTICE = new RegExp(String.raw`^[【\[［]([^】\]］]{0,40}?)${SP}(${CASE_ID})${SP}[】\]］]${SP}(\S.*)$`, 'u');

// `【不正アクセス】 …`: a bracketed word without a number (numbered ones are notice prefixes).
const BRACKET_TAG = /^[【[［]([^】\]］\d０-９#＃]{1,20})[】\]］][\s\u3000]*(\S.*)$/u;

const MAX_TITLE_CHARS = 200;
const MAX_LABEL_CHARS = 20;
const MAX_ORGANIZATION_CHARS = 40;

// `A社` is a name, `当社`/`弊社`/`同社` are pronouns.
const ORG_SUFFIX =
  /(?:[^当弊同各自他本御貴]社|株式会社|有限会社|合同会社|\(株\)|会社|銀行|信用金庫|大学|大学院|高校|高等学校|学校|学園|病院|医院|クリニック|協会|協議会|機構|財団|法人|組合|連合会|省|庁|都|道|府|県|市|区|町|村|センター|研究所|委員会|グループ|ホールディングス|inc\.?|corp\.?|ltd\.?|llc)$/i;
const ORG_PREFIX = /^(?:株式会社|有限会社|合同会社|\(株\)|一般社団法人|一般財団法人|公益社団法人|公益財団法人|社会福祉法人|学校法人|医療法人|独立行政法人|国立大学法人|地方独立行政法人)/;

export function noticePrefix(text: string): NoticePrefix | null {
  const match = NOTICE.exec(text.trim());
  if (!match) return null;
  return {
    series: (match[1] ?? '').trim(),
    caseId: (match[2] ?? '').normalize('NFKC').replace(/\s+/g, ''),
    rest: (match[3] ?? '').trim(),
  };
}

/** Series are compared without spacing and width differences: `【事件簿 #1】` and `【事件簿＃2】` are one series. */
export function seriesKey(series: string): string {
  return series.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function takeTrailingDate(text: string): { date: string | null; text: string } {
  const match = TRAILING_DATE.exec(text);
  if (!match || match.index === 0) return { date: null, text };
  return { date: (match[1] ?? match[2] ?? '').trim(), text: text.slice(0, match.index).trim() };
}

export function takeLeadingDate(text: string): { date: string | null; text: string } {
  const match = LEADING_DATE.exec(text);
  if (!match) return { date: null, text };
  return { date: (match[1] ?? '').trim(), text: text.slice(match[0].length).trim() };
}

/** What makes two title lines the same title: width, spacing, a bullet and a date around it do not count. */
export function titleKey(text: string): string {
  const bare = takeTrailingDate(takeLeadingDate(text.trim()).text).text;
  return bare.normalize('NFKC').replace(/^[・•●○◆◇■□▪▶►*-]\s*/, '').replace(/\s+/g, '');
}

export function isOrganizationLike(text: string): boolean {
  const norm = normalizeForMatching(text);
  if (norm.length < 2 || norm.length > MAX_ORGANIZATION_CHARS || /[、。,]/.test(norm)) return false;
  return ORG_SUFFIX.test(norm) || ORG_PREFIX.test(norm);
}

/**
 * Labels are the page's own vocabulary, recognised by repetition: at least three items carry a first word and
 * few distinct words cover them (000 has 7 labels over 20 items). Words that name organisations never count,
 * so a series of notices from a few organisations is not mistaken for a labelled list.
 */
export function repeatedLabels(candidates: readonly string[]): Set<string> | null {
  const words = candidates.map((c) => normalizeForMatching(c)).filter((w) => w !== '' && !isOrganizationLike(w));
  if (words.length < 3) return null;
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  if (counts.size > words.length * 0.6) return null;
  // Once the page is known to be labelled, a label used once (`その他`) is still a label, if it looks like one:
  // short and without Latin letters, which first words of ordinary titles (`UC Card …`) often have.
  return new Set([...counts].filter(([word, count]) => count >= 2 || (word.length <= 15 && !/[A-Za-z]/.test(word))).map(([w]) => w));
}

/** The first word of a title line, when the line has one and something substantial follows it. */
export function firstWord(text: string): { word: string; rest: string } | null {
  const match = /^(\S+)[\s\u3000]+(\S.*)$/u.exec(text.trim());
  if (!match) return null;
  const word = match[1] ?? '';
  const rest = match[2] ?? '';
  if (word.length > MAX_LABEL_CHARS || rest.length < 4 || /^[\d０-９]/.test(word)) return null;
  return { word, rest };
}

/** `title/organisation`: the last slash, unless it sits in a URL or a date, or what follows is not a name. */
export function splitSlashOrganization(text: string): { title: string; organization: string } | null {
  const index = Math.max(text.lastIndexOf('/'), text.lastIndexOf('／'));
  if (index <= 0) return null;
  const title = text.slice(0, index).trim();
  const organization = text.slice(index + 1).trim();
  if (title.length < 2 || organization === '' || organization.length > MAX_ORGANIZATION_CHARS) return null;
  if (/https?:\/\/\S*$/i.test(text.slice(0, index))) return null;
  // `2023/07/03` and `1/2` are numbers, not a title and an organisation.
  if (/[、。,]/.test(organization) || /^[\d０-９]/.test(organization)) return null;
  return { title, organization };
}

export function decideConventions(titleLines: readonly string[]): PageConventions {
  const words = titleLines.map((t) => firstWord(t)?.word).filter((w): w is string => w !== undefined);
  const labels = repeatedLabels(words) ?? new Set<string>();
  const tagged = titleLines.filter((t) => BRACKET_TAG.test(t.trim())).length;
  const bracketLabels = titleLines.length >= 2 && tagged >= titleLines.length * 0.6;
  const afterLabels = titleLines.map((t) => removeLabel(t, { labels, bracketLabels }).text);
  const splits = afterLabels.filter((t) => splitSlashOrganization(t) !== null).length;
  return { labels, bracketLabels, slashOrganization: afterLabels.length >= 2 && splits >= afterLabels.length * 0.6 };
}

function removeLabel(text: string, conventions: Pick<PageConventions, 'labels' | 'bracketLabels'>): { label: string | null; text: string } {
  if (conventions.bracketLabels) {
    const tag = BRACKET_TAG.exec(text.trim());
    if (tag) return { label: (tag[1] ?? '').trim(), text: (tag[2] ?? '').trim() };
  }
  const labels = conventions.labels;
  const first = firstWord(text);
  if (first && labels.has(normalizeForMatching(first.word))) return { label: first.word, text: first.rest };
  return { label: null, text };
}

export function parseTitle(line: string, conventions: PageConventions): TitleParts {
  let text = line.trim();
  const notice = noticePrefix(text);
  if (notice) text = notice.rest;
  const leading = takeLeadingDate(text);
  text = leading.text;
  const trailing = takeTrailingDate(text);
  text = trailing.text;
  const cell = tabbedCategory(text);
  const label = cell ?? removeLabel(text, conventions);
  text = label.text.replace(/\t+/g, ' ');

  let organization: string | null = null;
  const slash = conventions.slashOrganization ? splitSlashOrganization(text) : null;
  if (slash) {
    text = slash.title;
    organization = slash.organization;
  } else {
    // `茨城県 茨城県発達障害者支援センターにおける…`: the notice names its organisation first. The title keeps it,
    // because the rest often says only 弊社 or 当社.
    const first = firstWord(text);
    if (first && first.rest.length >= 5 && isOrganizationLike(first.word)) organization = first.word;
  }

  return {
    title: capTitle(text),
    caseId: notice?.caseId ?? null,
    series: notice?.series ?? null,
    organization,
    category: label.label,
    dateRaw: leading.date ?? trailing.date,
  };
}

/**
 * A table row pasted as text keeps its cells apart with tabs (`不正アクセス⇥A社への不正アクセス/A社`): a short
 * first cell before the title is its category, unless it names an organisation.
 */
function tabbedCategory(text: string): { label: string; text: string } | null {
  const tab = text.indexOf('\t');
  if (tab <= 0) return null;
  const first = text.slice(0, tab).trim();
  const rest = text.slice(tab + 1).trim();
  if (first === '' || first.length > MAX_LABEL_CHARS || rest.length < 4 || isOrganizationLike(first)) return null;
  return { label: first, text: rest };
}

/** A title is a heading; when a whole paragraph stands in for one, its first sentence is enough. */
export function capTitle(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_TITLE_CHARS) return trimmed;
  const sentenceEnd = trimmed.slice(0, MAX_TITLE_CHARS).indexOf('。');
  if (sentenceEnd >= 10) return trimmed.slice(0, sentenceEnd + 1);
  return `${trimmed.slice(0, MAX_TITLE_CHARS - 1)}…`;
}
