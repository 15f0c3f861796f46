import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotTextFileError, UndecodableFileError } from '../decode-text.js';
import { FeedReadError, MAX_FEED_BYTES, readFeedRecords } from './feed-records.js';
import type { FeedReadResult } from './feed-records.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SAMPLES = resolve('../shared/samples');

function read(text: string): FeedReadResult {
  return readFeedRecords(Buffer.from(text, 'utf8'));
}

function rssWith(doctype: string, items: string): string {
  return `<?xml version="1.0"?>\n${doctype}\n<rss version="2.0"><channel><title>t</title>\n${items}\n</channel></rss>`;
}

function timed<T>(fn: () => T): { value: T; ms: number; heapMb: number } {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 };
}

/**
 * NONET and FSJAIL at unit level: every I/O entry point a parser could reach is replaced by a recorder for the
 * duration of `fn`. The reader imports none of these modules (checked below), so this guards against a future
 * dependency that would.
 */
function recordingIo<T>(fn: () => T): { value: T; calls: string[] } {
  const require = createRequire(import.meta.url);
  const targets: [Record<string, unknown>, string, string[]][] = [
    [require('node:fs') as Record<string, unknown>, 'fs', ['openSync', 'readFileSync', 'open', 'readFile', 'createReadStream']],
    [require('node:http') as Record<string, unknown>, 'http', ['request', 'get']],
    [require('node:https') as Record<string, unknown>, 'https', ['request', 'get']],
    [require('node:net') as Record<string, unknown>, 'net', ['connect', 'createConnection']],
  ];
  const calls: string[] = [];
  const saved = targets.flatMap(([mod, name, fns]) => fns.map((fnName) => [mod, fnName, mod[fnName], `${name}.${fnName}`] as const));
  for (const [mod, fnName, , label] of saved) {
    mod[fnName] = () => {
      calls.push(label);
      throw new Error(`I/O attempted: ${label}`);
    };
  }
  syncBuiltinESMExports();
  try {
    return { value: fn(), calls };
  } finally {
    for (const [mod, fnName, original] of saved) mod[fnName] = original;
    syncBuiltinESMExports();
  }
}

