// The printed HTML must stay inert whatever the items or the officer typed: no script, no image, no
// clickable or fetchable link, a CSP that refuses every load; and it must carry the font it needs.
import { describe, expect, it } from 'vitest';
import type { Bulletin } from './bulletin-types.js';
import { BULLETIN_CSP, renderBulletinHtml, renderPageFurniture } from './render-bulletin-html.js';
import { escapeMarkdownText } from './markdown-text.js';

function bulletin(body: string, extra: Partial<Bulletin> = {}): Bulletin {
  return {
    id: 1, number: 'SEC-2023-012', year: 2023, sequence: 12, version: 1, parentId: null, template: 'single', language: 'ja',
    title: '【注意喚起】<b>テスト</b>', date: '2023-07-14', department: '情報セキュリティ室', audience: '全従業員各位',
    classification: '社外秘', bodyMarkdown: body, chart: null, state: 'draft', itemIds: [1],
    createdAt: '2023-07-14T00:00:00Z', createdBy: 'me', updatedAt: '2023-07-14T00:00:00Z', ...extra,
  };
}

describe('renderBulletinHtml', () => {
  it('renders hostile Markdown inert: HTML escaped, no images, links printed as text, only http(s)', () => {
    const html = renderBulletinHtml(
      bulletin(
        [
          '<script>alert(1)</script><img src="http://evil.example/x.png">',
          '![tracker](http://evil.example/pixel.gif)',
          '[click](javascript:alert(1)) [mail](mailto:a@b.c) [site](https://example.com/a)',
          '<https://autolink.example/> &lt;iframe&gt;',
        ].join('\n\n'),
      ),
      { runningLabel: true },
    );
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<(script|img|iframe|a|link|object|embed)[\s>]/i);
    expect(body).not.toMatch(/<[^>]+\s(href|src)=/i);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('site (https://example.com/a)');
    // A javascript: or mailto: link is not a link at all: its Markdown stays as literal text.
    expect(body).toContain('[click](javascript:alert(1))');
    expect(body).not.toContain('click (javascript');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${BULLETIN_CSP}">`);
    expect(BULLETIN_CSP).toMatch(/default-src 'none'/);
    // The title is escaped too.
    expect(body).toContain('【注意喚起】&lt;b&gt;テスト&lt;/b&gt;');
  });

  it('embeds only the Noto Sans JP slices the page needs, as data: URLs', () => {
    const html = renderBulletinHtml(bulletin('## 1. 概要\n\n本文です。'), { runningLabel: false });
    const faces = html.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(1);
    expect(faces.length).toBeLessThan(60);
    for (const face of faces) expect(face).toMatch(/font-family:'Noto Sans JP'.*src:url\(data:font\/woff2;base64,/);
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('resolves header placeholders from the current columns and draws the digest chart in place of {{chart}}', () => {
    const html = renderBulletinHtml(
      bulletin('番号 {{number}}、{{date}}、{{department}}\n\n{{chart}}', {
        template: 'digest',
        chart: [{ category: 'unauthorized_access', count: 3 }, { category: null, count: 1 }],
      }),
      { runningLabel: true },
    );
    expect(html).toContain('番号 SEC-2023-012、2023年7月14日、情報セキュリティ室');
    expect(html).toMatch(/<figure class="chart"><svg[^>]*>.*不正アクセス.*未分類/s);
    expect(html).not.toContain('{{chart}}');
  });

  it('prints the label, number and page X / Y in the page margins for a browser, in the furniture for a PDF printer', () => {
    const browser = renderBulletinHtml(bulletin('x', { number: 'SEC-"</style>-1' }), { runningLabel: true });
    expect(browser).toMatch(/@top-right \{ content: "社外秘";/);
    expect(browser).toMatch(/@bottom-right \{ content: counter\(page\) " \/ " counter\(pages\);/);
    // A number can hold any character: it cannot end the CSS string or the style element.
    expect(browser).toContain('@top-left { content: "SEC-\\22 \\3c /style\\3e -1";');
    expect(browser.match(/<\/style>/g)).toHaveLength(1);
    // The PDF variant leaves the margins to the printer's header and footer.
    expect(renderBulletinHtml(bulletin('x'), { runningLabel: false })).not.toContain('@top-right');
    const furniture = renderPageFurniture(bulletin('x'));
    expect(furniture.headerTemplate).toContain('社外秘');
    expect(furniture.footerTemplate).toMatch(/社外秘.*class="pageNumber".*class="totalPages"/s);
  });
});

describe('escapeMarkdownText', () => {
  it('keeps item text literal: markup characters and line-start markers escaped, newlines folded', () => {
    expect(escapeMarkdownText('# 見出し')).toBe('\\# 見出し');
    expect(escapeMarkdownText('1. 番号')).toBe('1\\. 番号');
    expect(escapeMarkdownText('*強調* [リンク](http://x) {{title}}\n次行')).toBe('\\*強調\\* \\[リンク\\](http://x) \\{\\{title\\}\\} 次行');
  });
});
