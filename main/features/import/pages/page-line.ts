/**
 * One line of a page as the splitter sees it, whether it came from plain text or from HTML blocks. The original
 * text is what records keep; `norm` is only for matching (domain rule: NFKC for matching, show the original).
 */
export interface PageLine {
  /** Physical line (1-based) in the file or pasted text where this line's text starts. */
  line: number;
  /** The text as written, trimmed. */
  text: string;
  /** NFKC with whitespace runs folded to one space: full-width digits, brackets and spaces match like ASCII. */
  norm: string;
  /** h1–h6 level when the text came from an HTML heading; null for plain text. */
  heading: number | null;
  /** First absolute http(s) link target on the line (HTML only): a linked title names its article. */
  href: string | null;
  /** Which top-level `<article>` the line sits in (HTML only): one article is one item. */
  article: number | null;
}

export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function makeLine(line: number, raw: string, extra: Partial<Omit<PageLine, 'line' | 'text' | 'norm'>> = {}): PageLine {
  const text = raw.trim();
  return {
    line,
    text,
    norm: normalizeForMatching(text),
    heading: extra.heading ?? null,
    href: extra.href ?? null,
    article: extra.article ?? null,
  };
}

/** CRLF, LF and a lone CR each end one physical line, as in the CSV reader; U+2028 does not. */
export function splitTextLines(text: string): PageLine[] {
  return text.split(/\r\n|\n|\r/).map((raw, index) => makeLine(index + 1, raw));
}