describe('XML entity attacks', () => {
  let dir = '';
  const secret = `CANARY-${Math.random().toString(36).slice(2)}-SECRET`;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'feed-xxe-'));
    writeFileSync(join(dir, 'canary.txt'), secret);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('F1 an external entity is never resolved or read', () => {
    const url = `file://${join(dir, 'canary.txt')}`;
    const feed = rssWith(
      `<!DOCTYPE rss [<!ENTITY x SYSTEM "${url}"><!ENTITY w SYSTEM "file:///C:/Windows/win.ini">]>`,
      '<item><title>before &x; after</title><description>&x;&w;</description><link>https://e.example/&x;</link></item>',
    );
    const { value: result, calls } = recordingIo(() => read(feed));
    expect(calls).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(secret);
    // The item is kept without the entity: its reference stays inert text.
    expect(result.records[0]).toMatchObject({ title: 'before &x; after', body: '&x;&w;' });
    expect(result.errors.map((e) => e.message)).toContain(
      'the DOCTYPE declares entities; they are never loaded or expanded and their references stay as text',
    );
  });

  it('F2 parameter entities, external DTDs, XInclude and stylesheets are never fetched', () => {
    const feeds = [
      rssWith('<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://pwn.invalid/x.dtd"> %p;]>', '<item><title>a</title></item>'),
      rssWith('<!DOCTYPE rss SYSTEM "http://pwn.invalid/rss.dtd">', '<item><title>b</title></item>'),
      rssWith(
        '<?xml-stylesheet type="text/xsl" href="http://pwn.invalid/s.xsl"?>',
        '<item><title>c</title><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="http://pwn.invalid/x"/></item>',
      ),
    ];
    const { value: results, calls } = recordingIo(() => feeds.map(read));
    expect(calls).toEqual([]);
    expect(results.map((r) => r.records[0]?.title)).toEqual(['a', 'b', 'c']);
  });

  it('F2 holds by construction: the reader and its tokenizer import no file or network module', () => {
    const sources = readdirSync(HERE)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'feed-conformance.ts')
      .map((f) => readFileSync(join(HERE, f), 'utf8'));
    const tokenizer = ['index.js', 'Parser.js', 'Tokenizer.js'].map((f) => readFileSync(resolve('node_modules/htmlparser2/dist', f), 'utf8'));
    for (const source of [...sources, ...tokenizer]) {
      expect(source).not.toMatch(/from\s+['"](?:node:)?(?:fs|http|https|net|child_process|dns|tls)['"]/);
      expect(source).not.toMatch(/\b(?:require|import)\(\s*['"](?:node:)?(?:fs|http|https|net)/);
      expect(source).not.toMatch(/\bfetch\(/);
    }
  });

  it('F3 billion laughs (10 levels × 10) is left unexpanded, quickly and in little memory', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const feed = rssWith(`<!DOCTYPE lolz [${levels.join('')}]>`, '<item><title>&lol9;</title><description>&lol9;</description></item>');
    const { value: result, ms, heapMb } = timed(() => read(feed));
    expect(ms).toBeLessThan(1000);
    expect(heapMb).toBeLessThan(50);
    expect(result.records[0]).toMatchObject({ title: '&lol9;', body: '&lol9;' });
  });

  it('F4 quadratic blow-up (a 10k-character entity referenced 100k times) stays bounded', () => {
    const feed = rssWith(`<!DOCTYPE r [<!ENTITY a "${'x'.repeat(10_000)}">]>`, `<item><title>q</title><description>${'&a;'.repeat(100_000)}</description></item>`);
    const { value: result, ms } = timed(() => read(feed));
    expect(ms).toBeLessThan(2000);
    expect(result.records[0]!.body.length).toBe(300_000);
  });

  it('F5 numeric reference floods decode linearly, and an input size cap refuses the rest before parsing', () => {
    const flood = rssWith('', `<item><title>n</title><description>${'&#65;'.repeat(1_000_000)}</description></item>`);
    const { value: result, ms } = timed(() => read(flood));
    expect(ms).toBeLessThan(2000);
    expect(result.records[0]!.body).toBe('A'.repeat(1_000_000));
    const emoji = rssWith('', `<item><title>e</title><description>${'&#x1F600;'.repeat(100_000)}</description></item>`);
    expect(read(emoji).records[0]!.body).toBe('😀'.repeat(100_000));
    // Past the per-field limit the item is refused rather than stored cut.
    const over = read(rssWith('', `<item><title>o</title><description>${'&#65;'.repeat(1_500_000)}</description></item>`));
    expect(over.records).toEqual([]);
    expect(over.errors[0]?.message).toMatch(/longer than 1,000,000 characters/);
    const huge = timed(() => {
      try {
        return readFeedRecords(new Uint8Array(MAX_FEED_BYTES + 1));
      } catch (error) {
        return error;
      }
    });
    expect(huge.value).toBeInstanceOf(FeedReadError);
    expect(huge.ms).toBeLessThan(100);
  });
});

describe('structure attacks', () => {
  it('F6 100k nested elements stop reading with an error instead of overflowing the stack', () => {
    const feed = rssWith('', `<item><title>kept</title></item><item><title>deep</title>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</item>`);
    const { value: result, ms } = timed(() => read(feed));
    expect(ms).toBeLessThan(2000);
    expect(result.records.map((r) => r.title)).toEqual(['kept']);
    expect(result.recordCount).toBe(2);
    expect(result.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'elements are nested more than 1,000 levels deep; reading stopped here',
        'reading stopped inside this item; the incomplete item was dropped',
      ]),
    );
  });

  it('F6 a million attributes or a 10 MB element name stop reading quickly', () => {
    const attrs = Array.from({ length: 1_000_000 }, (_, i) => `a${i}="1"`).join(' ');
    const manyAttrs = timed(() => read(rssWith('', `<item><title>x</title><category ${attrs}>c</category></item>`)));
    expect(manyAttrs.ms).toBeLessThan(3000);
    expect(manyAttrs.value.errors.map((e) => e.message)).toContain('an element has too many attributes; reading stopped here');
    const longName = timed(() => read(rssWith('', `<item><title>x</title><${'n'.repeat(10_000_000)}>v</item>`)));
    expect(longName.ms).toBeLessThan(3000);
    expect(longName.value.errors.map((e) => e.message)).toContain('an element name is too long; reading stopped here');
  });

  it('F7 __proto__ and constructor names pollute nothing', () => {
    const feed = rssWith(
      '',
      '<__proto__><polluted>1</polluted></__proto__><constructor><prototype><polluted>1</polluted></prototype></constructor>' +
        '<item __proto__="x" constructor="y"><title __proto__="z">ok</title><__proto__><polluted>1</polluted></__proto__>' +
        '<constructor>c</constructor><category>__proto__</category><toString>t</toString><hasOwnProperty>h</hasOwnProperty></item>',
    );
    const result = read(feed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.records[0]).toMatchObject({ title: 'ok', sourceCategory: '__proto__', extra: { categories: '__proto__' } });
    expect(Object.getPrototypeOf(result.records[0]!.extra)).toBe(Object.prototype);
    expect(Object.keys(result.records[0]!.extra)).toEqual(['categories']);
  });
});

