/**
 * Physical line numbers of offsets in text that arrives in chunks, counted like LineIndex (CRLF, LF and a lone
 * CR each end one line) but without holding the text: only the line starts of the last few chunks are kept, so
 * a streamed file of any size costs a few chunks' worth of offsets. Offsets asked about are always recent (the
 * tokenizer reports an event within the chunk it is reading, or the one before when a tag spans a boundary);
 * an offset older than the window gets the first line the window knows, never a wrong later one.
 */
import { lastStartAtOrBefore } from '../stream-lines.js';

export class LineTracker {
  /** Line starts (absolute offsets) of the retained chunks, ascending. */
  private starts: number[] = [0];
  /** Lines that began before starts[0]. */
  private linesBefore = 0;
  /** Where each retained chunk's line starts begin in `starts`, oldest first. */
  private chunkMarks: number[] = [];
  private counted = 0;
  /** A CR ended the last chunk: whether it ends a line depends on the next character. */
  private pendingCr = false;

  constructor(private readonly keptChunks = 4) {}

  /** Counts the lines of the next piece of text. */
  push(text: string): void {
    this.chunkMarks.push(this.starts.length);
    if (this.pendingCr) {
      this.pendingCr = false;
      // CR LF: the line starts after the LF, found below; a lone CR starts it right here.
      if (text.charCodeAt(0) !== LF) this.starts.push(this.counted);
    }
    // indexOf is native and many times faster than a charCodeAt loop; most feeds have no CR at all.
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(this.counted + i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === LF) this.starts.push(this.counted + i + 1);
        else if (c === CR) {
          if (i + 1 === text.length) this.pendingCr = true;
          else if (text.charCodeAt(i + 1) !== LF) this.starts.push(this.counted + i + 1);
        }
      }
    }
    this.counted += text.length;
    this.forgetOldChunks();
  }

  /** Ends the text: a CR at its very end ends a line too. */
  end(): void {
    if (this.pendingCr) this.starts.push(this.counted);
    this.pendingCr = false;
  }

  lineAt(offset: number): number {
    return this.linesBefore + lastStartAtOrBefore(this.starts, offset) + 1;
  }

  /** Characters counted so far. */
  get length(): number {
    return this.counted;
  }

  /** The line of the end of the text read so far. */
  get lastLine(): number {
    return this.lineAt(this.counted);
  }

  private forgetOldChunks(): void {
    if (this.chunkMarks.length <= this.keptChunks) return;
    this.chunkMarks.shift();
    // Keep the line start in effect at the window's beginning, so offsets inside the window all resolve.
    const drop = Math.max(0, (this.chunkMarks[0] ?? 0) - 1);
    if (drop === 0) return;
    this.starts = this.starts.slice(drop);
    this.linesBefore += drop;
    this.chunkMarks = this.chunkMarks.map((mark) => mark - drop);
  }
}

const LF = 0x0a;
const CR = 0x0d;
