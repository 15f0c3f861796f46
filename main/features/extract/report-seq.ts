import type { ReportSeq } from '../../../shared/domain/facts.js';
import { parseKanjiNumeral } from './japanese-numbers.js';

// Which report of a series this is: (第3報), (第 2 報), 第三報, 続報, 最終報, "Update 2", "final update".

export interface SeqMention {
  value: ReportSeq;
  start: number;
  end: number;
}

const SEQ = /第[ \t]{0,2}(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]{0,2}報|(?<final>最終[ \t]?報(?!告書))|(?<follow>続報)|\b(?<upd>update)[ \t]?(?<un>\d{1,2})\b|\b(?<efinal>final update)\b/gi;

function readMention(m: RegExpExecArray): ReportSeq | null {
  const g = m.groups ?? {};
  if (g.final || g.efinal) return 'final';
  if (g.n) {
    const n = /\d/.test(g.n) ? Number(g.n) : parseKanjiNumeral(g.n);
    return n !== null && n >= 1 && n <= 100 ? n : null;
  }
  if (g.un) return Number(g.un) + 1;
  // 続報 says only "a later report": at least the second.
  if (g.follow) return 2;
  return null;
}

/**
 * The title names the report it is; a body names earlier ones too ("第1報でお伝えしたように"), so the body counts
 * only at its very start, where sites put the label.
 */
export function findReportSeq(text: string, titleEnd: number): SeqMention | null {
  const scan = (from: number, to: number, labelled: boolean): SeqMention | null => {
    SEQ.lastIndex = from;
    let best: SeqMention | null = null;
    for (let m = SEQ.exec(text); m !== null && m.index < to; m = SEQ.exec(text)) {
      const value = readMention(m);
      if (value === null) continue;
      // In the body only a label counts: `(第2報)` or `【続報】` at a line start, not `第1報でお伝えしたように`.
      if (labelled && !/(?:^|\n|[([【〔<])[ \t]*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
      const mention = { value, start: m.index, end: m.index + m[0].length };
      // `最終報` beats any number, and a higher number beats a lower one in the same place.
      if (best === null || value === 'final' || (best.value !== 'final' && value > best.value)) best = mention;
    }
    return best;
  };
  return scan(0, titleEnd, false) ?? scan(titleEnd, Math.min(text.length, titleEnd + 60), true);
}