describe('content attacks', () => {
  const vectors = [
    '<script>alert("PWN")</script>',
    '<img src=x onerror=alert("PWN")>',
    '<svg onload=alert("PWN")><circle/></svg>',
    '<iframe src="javascript:alert(\'PWN\')">PWN</iframe>',
    '<object data="data:text/html,PWN">PWN</object><embed src="javascript:alert(1)"><applet code="PWN">PWN</applet>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet" href="http://pwn.invalid/s.css">',
    '<style>@import "http://pwn.invalid/x.css"; body{background:url(javascript:alert(1))}</style>',
    '<frameset><frame src="javascript:alert(1)"></frameset><blink>visible</blink>',
    '<a href="javascript:alert(1)" onclick="alert(2)" onmouseover="alert(3)">visible</a>',
    '<div style="background:url(javascript:alert(1))" onfocus="alert(1)" autofocus>visible</div>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("PWN")></style></mglyph></table></mtext></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(\'PWN\')>"></noscript>',
    '<xmp><script>alert("PWN")</script></xmp>',
  ];
  // A stripper that removes tags in one pass turns this back into <script>; a tokenizer leaves inert text.
  const nested = '<scr<script>ipt>alert("PWN")</scr</script>ipt>';
  const inert = (text: string | null): void => {
    expect(text ?? '').not.toMatch(/<\s*\/?\s*[a-z!]|alert|javascript|onerror|onload|onclick|pwn\.invalid|PWN/i);
  };
  const escape = (html: string): string => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const cdata = (html: string): string => `<![CDATA[before ${html} after]]>`;

  it.each(vectors)('F10 %s leaves only visible text in every RSS and RDF field', (vector) => {
    const rss = read(
      rssWith('', `<item><title>before ${escape(vector)} after</title><description>${cdata(vector)}</description>` +
        `<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">${cdata(vector)}</content:encoded></item>`)
        .replace('<title>t</title>', `<title>${escape(vector)} chan</title>`),
    );
    const rdf = read(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>c</title></channel>` +
        `<item><title>before ${escape(vector)} after</title><description>before ${escape(vector)} after</description></item></rdf:RDF>`,
    );
    for (const record of [...rss.records, ...rdf.records]) {
      expect(record.title).toMatch(/^before .*after$/);
      expect(record.body).toMatch(/^before[\s\S]*after$/);
      inert(record.title);
      inert(record.body);
      inert(record.sourceName);
    }
    inert(rss.feedTitle);
  });

  it.each(vectors)('F10 %s leaves only visible text in Atom html and xhtml constructs', (vector) => {
    // Well-formed XHTML is required inside type="xhtml"; the escaped form exercises the same markup via html.
    const atom = read(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${escape(vector)}</title><entry>` +
        `<title type="html">before ${escape(vector)} after</title><summary type="html">before ${escape(vector)} after</summary>` +
        `<content type="html">${cdata(vector)}</content></entry>` +
        `<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">before <script>alert(1)</script><b onclick="alert(1)">x</b> after</div></title>` +
        `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">before <iframe src="javascript:alert(1)"/><img src="x" onerror="alert(1)"/> after</div></content></entry></feed>`,
    );
    expect(atom.records).toHaveLength(2);
    for (const record of atom.records) {
      inert(record.title);
      inert(record.body);
    }
    inert(atom.feedTitle);
  });

  it('F10 nested tags never reassemble into a tag', () => {
    const result = read(rssWith('', `<item><title>t</title><description>${cdata(nested)}</description></item>`));
    expect(result.records[0]!.body).not.toMatch(/<\s*\/?\s*[a-z!]/i);
    expect(result.records[0]!.body).not.toContain('<script');
  });

  it('F10 Atom type="text" is literal text: shown as written, never interpreted as markup', () => {
    const result = read(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">&lt;script&gt;alert(1)&lt;/script&gt;</title></entry></feed>',
    );
    expect(result.records[0]!.title).toBe('<script>alert(1)</script>');
  });

  it('F11 only http(s) links become sourceUrl; others stay inert text in extra.link', () => {
    const links = ['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,x', 'file:///etc/passwd', '\\\\host\\share', 'ms-msdt:/id x', 'https://ok.example/'];
    const items = links.map((l, i) => `<item><title>${i}</title><link>${escapeXml(l)}</link></item>`).join('');
    const result = read(rssWith('', `${items}<item><title>guid</title><guid isPermaLink="true">javascript:alert(1)</guid></item>`));
    expect(result.records.map((r) => r.sourceUrl)).toEqual([null, null, null, null, null, null, 'https://ok.example/', null]);
    expect(result.records.map((r) => r.extra.link ?? null)).toEqual([...links.slice(0, 6), null, 'javascript:alert(1)']);
    const atom = read('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><link href="javascript:alert(1)"/></entry></feed>');
    expect(atom.records[0]).toMatchObject({ sourceUrl: null, extra: { link: 'javascript:alert(1)' } });
  });
});

