import { splitLines, splitSentences, type Range } from './text-segments.js';

// Why it happened and what the organisation will do, as lists bulletins can reuse: the lines under a 原因 /
// 再発防止策 / 対策 heading (【原因】, 2 原因, (1)原因, 5. 本件の原因について, 原因と対策 with (再発防止策) inside), and,
// where a notice has no headings (a blog body in one line), the sentences that carry those cues.

export interface ListMention {
  value: string;
  start: number;
  end: number;
}

type SectionKind = 'cause' | 'counter' | 'both' | 'none';

const MAX_ITEMS = 12;
const MAX_ITEM_CHARS = 240;

const BRACKETED = /^(?:【[^】]{1,40}】|\[[^\]]{1,40}\]|〔[^〕]{1,40}〕|<[^>]{1,40}>)$/;
const MINOR = /^(?:\([^)]{1,30}\)|[^。、]{1,30}[:])$/;
const NUMBERED = /^(?:\(?\d{1,2}[).]|\d{1,2}[ \t]|[0-9]{1,2}\.\d?[ \t]?|第\d{1,2}[ \t]?|[■◆●▼□◇▽▶]|[IVX]{1,4}\.)[ \t]?\S/;
const HEADING_WORD = /原因|要因|対策|再発防止|防止策|改善策|経緯|概要|状況|対応|影響|情報|お願い|について|問い?合わせ|窓口|今後|詳細|お詫び|cause|what happened|what we are doing|prevent|remediation|next steps|what information/i;

const CAUSE_HEADING = /原因|要因|cause|how (?:it|this) happened/i;
const COUNTER_HEADING = /再発防止|防止策|改善策|対策|今後の(?:対応|取り?組)|countermeasure|prevent|remediation|what we are doing|steps we/i;

const CAUSE_SENTENCE = /原因は|が原因|原因と(?:なった|な[りっ]|みられ|考えられ|推測|判明)|による(?:もの|ため)と(?:みられ|考えられ|推測|判明)|要因は|ことが要因|caused by|the cause|root cause|was due to|resulted from/i;
const COUNTER_SENTENCE = /再発防止(?:策|に向け|のため|を(?:図|徹底))|防止策として|対策(?:として|を(?:講じ|実施|強化|徹底|行)|の(?:強化|徹底))|監視(?:体制)?の強化|強化(?:を(?:図|行)|に(?:取り?組|努め))|教育(?:を|の)(?:実施|徹底|再実施)|見直しを(?:行|実施|図)|will (?:implement|strengthen|enhance|introduce|improve)|(?:have|has) (?:implemented|strengthened|enhanced)|additional (?:security )?measures/i;

function isHeading(line: string): boolean {
  if (line.length > 44 || line.includes('。')) return false;
  if (BRACKETED.test(line) || MINOR.test(line)) return true;
  if (NUMBERED.test(line) && line.length <= 36 && HEADING_WORD.test(line)) return true;
  return line.length <= 20 && !/^[・•\-*※]/.test(line) && !line.includes('、') && HEADING_WORD.test(line) && !/[はがをにで]$/.test(line);
}

function classify(heading: string): SectionKind {
  const cause = CAUSE_HEADING.test(heading);
  const counter = COUNTER_HEADING.test(heading);
  if (cause && counter) return 'both';
  if (cause) return 'cause';
  if (counter) return 'counter';
  return 'none';
}

const BULLET = /^(?:[・•\-*※◦○●■□◆◇▶>]|\(?\d{1,2}[).]|\d{1,2}\.(?!\d)|[①-⑳]|[a-z]\))[ \t]*/i;

function trimItem(text: string, range: Range): Range | null {
  const raw = text.slice(range.start, range.end);
  const bullet = BULLET.exec(raw);
  const start = range.start + (bullet ? bullet[0].length : 0);
  let end = range.end;
  while (end > start && /[。.、\s]/.test(text.charAt(end - 1))) end--;
  if (end - start < 6) return null;
  return { start, end: Math.min(end, start + MAX_ITEM_CHARS) };
}

export interface CausesAndCountermeasures {
  causes: ListMention[];
  countermeasures: ListMention[];
}

export function findCausesAndCountermeasures(text: string, from = 0, to = text.length): CausesAndCountermeasures {
  const causes: ListMention[] = [];
  const counters: ListMention[] = [];
  const taken: Range[] = [];
  const push = (list: ListMention[], r: Range | null): void => {
    if (r === null || list.length >= MAX_ITEMS) return;
    if (taken.some((t) => r.start < t.end && t.start < r.end)) return;
    taken.push(r);
    list.push({ value: text.slice(r.start, r.end), start: r.start, end: r.end });
  };

  let section: SectionKind = 'none';
  let mode: 'cause' | 'counter' | null = null;
  for (const line of splitLines(text, from, to)) {
    const lineText = text.slice(line.start, line.end);
    if (isHeading(lineText)) {
      const kind = classify(lineText);
      const minor = MINOR.test(lineText) && !BRACKETED.test(lineText);
      if (kind === 'none' && minor && section === 'both') {
        mode = 'cause';
        continue;
      }
      if (kind === 'none' && minor && section !== 'none') continue;
      if (!minor || kind !== 'none') section = kind === 'none' && minor ? section : kind;
      mode = kind === 'both' ? 'cause' : kind === 'cause' ? 'cause' : kind === 'counter' ? 'counter' : null;
      continue;
    }
    if (mode !== null) {
      for (const s of splitSentences(text, line.start, line.end)) push(mode === 'cause' ? causes : counters, trimItem(text, s));
      continue;
    }
    for (const s of splitSentences(text, line.start, line.end)) {
      const sentence = text.slice(s.start, s.end);
      if (CAUSE_SENTENCE.test(sentence)) push(causes, trimItem(text, s));
      else if (COUNTER_SENTENCE.test(sentence)) push(counters, trimItem(text, s));
    }
  }
  return { causes, countermeasures: counters };
}
