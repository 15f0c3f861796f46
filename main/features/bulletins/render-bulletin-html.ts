// A bulletin as one self-contained HTML document for printing: A4 portrait, the Japanese font embedded,
// Japanese line breaking, the classification label on every page, nothing that can reach the network.
//
// Sanitisation: the Markdown is rendered by markdown-it with `html: false`, so any HTML in the body (typed
// by the officer or copied from an item) comes out as escaped text; images are disabled (an <img> would
// fetch its URL); links are validated to http/https and printed as text "label (URL)", never as <a>, so
// nothing on the page is clickable or fetchable. What remains is markdown-it's own fixed set of tags with
// no attributes but `style="text-align"` on table cells and `start` on lists — which is why no DOM
// sanitiser (DOMPurify + jsdom, heavy in main) is needed. The CSP meta refuses every load but inline
// styles and data: fonts, as a second wall.
import MarkdownIt, { type MarkdownIt as MarkdownRenderer } from 'markdown-it';
import { CATEGORY_LABELS } from './bulletin-labels.js';
import type { Bulletin } from './bulletin-types.js';
import { formatDate } from './compose-bulletin.js';
import { drawCategoryChart } from './digest-chart.js';
import { FONT_FAMILY, fontFacesFor } from './embedded-font.js';
import { escapeMarkdownText } from './markdown-text.js';
import { fillPlaceholders } from './bulletin-templates.js';

export const BULLETIN_CSP = "default-src 'none'; font-src data:; style-src 'unsafe-inline'; img-src data:";

function createMarkdown(): MarkdownRenderer {
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  markdown.disable(['image']);
  markdown.validateLink = (url: string) => /^https?:\/\//i.test(url.trim());
  // Print links as text: "label (URL)", or the URL alone when the label is the URL.
  markdown.renderer.rules.link_open = () => '';
  markdown.renderer.rules.link_close = (tokens, index) => {
    const open = tokens.slice(0, index).reverse().find((t) => t.type === 'link_open');
    const href = open?.attrGet('href') ?? '';
    const label = tokens[index - 1]?.content ?? '';
    return label === href ? '' : ` (${markdown.utils.escapeHtml(String(href))})`;
  };
  return markdown;
}

const markdown = createMarkdown();

function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}

/** Header placeholders resolved from the bulletin's current columns (escaped like item text). */
function resolveHeaderPlaceholders(b: Bulletin): string {
  return fillPlaceholders(b.bodyMarkdown, {
    number: escapeMarkdownText(b.number),
    title: escapeMarkdownText(b.title),
    date: formatDate(b.date, b.language),
    department: escapeMarkdownText(b.department || (b.language === 'ja' ? '情報セキュリティ担当' : 'the security team')),
    audience: escapeMarkdownText(b.audience),
    classification: escapeMarkdownText(b.classification),
  });
}

export function renderBodyHtml(b: Bulletin): string {
  const html = markdown.render(resolveHeaderPlaceholders(b));
  const chart = b.chart && b.chart.length > 0 ? `<figure class="chart">${drawCategoryChart(b.chart, b.language)}</figure>` : '';
  return html.replace(/<p>\{\{\s*chart\s*\}\}<\/p>/g, chart);
}

const CSS = `
@page { size: A4 portrait; margin: 20mm 18mm 18mm 18mm; }
html { font-family: '${FONT_FAMILY}', sans-serif; font-size: 10.5pt; line-height: 1.75; color: #111; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; line-break: strict; word-break: normal; overflow-wrap: break-word; font-kerning: normal;
  text-spacing-trim: trim-start; }
header.meta { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; font-size: 10pt; }
header.meta .to { padding-top: 7mm; }
header.meta .from { text-align: right; }
header.meta p { margin: 0; }
.label { display: inline-block; border: 1.5px solid #b00; color: #b00; font-weight: 700; padding: 0 3mm; letter-spacing: 0.1em; }
h1 { font-size: 15pt; line-height: 1.5; text-align: center; margin: 7mm 0 6mm; font-weight: 700; text-wrap: balance; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
ul, ol { margin: 0 0 2.5mm; padding-left: 6mm; }
li { margin-bottom: 1mm; break-inside: avoid; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 2mm 0 3mm; font-size: 9.5pt; break-inside: avoid; }
th, td { border: 1px solid #888; padding: 0.8mm 3mm; }
th { background: #eee; }
figure.chart { margin: 2mm 0 3mm; break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; font-family: '${FONT_FAMILY}', sans-serif; font-size: 11px; }
svg.chart rect { fill: #3f6aa1; }
svg.chart text { fill: #222; }
@media screen { body { max-width: 174mm; margin: 12mm auto; padding: 0 8mm; } }
`;

