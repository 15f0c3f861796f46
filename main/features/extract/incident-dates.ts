import { findDates, type FoundDate } from './japanese-dates.js';

// Which date is which: when it happened (occurredAt), when the organisation found out (detectedAt), and when it
// was announced (publishedAt). A date's role comes from the cue words around it in its sentence:
// `2023年1月12日、…漏洩懸念に気づき` is a detection, `発生日: 2023年7月12日` an occurrence,
// `TOKYOMXは10月4日、…と発表` an announcement.

export interface DatedMention {
  value: string;
  start: number;
  end: number;
  yearInferred: boolean;
}

export interface IncidentDates {
  publishedAt: DatedMention | null;
  occurredAt: DatedMention | null;
  detectedAt: DatedMention | null;
}

type Role = 'occurred' | 'detected' | 'published' | 'none';

const DETECT = /発覚|判明|気付|気づ|検知|発見|把握|認識|確認(?:し|され|いた|でき(?!る状態))|連絡を受け|の連絡|から連絡|指摘|通報を受け|問い?合わ?せ|discovered|detected|became aware|identified|learned|noticed|found/gi;
const OCCUR = /(?:受付|申込み?|公開|運用|掲載|配信)[^。、]{0,8}開始|持ち出|持ち帰|窃取され|発生|誤って|誤り|送信|不正アクセスを受け|攻撃を受け|被害を受け|侵入|感染|送信(?:し|され)|送付(?:し|され)|紛失|盗難|盗まれ|置き忘れ|流出(?:し|した)|漏え?い(?:し|した)|漏洩(?:し|した)|改ざん|障害|occurred|took place|was attacked|were attacked|gained access|accessed|encrypted|\bsent\b|mailed|\blost\b|\bstole|misdirected|mistakenly/gi;
const PUBLISH = /発表|公表|公開(?:し|した)|お知らせ(?:し|いた)|明らかにし|報道|announced|disclosed|published|reported/gi;
const LABEL_BEFORE: ReadonlyArray<[RegExp, Role]> = [
  [/(?:発生|発生日|発生日時|攻撃日|被害日)[ \t]*[:：]?[ \t]*$/, 'occurred'],
  [/(?:発覚|発見|検知|判明|確認)(?:日|日時)?(?:した|された)?(?:のは|日)?[、,]?[ \t]*[:：]?[ \t]*$/, 'detected'],
  [/(?:公表|発表|公開)(?:日|日時)[ \t]*[:：]?[ \t]*$/, 'published'],
];

function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 150);
  const stop = rest.search(/[。\n]/);
  return stop >= 0 ? rest.slice(0, stop) : rest;
}

// The words after a date up to the end of its sentence, or up to the next date (`11月14日に持ち帰り、翌朝紛失に気付いた`:
// the noticing belongs to 翌朝, not to 11月14日).
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 150);
  const stop = rest.search(/[。\n]|\d{1,2}[ \t]{0,2}月[ \t]{0,2}\d{1,2}[ \t]{0,2}日|翌日|翌朝|(?:19|20)\d{2}[/.-]\d/);
  return stop >= 0 ? rest.slice(0, stop) : rest;
}

function firstIndex(pattern: RegExp, s: string): number {
  pattern.lastIndex = 0;
  const m = pattern.exec(s);
  return m ? m.index : Number.POSITIVE_INFINITY;
}

