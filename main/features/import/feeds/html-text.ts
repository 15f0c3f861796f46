// Feed HTML becomes plain text here, before anything is stored. Electron is not built to show untrusted content,
// so records stay text-only: no tag, attribute or URL of the markup survives, only what a reader would see.
// htmlparser2 in HTML mode is the tokenizer: lenient like a browser, it never runs, fetches or resolves anything.
import { Parser } from 'htmlparser2';

/** Elements whose content is not article text: code, styling, embedded documents and form widgets (F10). */
const HIDDEN = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'head', 'title', 'textarea', 'select', 'xmp', 'plaintext', 'button', 'canvas', 'audio', 'video',
]);

/** Elements that start on a line of their own, so their text is never glued to what came before. */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'caption', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main',
  'figure', 'figcaption', 'address', 'hr', 'form', 'fieldset', 'legend', 'details', 'summary', 'center', 'body',
  'html',
]);

const CELLS = new Set(['td', 'th']);

// A browser keeps going at any depth, but htmlparser2 keeps its open elements with Array#unshift, which turns
// 100k nested tags into seconds of work (F6). Real articles nest a dozen levels; past this the text is cut.
const MAX_DEPTH = 512;
const MAX_ATTRIBUTES = 256;

export const LIST_MARK = '・';

export interface HtmlTextResult {
  text: string;
  /** Set when the markup was too deep or too odd to read to the end; the text holds what came before. */
  truncated: boolean;
}

class StopReading extends Error {}

/**
 * Returns the visible text of an HTML fragment: paragraphs, blocks and `<br>` become line breaks, list items
 * lines starting with "・", entities are decoded and whitespace tidied. Script and style content is dropped.
 */
export function htmlToText(html: string): HtmlTextResult {
  const out = new TextWriter();
  let hidden = 0;
  let pre = 0;
  let depth = 0;
  let attributes = 0;
  const parser = new Parser(
    {
      onopentagname() {
        attributes = 0;
      },
      onattribute() {
        if (++attributes > MAX_ATTRIBUTES) throw new StopReading();
      },
      onopentag(name) {
        if (++depth > MAX_DEPTH) throw new StopReading();
        if (HIDDEN.has(name)) hidden++;
        if (hidden > 0) return;
        if (name === 'br') out.lineBreak();
        else if (name === 'li') out.listItem();
        else if (BLOCKS.has(name)) out.blockBreak();
        else if (CELLS.has(name)) out.space();
        if (name === 'pre') pre++;
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name) || name === 'li') out.blockBreak();
      },
      ontext(data) {
        if (hidden === 0) out.text(data, pre > 0);
      },
    },
    // `<div/>` closes itself: XHTML content (Atom type="xhtml") arrives serialised that way.
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  let truncated = false;
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
    truncated = true;
  }
  return { text: out.finish(), truncated };
}

/** True when text taken from an RSS title or similar field holds markup or entity references worth decoding. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9:-]*[\s/>]|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(text);
}

/** Collapses every run of whitespace into one space: titles live on one line. */
export function toOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Builds the text line by line. Breaks are requested, not written, so that a run of closing and opening
 * blocks yields one line break, and at most one blank line ever separates two pieces of text.
 */
class TextWriter {
  private readonly parts: string[] = [];
  private line = '';
  private pendingBreaks = 0;
  private pendingMark = false;
  private pendingSpace = false;

  text(data: string, preformatted: boolean): void {
    if (preformatted) {
      const lines = data.replace(/\r\n?/g, '\n').split('\n');
      lines.forEach((piece, i) => {
        if (i > 0) this.newline();
        if (piece !== '') this.write(piece);
      });
      return;
    }
    // Non-breaking spaces are layout, not content; they collapse like any other space.
    const collapsed = data.replace(/[\s\u00a0]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed.startsWith(' ')) this.pendingSpace = true;
    const word = collapsed.trim();
    if (word === '') return;
    this.write(word);
    this.pendingSpace = collapsed.endsWith(' ');
  }

  space(): void {
    this.pendingSpace = true;
  }

  lineBreak(): void {
    // A <br> is a hard break: two in a row leave a blank line, more leave no more than that.
    if (this.parts.length === 0 && this.line === '') return;
    this.newline();
    this.pendingSpace = false;
  }

  blockBreak(): void {
    if (this.line !== '') this.pendingBreaks = Math.max(this.pendingBreaks, 1);
    this.pendingSpace = false;
  }

  listItem(): void {
    this.blockBreak();
    this.pendingMark = true;
  }

  finish(): string {
    this.flushLine();
    const text = this.parts.join('\n');
    return text.replace(/\n{3,}/g, '\n\n').trim();
  }

  private write(word: string): void {
    if (this.pendingBreaks > 0) {
      this.flushLine();
      this.pendingBreaks = 0;
      this.pendingSpace = false;
    }
    if (this.pendingMark) {
      this.line += LIST_MARK;
      this.pendingMark = false;
      this.pendingSpace = false;
    }
    if (this.pendingSpace && this.line !== '' && !this.line.endsWith(LIST_MARK)) this.line += ' ';
    this.pendingSpace = false;
    this.line += word;
  }

  private newline(): void {
    if (this.pendingBreaks > 0) {
      this.flushLine();
      this.pendingBreaks = 0;
    }
    this.flushLine();
  }

  private flushLine(): void {
    this.parts.push(this.line.trimEnd());
    this.line = '';
  }
}
