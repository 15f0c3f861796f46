// The officer's note, Markdown to React elements, never through HTML. markdown-it parses with `html: false`
// (any tag typed in the note stays text), images are off (an <img> would fetch), and a link is only made for
// an http(s) address (`javascript:`, `data:`, `file:` stay text). The token stream is then built into React
// elements from a fixed list of tags with no attributes from the note, so nothing reaches innerHTML and no
// sanitiser is needed. Links are not <a>: the caller renders them as buttons that go through the app's
// confirmed link path (window.confirm, then links.open), like the source URL.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { createElement, type ReactNode } from 'react';

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
markdown.disable(['image']);
markdown.validateLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url.trim());

/** Block and inline tags the note may produce; anything else is rendered as its text. */
const ALLOWED = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 's', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

export type RenderLink = (href: string, label: ReactNode[], key: string) => ReactNode;

interface Open {
  token: Token;
  children: ReactNode[];
}

function elementFor(token: Token, children: ReactNode[], key: string, renderLink: RenderLink): ReactNode {
  if (token.type === 'link_open') return renderLink(String(token.attrGet('href') ?? ''), children, key);
  // Headings inside the detail sit below its h3 section titles.
  const heading = /^h([1-6])$/.exec(token.tag);
  if (heading) return createElement(`h${Math.min(6, 3 + Number(heading[1]))}`, { key, className: 'note-heading' }, ...children);
  if (token.tag === 'ol') {
    const start = Number(token.attrGet('start') ?? 1);
    return createElement('ol', { key, start: Number.isFinite(start) ? start : 1 }, ...children);
  }
  if (ALLOWED.has(token.tag)) return createElement(token.tag, { key }, ...children);
  return createElement('span', { key }, ...children);
}

function leafFor(token: Token, key: string, renderLink: RenderLink): ReactNode {
  switch (token.type) {
    case 'text':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'hr':
      return createElement('hr', { key });
    case 'code_inline':
      return createElement('code', { key }, token.content);
    case 'code_block':
    case 'fence':
      return createElement('pre', { key }, createElement('code', null, token.content));
    case 'inline':
      return build(token.children ?? [], key, renderLink);
    default:
      // html_inline/html_block cannot occur with html: false; whatever else appears is shown as text.
      return token.content;
  }
}

function build(tokens: readonly Token[], prefix: string, renderLink: RenderLink): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: Open[] = [];
  const target = () => stack.at(-1)?.children ?? root;
  tokens.forEach((token, index) => {
    const key = `${prefix}.${index}`;
    if (token.nesting === 1) {
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const open = stack.pop();
      if (!open) return;
      // Paragraphs of tight lists are hidden: their text goes straight into the list item.
      if (open.token.hidden) target().push(...open.children);
      else target().push(elementFor(open.token, open.children, key, renderLink));
    } else {
      const leaf = leafFor(token, key, renderLink);
      if (Array.isArray(leaf)) target().push(...(leaf as ReactNode[]));
      else target().push(leaf);
    }
  });
  // Unclosed tokens (not produced by markdown-it, but never lose text): their children are kept.
  for (const open of stack.reverse()) root.push(...open.children);
  return root;
}

/** The note as React elements; `renderLink` draws each http(s) link. */
export function renderNoteMarkdown(source: string, renderLink: RenderLink): ReactNode[] {
  return build(markdown.parse(source, {}), 'n', renderLink);
}
