/**
 * Maps byte offsets in a UTF-8 buffer to physical line numbers. csv-parse reports where each record ends in
 * bytes, but its own line counter counts a CRLF inside a quoted field twice, so the lines are computed here.
 * CRLF, LF and a lone CR each end one line (C5); U+2028 does not, as in Excel.
 */
export class PhysicalLines {
  // lineStarts[i] is the byte offset where line i + 1 begins.
  private readonly lineStarts: number[] = [0];

  constructor(private readonly bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === LF || (b === CR && bytes[i + 1] !== LF)) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line holding the byte at `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Byte offset where `line` begins, or the buffer length when the file has fewer lines. */
  startOf(line: number): number {
    return this.lineStarts[line - 1] ?? this.bytes.length;
  }

  /**
   * First byte at or after `offset` that is not whitespace. csv-parse trims with the same set as
   * String.prototype.trim and skips lines left empty, so this is where its next record really begins.
   */
  skipWhitespace(offset: number): number {
    let i = offset;
    while (i < this.bytes.length) {
      const lead = this.bytes[i] ?? 0;
      if (lead < 0x80) {
        if (!ASCII_SPACE.has(lead)) return i;
        i++;
        continue;
      }
      const width = utf8Width(lead);
      const char = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + i, width).toString('utf8');
      if (!/^\s$/u.test(char)) return i;
      i += width;
    }
    return i;
  }
}

const LF = 0x0a;
const CR = 0x0d;
// Tab, LF, VT, FF, CR and space: the ASCII part of String.prototype.trim's set.
const ASCII_SPACE: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

function utf8Width(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}
