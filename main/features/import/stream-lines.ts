/**
 * Physical line numbers of a UTF-8 stream read through a sliding window: the CSV scanner keeps only the
 * bytes of the record it is reading, so line starts before the window are forgotten and only the number
 * of the line the window starts in is kept. CRLF, LF and a lone CR each end one line (C5); a CR that is
 * the last byte seen so far is decided when the next byte arrives.
 */
/** Index of the last line start at or before `offset` in ascending `starts` (0 when none is). */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class StreamLines {
  // Absolute byte offsets where lines begin, ascending; starts[0] is the start of line `firstLine`.
  private starts: number[] = [0];
  private firstLine = 1;
  // Absolute offset of the next byte to index, and whether the byte before it was a CR still undecided.
  private indexed = 0;
  private pendingCr = false;

  /** Indexes `bytes`, which hold the stream's bytes from absolute offset `base`, up to `end` (absolute). */
  extend(bytes: Uint8Array, base: number, end: number): void {
    const i = this.indexed;
    if (this.pendingCr && i < end) {
      this.pendingCr = false;
      if (bytes[i - base] !== LF) this.insertStart(i);
    }
    // indexOf runs at memory speed; a byte loop here cost more than splitting the records.
    for (let lf = bytes.indexOf(LF, i - base); lf !== -1 && lf < end - base; lf = bytes.indexOf(LF, lf + 1)) {
      this.starts.push(base + lf + 1);
    }
    for (let cr = bytes.indexOf(CR, i - base); cr !== -1 && cr < end - base; cr = bytes.indexOf(CR, cr + 1)) {
      if (cr + 1 >= end - base) this.pendingCr = true;
      else if (bytes[cr + 1] !== LF) this.insertStart(base + cr + 1);
    }
    this.indexed = end;
  }

  /** Lone CRs are rare (old Mac files); they are merged into the LF starts in order. */
  private insertStart(start: number): void {
    const starts = this.starts;
    let at = starts.length;
    while (at > 0 && (starts[at - 1] ?? 0) > start) at--;
    starts.splice(at, 0, start);
  }

  /** At the end of the stream a trailing CR ends its line. */
  finish(): void {
    if (this.pendingCr) this.starts.push(this.indexed);
    this.pendingCr = false;
  }

  /** 1-based line holding the byte at absolute `offset` (which must not be before the kept window). */
  lineAt(offset: number): number {
    return this.firstLine + lastStartAtOrBefore(this.starts, offset);
  }

  /** Absolute offset where `line` begins, or null when that line has not been seen yet. */
  startOf(line: number): number | null {
    return this.starts[line - this.firstLine] ?? null;
  }

  /** Forgets line starts before the line that holds `offset`: the scanner will never look back there. */
  forgetBefore(offset: number): void {
    const line = this.lineAt(offset);
    const drop = line - this.firstLine;
    if (drop <= 0) return;
    // Splicing a few entries at a time would be quadratic over a long file; rebuild once the dead part is big.
    if (drop > 4096 || drop * 2 > this.starts.length) {
      this.starts = this.starts.slice(drop);
      this.firstLine = line;
    }
  }
}

const LF = 0x0a;
const CR = 0x0d;
