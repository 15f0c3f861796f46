// Item text put into a bulletin's Markdown must stay text: a title with "*", "[x](…)" or "# " would
// otherwise turn into emphasis, a link or a heading when rendered. Only characters that start markup
// are escaped, so the draft stays readable for the officer who edits it.
const INLINE_SPECIALS = /[\\`*_[\]{}<>|~&!]/g;

/** One line of plain text as inline Markdown: newlines folded, markup characters escaped. */
export function escapeMarkdownText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const escaped = line.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  // Block markers only matter at the start of a line (a value can start a list item's text).
  return escaped.replace(/^(#{1,6}(?=\s|$)|[-+>](?=\s|$)|\d{1,9}(?=[.)](\s|$)))/, (m) => `\\${m}`.replace(/^\\(\d+)$/, '$1\\'));
}

/** Shortens to `max` characters at a sentence end (。 or .) where one is near, else with an ellipsis. */
export function firstSentences(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return end > max / 3 ? cut.slice(0, end + 1) : `${cut}…`;
}
