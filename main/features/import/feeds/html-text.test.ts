import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from './html-text.js';

const text = (html: string): string => htmlToText(html).text;

describe('htmlToText', () => {
  it('turns paragraphs, blocks and <br> into line breaks and list items into "・" lines', () => {
    expect(text('<p>【概要】</p>\n<p>本文</p><ul><li>一つ目</li>\n<li>二つ目 <b>太字</b></li></ul><div>末尾</div>')).toBe(
      '【概要】\n本文\n・一つ目\n・二つ目 太字\n末尾',
    );
    expect(text('一行目<br>二行目<br/><br><br><br>三行目')).toBe('一行目\n二行目\n\n三行目');
    expect(text('<h2>見出し</h2>本文<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>')).toBe('見出し\n本文\nA B\nC');
  });

  it('decodes entities once and tidies whitespace, keeping <pre> as written', () => {
    expect(text('AT&amp;T &lt;b&gt; &copy; &#x1F600; &nbsp; x')).toBe('AT&T <b> © 😀 x');
    expect(text('  a \n\t b  ')).toBe('a b');
    expect(text('x<pre>  code\n    indented</pre>')).toBe('x\n  code\n    indented');
  });

  it('drops script, style and embedded documents with their content', () => {
    const html =
      'before<script>alert(1)</script><style>p{color:red}</style><iframe src="x">frame text</iframe>' +
      '<noscript>no script</noscript><object data="x">obj</object><template><p>tpl</p></template><xmp><b>x</b></xmp>after';
    expect(text(html)).toBe('beforeafter');
  });

  it('keeps only visible text: no tag, attribute or handler survives', () => {
    const out = text('<a href="javascript:alert(1)" onclick="alert(2)">link</a><img src=x onerror=alert(3)><svg onload=alert(4)>svg</svg>');
    expect(out).toBe('linksvg');
  });

  it('F6 cuts text instead of walking 100k nested elements', () => {
    const started = performance.now();
    const result = htmlToText(`${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`);
    expect(result.truncated).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('looksLikeHtml', () => {
  it('spots markup and references but not plain text with a < sign', () => {
    expect(looksLikeHtml('<b>x</b>')).toBe(true);
    expect(looksLikeHtml('a &amp; b')).toBe(true);
    expect(looksLikeHtml('1 < 2 and 3 > 2')).toBe(false);
    expect(looksLikeHtml('AT&T')).toBe(false);
  });
});
