/**
 * Maps character offsets in decoded text to 1-based physical lines, counted like the CSV reader counts them
 * (CRLF, LF and a lone CR each end one line), so error lines mean the same thing for every import format.
 */
export class LineIndex {
  // Offsets where each line begins; a typed array keeps a 64 MB file with millions of lines cheap.
  private readonly starts: Uint32Array;

  constructor(text: string) {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) starts.push(i + 1);
    }
    this.starts = Uint32Array.from(starts);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

const LF = 0x0a;
const CR = 0x0d;