describe('F19 mutation fuzzing of the samples', () => {
  // Half the mutations work on bytes (most then fail strict decoding: a typed UndecodableFileError, by the
  // never-store-mojibake policy of decode-text); the other half work on the text and re-encode it as UTF-8, so
  // that they reach the tokenizer and the item mapping.
  it('F19 300 seeded mutations give only typed results or typed errors', () => {
    const seeds = ['cdns-2019-12.rss', 'leak-articles.rdf', 'casebook-2023-07.atom'].map((f) => readFileSync(join(SAMPLES, f)));
    const insertions = ['<', '>', '&', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "b">]>', '</item>', '<item>', '</entry>', '\u0000', '&#0;', '&#xD800;', '<!--', '\uFFFF', '😀'];
    let state = 20240601;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % Math.max(1, n);
    };
    const mutateBytes = (input: Buffer): Buffer => {
      let bytes = Buffer.from(input);
      for (let m = 0, count = 1 + random(4); m < count; m++) {
        const at = random(bytes.length);
        const op = random(3);
        if (op === 0) bytes[at] = random(256);
        else if (op === 1) bytes = bytes.subarray(0, at);
        else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + random(2000)), bytes.subarray(at)]);
      }
      return bytes;
    };
    const mutateText = (input: string): Buffer => {
      let text = input;
      for (let m = 0, count = 1 + random(8); m < count; m++) {
        const at = random(text.length);
        const op = random(4);
        if (op === 0) text = text.slice(0, at) + String.fromCharCode(random(0x3100)) + text.slice(at + 1);
        else if (op === 1) text = text.slice(0, at);
        else if (op === 2) text = text.slice(0, at) + insertions[random(insertions.length)]! + text.slice(at);
        else text = text.slice(0, at) + text.slice(at, at + random(2000)) + text.slice(at);
      }
      return Buffer.from(text, 'utf8');
    };
    let parsed = 0;
    for (let i = 0; i < 300; i++) {
      const seed = seeds[i % seeds.length]!;
      const bytes = i % 2 === 0 ? mutateBytes(seed) : mutateText(seed.toString('utf8'));
      try {
        const result = readFeedRecords(bytes);
        parsed++;
        expect(result.recordCount).toBeGreaterThanOrEqual(result.records.length);
        for (const record of result.records) {
          expect(record.title).not.toBe('');
          expect(JSON.stringify(record)).not.toMatch(/\\u0000/);
        }
      } catch (error) {
        const typed = error instanceof FeedReadError || error instanceof NotTextFileError || error instanceof UndecodableFileError;
        if (!typed) throw error;
      }
    }
    expect(parsed).toBeGreaterThan(150);
  });
});

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}
