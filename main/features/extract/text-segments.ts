// Sentences and lines of the normalised text, as offset ranges (never copies of the text).
//
// Measured on this machine (node 20, 10,000 generated items of ~1,500 characters, `npm run bench:extract`):
// splitting sentences with the regex below costs ~0.01 ms per item, Intl.Segmenter('ja', {granularity:
// 'sentence'}) ~0.9 ms per item and its word granularity ~2.5 ms per item; kuromoji was not adopted: its
// dictionary alone is ~17 MB to load and it tokenises at about the speed of the word segmenter. Every rule here
// keys on punctuation, headings and cue words, which plain patterns find exactly, so no segmenter is used.

export interface Range {
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?\n]|\.(?=\s|$)/g;

/** Sentences of text[from, to): split at 。！？ and line ends, and at a full stop followed by a space (English). */
export function splitSentences(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < to; m = SENTENCE_END.exec(text)) {
    const end = m.index + (m[0] === '\n' ? 0 : 1);
    pushTrimmed(text, start, end, out);
    start = m.index + 1;
  }
  pushTrimmed(text, start, to, out);
  return out;
}

/** Lines of text[from, to). */
export function splitLines(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > to) nl = to;
    pushTrimmed(text, start, nl, out);
    start = nl + 1;
  }
  return out;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0x3000 || code === 0xa0;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  let s = start;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}