/** The text the stylesheet sets in bold: headings, strong, table heads and the label. */
function boldTextOf(html: string): string {
  const parts = html.match(/<(h[1-6]|strong|th)>[\s\S]*?<\/\1>|<span class="label">[^<]*<\/span>/g) ?? [];
  return `${parts.join('')}0123456789`;
}

export interface RenderHtmlOptions {
  /**
   * True for the HTML kept and printed by a browser: the number, the label and "page X / Y" are drawn in
   * the page margins by CSS margin boxes (Chromium 131+). False when a PDF printer draws them in its own
   * header and footer bands (renderPageFurniture), so they are not printed twice.
   */
  runningLabel: boolean;
}

/** A CSS string literal; every character that could end or escape it is written as a hex escape. */
function cssString(text: string): string {
  return `"${text.replace(/["\\\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function marginBoxes(b: Bulletin): string {
  const small = `font-family: '${FONT_FAMILY}', sans-serif; font-size: 8.5pt; color: #333;`;
  const label = `${small} color: #b00; font-weight: 700; letter-spacing: 0.1em;`;
  return `@page {
  @top-left { content: ${cssString(b.number)}; ${small} }
  @top-right { content: ${cssString(b.classification)}; ${label} }
  @bottom-left { content: ${cssString(b.classification)}; ${label} }
  @bottom-right { content: counter(page) " / " counter(pages); ${small} }
}`;
}

export function renderBulletinHtml(b: Bulletin, options: RenderHtmlOptions): string {
  const ja = b.language === 'ja';
  const body = renderBodyHtml(b);
  const header = `<header class="meta">
<div class="to"><p>${escapeHtml(b.audience)}</p></div>
<div class="from"><p><span class="label">${escapeHtml(b.classification)}</span></p>
<p>${escapeHtml(b.number)}${b.version > 1 ? (ja ? `（第${b.version}版）` : ` (version ${b.version})`) : ''}</p>
<p>${escapeHtml(formatDate(b.date, b.language))}</p>
<p>${escapeHtml(b.department)}</p></div>
</header>
<h1>${escapeHtml(b.title)}</h1>`;
  const content = `${header}\n<main>\n${body}</main>`;
  // The font slices are chosen from every character the page can show, labels of the chart included.
  const chartText = (b.chart ?? []).map((c) => CATEGORY_LABELS[c.category ?? 'unknown'][b.language]).join('');
  const fonts = fontFacesFor(`${content}${chartText}${b.number}0123456789/ -`, `${boldTextOf(content)}${b.classification}`);
  return `<!doctype html>
<html lang="${b.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${BULLETIN_CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`${b.number} ${b.title}`)}</title>
<style>
${fonts}
${CSS}
${options.runningLabel ? marginBoxes(b) : ''}
</style>
</head>
<body>
${content}
</body>
</html>
`;
}

/**
 * Header and footer for a PDF printer (Playwright page.pdf, Electron printToPDF): the label and number on
 * every page, "page X / Y" at the foot. They render in a separate document, so they carry their own font.
 */
export function renderPageFurniture(b: Bulletin): { headerTemplate: string; footerTemplate: string } {
  const text = `${b.classification}${b.number}0123456789/ `;
  const style = `<style>${fontFacesFor(text, b.classification)}
    .f { font-family: '${FONT_FAMILY}', sans-serif; font-size: 8.5pt; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between; color: #333; }
    .l { color: #b00; font-weight: 700; letter-spacing: 0.1em; }</style>`;
  return {
    headerTemplate: `${style}<div class="f"><span>${escapeHtml(b.number)}</span><span class="l">${escapeHtml(b.classification)}</span></div>`,
    footerTemplate: `${style}<div class="f"><span class="l">${escapeHtml(b.classification)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  };
}