function roleOf(text: string, date: FoundDate, titleEnd: number): Role {
  const before = text.slice(Math.max(0, date.start - 24), date.start);
  for (const [pattern, role] of LABEL_BEFORE) if (pattern.test(before)) return role;
  if (date.start < titleEnd) return 'published';
  const after = clauseAfter(text, date.end);
  const sentence = sentenceAfter(text, date.end);
  // The date begins a range (`2022年11月11日~2023年1月13日の期間に`): the exposure window, when it occurred.
  if (/^[ \t]*(?:~|〜|-|から|より)/.test(sentence) && /期間|まで[^。]{0,40}(?:窃取|流出|漏え?い|漏洩|盗|不正)/.test(sentence)) return 'occurred';
  const role = roleInClause(after);
  if (role !== 'none') return role;
  // English puts the verb first: `The unauthorized access occurred on February 20, 2024.`
  const lead = text.slice(Math.max(0, date.start - 80), date.start);
  const leadClause = lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n'), lead.lastIndexOf('. ')) + 1);
  // `カード会社から漏洩懸念の連絡を受け、9月12日に…`: in Japanese, only a report received just before the date dates
  // the detection.
  if (/(?:連絡|指摘|通報|報告|問い?合わ?せ)を受け(?:て)?[、,]?[ \t]*$/.test(leadClause)) return 'detected';
  // Only for English: a Japanese clause before a date (`流出した情報は、2017年4月7日から…`) describes something else.
  const leadRole = /[ぁ-ヶ一-龥]/.test(leadClause) ? 'none' : roleInClause(leadClause);
  if (leadRole !== 'none') return leadRole;
  // `…18時47分に当選メールを一斉に送信いたしました。その後…誤送信が発覚しました`: a date whose own sentence has no cue
  // takes its role from the next sentence, if that one has no date of its own.
  const next = clauseAfter(text, date.end + after.length + 1);
  const continues = /^[ \t]*(?:その後|同日|直後|すぐに|間もなく|then|later|shortly)/i.test(next);
  return continues && findDates(next, null).length === 0 && !/\d{1,2}月\d{1,2}日/.test(next) ? roleInClause(next) : 'none';
}

// A detection verb decides (`…ミスに気付いた` is when they found out, though ミス names the occurrence); a clause
// ending in `…と発表` dates the announcement; otherwise the nearest cue.
function roleInClause(clause: string): Role {
  const d = firstIndex(DETECT, clause);
  if (d !== Number.POSITIVE_INFINITY) return 'detected';
  if (/(?:と|を)[^。、]{0,16}?(?:発表|公表)/.test(clause)) return 'published';
  const o = firstIndex(OCCUR, clause);
  const p = firstIndex(PUBLISH, clause);
  if (o === Number.POSITIVE_INFINITY && p === Number.POSITIVE_INFINITY) return 'none';
  return p < o ? 'published' : 'occurred';
}

function detectedInNextSentence(text: string, date: FoundDate): boolean {
  const own = sentenceAfter(text, date.end);
  const next = sentenceAfter(text, date.end + own.length + 1);
  return !/\d{1,2}月\d{1,2}日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}/.test(next) && /発覚|判明|気付|気づ|discovered|detected|became aware/.test(next);
}

function asMention(d: FoundDate): DatedMention {
  return { value: d.value, start: d.start, end: d.end, yearInferred: d.yearInferred };
}

export function findIncidentDates(text: string, titleEnd: number, publishedAt: string | null, isIncident = true): IncidentDates {
  // The title's own date (`…について 2023年7月14日`) is the announcement; it also resolves yearless body dates.
  const titleDates = findDates(text.slice(0, titleEnd), publishedAt);
  const titleDate = titleDates.length > 0 ? titleDates[titleDates.length - 1] : undefined;
  const reference = publishedAt ?? titleDate?.value ?? null;
  const dates = findDates(text, reference);
  let occurred: DatedMention | null = null;
  let detected: DatedMention | null = null;
  let published: DatedMention | null = titleDate && titleDate.end >= titleEnd - 16 ? asMention(titleDate) : null;
  for (const d of dates) {
    // A notice reports the past: a date after the publication is a plan (再開予定日) or a typo, never the event.
    if (reference !== null && d.value > reference) continue;
    const role = roleOf(text, d, titleEnd);
    if (!isIncident && role !== 'published') continue;
    // `18時47分に当選メールを送信しました。その後…誤送信が発覚しました`: the day it happened is also the day it was found.
    if ((role === 'occurred' || role === 'none') && detectedInNextSentence(text, d) && (detected === null || d.value < detected.value)) {
      detected = asMention(d);
    }
    if (role === 'occurred' && (occurred === null || d.value < occurred.value)) occurred = asMention(d);
    else if (role === 'detected' && (detected === null || d.value < detected.value)) detected = asMention(d);
    else if (role === 'published' && published === null && d.start >= titleEnd) published = asMention(d);
  }
  // Found out before it happened is impossible: the "occurrence" was then a later step (停止, 送信) of the story.
  if (occurred && detected && occurred.value > detected.value) occurred = null;
  return { publishedAt: published, occurredAt: occurred, detectedAt: detected };
}
