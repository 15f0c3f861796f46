// A feed's DOCTYPE is where every XML entity attack lives: external entities (XXE, F1), parameter entities and
// external DTDs (F2), and the nested definitions of billion laughs and quadratic blow-up (F3, F4). Feeds need
// none of it, so the DOCTYPE is blanked out before tokenizing: no declaration inside it is ever looked at, and
// `&x;` references to what it declared stay literal text. Blanking keeps every newline, so offsets and line
// numbers after it do not move.

export interface DoctypeOutcome {
  text: string;
  problems: { offset: number; message: string }[];
}

/** Blanks the DOCTYPE of the prolog (the part before the root element), if there is one. */
export function blankDoctype(text: string): DoctypeOutcome {
  const start = findDoctype(text);
  if (start === -1) return { text, problems: [] };
  const { end, closed, declaresEntities } = scanDoctype(text, start);
  const problems: DoctypeOutcome['problems'] = [];
  if (!closed) problems.push({ offset: start, message: 'the DOCTYPE is never closed; the rest of the file was ignored' });
  if (declaresEntities) {
    problems.push({
      offset: start,
      message: 'the DOCTYPE declares entities; they are never loaded or expanded and their references stay as text',
    });
  }
  const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return { text: text.slice(0, start) + blank + text.slice(end), problems };
}

/** Offset of `<!DOCTYPE` when it comes before the first element, after declarations, comments and spaces. */
function findDoctype(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 3;
    } else {
      return text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE' ? i : -1;
    }
  }
}

/**
 * Finds the `>` that ends the DOCTYPE, skipping quoted strings, comments and the `[ … ]` internal subset, in one
 * pass with no recursion: a declaration is never interpreted, only stepped over.
 */
function scanDoctype(text: string, start: number): { end: number; closed: boolean; declaresEntities: boolean } {
  let inSubset = false;
  let declaresEntities = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close;
    } else if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
    } else if (inSubset && text.startsWith('<!ENTITY', i)) {
      declaresEntities = true;
      i += 7;
    } else if (c === '[') {
      inSubset = true;
    } else if (c === ']') {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return { end: i + 1, closed: true, declaresEntities };
    }
  }
  return { end: text.length, closed: false, declaresEntities };
}

type BlankerState = 'prolog' | 'pi' | 'comment' | 'doctype' | 'done';

/**
 * blankDoctype for text that arrives in pieces: the same decisions, made as the characters come, so a feed is
 * never held whole for it. Only the few characters a decision still needs (`<!DOCTY` at the end of a piece) are
 * held back; everything else is handed on at once, blanked when it belongs to the DOCTYPE. Lengths and newlines
 * are kept, so offsets and line numbers after it do not move.
 */
export class DoctypeBlanker {
  readonly problems: DoctypeOutcome['problems'] = [];
  private state: BlankerState = 'prolog';
  private held = '';
  private offset = 0;
  private doctypeStart = -1;
  private inSubset = false;
  private declaresEntities = false;
  /** Inside the DOCTYPE: the quote being skipped, or '--' for a comment of the internal subset. */
  private skipping: string | null = null;

  push(piece: string): string {
    if (this.state === 'done' && this.held === '') {
      this.offset += piece.length;
      return piece;
    }
    const text = this.held + piece;
    this.held = '';
    const out = this.scan(text, false);
    return out;
  }

  /** The end of the text: what was held is decided now, and an open DOCTYPE is reported as never closed. */
  end(): string {
    const out = this.scan(this.held, true);
    this.held = '';
    if (this.state === 'doctype') {
      this.state = 'done';
      this.finishDoctype(false);
    }
    return out;
  }

  private scan(text: string, last: boolean): string {
    let out = '';
    let i = 0;
    const emit = (to: number, blank: boolean) => {
      const part = text.slice(i, to);
      out += blank ? part.replace(/[^\r\n]/g, ' ') : part;
      this.offset += to - i;
      i = to;
    };
    while (i < text.length) {
      if (this.state === 'done') {
        emit(text.length, false);
        break;
      }
      if (this.state === 'pi' || this.state === 'comment') {
        const close = this.state === 'pi' ? '?>' : '-->';
        const end = text.indexOf(close, i);
        if (end === -1) {
          // Keep the characters that may begin the closing delimiter with the next piece.
          const keep = last ? 0 : Math.min(close.length - 1, text.length - i);
          emit(text.length - keep, false);
          break;
        }
        emit(end + close.length, false);
        this.state = 'prolog';
        continue;
      }
      if (this.state === 'prolog') {
        const c = text[i] ?? '';
        if (/\s/.test(c)) {
          emit(i + 1, false);
          continue;
        }
        const rest = text.length - i;
        const lookahead = text.slice(i, i + 9);
        // Not enough characters yet to tell `<!DOCTYPE` from `<!-- ` or an element: wait for the next piece.
        if (!last && rest < 9 && c === '<' && ('<!DOCTYPE'.startsWith(lookahead.toUpperCase()) || '<!--'.startsWith(lookahead) || lookahead === '<')) break;
        if (text.startsWith('<?', i)) {
          emit(i + 2, false);
          this.state = 'pi';
        } else if (text.startsWith('<!--', i)) {
          emit(i + 4, false);
          this.state = 'comment';
        } else if (lookahead.toUpperCase() === '<!DOCTYPE') {
          this.doctypeStart = this.offset;
          emit(i + 9, true);
          this.state = 'doctype';
        } else {
          this.state = 'done';
        }
        continue;
      }
      // Inside the DOCTYPE: every character is blanked; only its end is looked for.
      if (this.skipping !== null) {
        const end = text.indexOf(this.skipping === '--' ? '-->' : this.skipping, i);
        if (end === -1) {
          const keep = last || this.skipping !== '--' ? 0 : Math.min(2, text.length - i);
          emit(text.length - keep, true);
          break;
        }
        emit(end + (this.skipping === '--' ? 3 : 1), true);
        this.skipping = null;
        continue;
      }
      const c = text[i];
      if (c === '"' || c === "'") {
        this.skipping = c;
        emit(i + 1, true);
      } else if (this.inSubset && c === '<') {
        if (!last && text.length - i < 8) break;
        if (text.startsWith('<!--', i)) {
          this.skipping = '--';
          emit(i + 4, true);
        } else if (text.startsWith('<!ENTITY', i)) {
          this.declaresEntities = true;
          emit(i + 8, true);
        } else {
          emit(i + 1, true);
        }
      } else {
        if (c === '[') this.inSubset = true;
        else if (c === ']') this.inSubset = false;
        const closes = c === '>' && !this.inSubset;
        emit(i + 1, true);
        if (closes) {
          this.state = 'done';
          this.finishDoctype(true);
        }
      }
    }
    this.held = text.slice(i);
    return out;
  }

  private finishDoctype(closed: boolean): void {
    const start = this.doctypeStart;
    if (!closed) this.problems.push({ offset: start, message: 'the DOCTYPE is never closed; the rest of the file was ignored' });
    if (this.declaresEntities) {
      this.problems.push({
        offset: start,
        message: 'the DOCTYPE declares entities; they are never loaded or expanded and their references stay as text',
      });
    }
  }
}
