/**
 * Saved HTML to text lines (H1, H5). Only htmlparser2's tokenizer is used: it reads tags and text and never
 * runs, loads or resolves anything (no DOM, no scripts, no `<base>`, no subresources). Its tree-building
 * Parser is not used because it keeps the open elements with `Array.unshift`, which makes 100k nested `<div>`s
 * quadratic; nothing here needs a tree, only a few counters, so the cost stays linear in the page size.
 *
 * Block elements end lines; the content of script, style, navigation, header, footer, forms, frames and
 * embedded objects is dropped, because it is either code or page furniture, never the news.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { makeLine, type PageLine } from './page-line.js';
import { safeUrl } from './source-url.js';

export interface HtmlLines {
  lines: PageLine[];
  /** The `<title>` text, or the first `<h1>` when there is none. */
  title: string | null;
}

const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'object', 'applet',
  'form', 'select', 'textarea', 'button', 'nav', 'header', 'footer', 'aside', 'svg', 'math', 'canvas', 'audio', 'video',
  'head',
]);

const LAYOUT_ONLY: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside', 'form', 'select', 'textarea', 'button']);
const CODE_ONLY: ReadonlySet<string> = new Set([...SKIPPED].filter((name) => !LAYOUT_ONLY.has(name)));

const BLOCKS: ReadonlySet<string> = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'br',
]);

// Void elements never close, so they must not open a skipped region either.
const VOID: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const MAX_HREF_CHARS = 2048;
const MAX_TITLE_CHARS = 300;

/**
 * `layout: 'drop'` drops navigation, header, footer, aside and forms as furniture; `'keep'` keeps their text
 * (code, frames and embedded objects are dropped either way), for pages that put everything inside one of them.
 */
export function htmlToLines(html: string, layout: 'drop' | 'keep' = 'drop'): HtmlLines {
  const skippedNames = layout === 'drop' ? SKIPPED : CODE_ONLY;
  const lineAt = lineCounter(html);
  const lines: PageLine[] = [];
  const skipped = new Map<string, number>();
  let skipDepth = 0;
  let pre = 0;
  let heading: number | null = null;
  let href: string | null = null;
  let articleDepth = 0;
  let articles = 0;
  let inTitle = false;
  let title = '';

  // The line being gathered: its pieces, where its first text was, and what it sat in.
  let parts: string[] = [];
  let start = -1;
  let lineHeading: number | null = null;
  let lineHref: string | null = null;
  let lineArticle: number | null = null;

  const flush = (): void => {
    const text = parts.join('').replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text !== '' && start >= 0) {
      lines.push(makeLine(lineAt(start), text, { heading: lineHeading, href: lineHref, article: lineArticle }));
    }
    parts = [];
    start = -1;
    lineHeading = null;
    lineHref = null;
    lineArticle = null;
  };

  const addText = (text: string, offset: number): void => {
    if (inTitle) {
      if (title.length < MAX_TITLE_CHARS) title += text;
      return;
    }
    if (skipDepth > 0) return;
    // Inside <pre> every source line is a line; elsewhere line breaks are only spacing.
    const pieces = pre > 0 ? splitWithOffsets(text, offset) : [{ piece: text, at: offset }];
    pieces.forEach(({ piece, at }, i) => {
      if (i > 0) flush();
      if (piece.trim() === '') {
        parts.push(piece);
        return;
      }
      if (start < 0) {
        // The line number is where the text itself starts, not the whitespace before it.
        start = at + (piece.length - piece.trimStart().length);
        lineHeading = heading;
        lineArticle = articleDepth > 0 ? articles : null;
      }
      if (lineHref === null && href !== null) lineHref = href;
      parts.push(piece);
    });
  };

  // Tag state between the name and the end of the open tag.
  let tag = '';
  let attribute = '';
  let value = '';
  let tagHref: string | null = null;

  const open = (name: string): void => {
    if (name === 'body') skipped.delete('head');
    if (name === 'title' && skipDepth === (skipped.get('head') ?? 0) && title === '') inTitle = true;
    if (BLOCKS.has(name)) flush();
    if (skippedNames.has(name) && !VOID.has(name)) skipped.set(name, (skipped.get(name) ?? 0) + 1);
    if (/^h[1-6]$/.test(name)) heading = Number(name[1]);
    if (name === 'a') href = tagHref;
    if (name === 'article' && articleDepth++ === 0) articles++;
    if (name === 'pre') pre++;
    skipDepth = sum(skipped);
  };

  const close = (name: string): void => {
    if (BLOCKS.has(name)) flush();
    const count = skipped.get(name);
    if (count !== undefined) {
      if (count <= 1) skipped.delete(name);
      else skipped.set(name, count - 1);
    }
    if (name === 'title') inTitle = false;
    if (/^h[1-6]$/.test(name)) heading = null;
    if (name === 'a') href = null;
    if (name === 'article' && articleDepth > 0) articleDepth--;
    if (name === 'pre' && pre > 0) pre--;
    skipDepth = sum(skipped);
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(from, to) {
      tag = html.slice(from, to).toLowerCase();
      tagHref = null;
    },
    onattribname(from, to) {
      attribute = html.slice(from, to).toLowerCase();
      value = '';
    },
    onattribdata(from, to) {
      if (attribute === 'href' && tag === 'a' && value.length + (to - from) <= MAX_HREF_CHARS) value += html.slice(from, to);
    },
    onattribentity(codepoint) {
      if (attribute === 'href' && tag === 'a') value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      // Only absolute http(s) links are kept; `<base href>` is never applied, so relative links stay unknown.
      if (attribute === 'href' && tag === 'a') tagHref = safeUrl(value);
    },
    onopentagend() {
      open(tag);
    },
    // `<div/>` does not close a div in HTML, so a self-closing slash is read as a plain open tag.
    onselfclosingtag() {
      open(tag);
    },
    onclosetag(from, to) {
      close(html.slice(from, to).toLowerCase());
    },
    ontext(from, to) {
      addText(html.slice(from, to), from);
    },
    ontextentity(codepoint, endIndex) {
      addText(String.fromCodePoint(codepoint), endIndex);
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  flush();

  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  const firstH1 = lines.find((l) => l.heading === 1)?.text ?? null;
  return { lines, title: cleanTitle !== '' ? cleanTitle : firstH1 };
}

function splitWithOffsets(text: string, offset: number): { piece: string; at: number }[] {
  const pieces: { piece: string; at: number }[] = [];
  const breaks = /\r\n|\n|\r/g;
  let from = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    pieces.push({ piece: text.slice(from, match.index), at: offset + from });
    from = match.index + match[0].length;
  }
  pieces.push({ piece: text.slice(from), at: offset + from });
  return pieces;
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** Offsets only grow while tokenizing, so one forward cursor finds every line number in linear time. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let position = 0;
  return (offset: number): number => {
    for (; position < offset && position < text.length; position++) {
      const c = text.charCodeAt(position);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(position + 1) !== 0x0a)) line++;
    }
    return line;
  };
}
