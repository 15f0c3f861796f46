import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Encoding from 'encoding-japanese';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageRecords } from './page-records.js';

const REFERENCE = { reference: '2023-08-01' };
const HERE = dirname(fileURLToPath(import.meta.url));

function readHtml(html: string, fileName = 'page.html'): ReturnType<typeof readPageRecords> {
  return readPageRecords({ bytes: Buffer.from(html, 'utf8'), fileName }, REFERENCE);
}

function toSjis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
}

const HOSTILE = `<!DOCTYPE html>
<html lang="ja"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">
<base href="http://evil.example/base/">
<title>セキュリティ事故ニュース｜サンプルブログ</title>
<link rel="import" href="http://evil.example/import.html">
<script>document.write('<h2>SCRIPT-INJECTED</h2>'); fetch('http://evil.example/x');</script>
<style>h2 { background: url(http://evil.example/bg.png) }</style>
</head>
<body onload="alert('onload')">
<header><nav><a href="/">ホーム</a> <a href="/news">ニュース</a></nav></header>
<main>
<article>
  <h2><a href="https://blog.example.jp/2023/07/omega" onclick="alert(1)">株式会社オメガ、ランサムウェア被害を公表</a></h2>
  <p class="date">2023年7月14日</p>
  <p>株式会社オメガは7月14日、サーバがランサムウェアに感染したと発表しました。</p>
  <p>同社は外部専門家と調査を進めています。<img src="x" srcset="http://evil.example/a.png 1x, http://evil.example/b.png 2x" onerror="alert(2)"></p>
  <iframe src="http://evil.example/frame">IFRAME-TEXT</iframe>
</article>
<article>
  <h2><a href="/relative/sigma">シグマ県、個人情報を含む書類を紛失</a></h2>
  <p class="date">2023年7月12日</p>
  <p>シグマ県は、職員が個人情報を含む書類を紛失したと &amp; 発表しました。</p>
  <object data="http://evil.example/obj.swf">OBJECT-TEXT</object>
  <form action="http://evil.example/post"><label>FORM-TEXT</label><input value="FORM-VALUE"></form>
</article>
</main>
<footer>Copyright (C) 2023 Sample</footer>
<noscript>NOSCRIPT-TEXT</noscript>
</body></html>`;

describe('readPageRecords on HTML', () => {
  afterEach(() => vi.restoreAllMocks());

  it('H1: only text and structure are read; scripts, handlers, refresh, base, frames, objects, forms and srcset leave nothing and fetch nothing', () => {
    const spies = [
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
    ];
    const result = readHtml(HOSTILE);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();

    expect(result).toMatchObject({ format: 'html', encoding: 'utf-8', recordCount: 2 });
    expect(result.records.map((r) => [r.title, r.publishedAt, r.sourceUrl])).toEqual([
      ['株式会社オメガ、ランサムウェア被害を公表', '2023-07-14', 'https://blog.example.jp/2023/07/omega'],
      // A relative link is not resolved against `<base href>`: it stays unknown.
      ['シグマ県、個人情報を含む書類を紛失', '2023-07-12', null],
    ]);
    expect(result.records[0]?.body).toBe('株式会社オメガは7月14日、サーバがランサムウェアに感染したと発表しました。\n同社は外部専門家と調査を進めています。');
    expect(result.records[1]?.body).toContain('と & 発表しました');
    expect(result.records[0]?.sourceName).toBe('セキュリティ事故ニュース｜サンプルブログ');
    const everything = JSON.stringify(result);
    for (const needle of ['evil', 'SCRIPT-INJECTED', 'alert', 'IFRAME-TEXT', 'OBJECT-TEXT', 'FORM-', 'NOSCRIPT', 'ホーム', 'Copyright', '<', 'onload']) {
      expect(everything, needle).not.toContain(needle);
    }
  });

  it('H1: a link with a javascript: target never becomes a source URL', () => {
    const result = readHtml(`<table>
      <tr><td>2023年7月14日</td><td><a href="javascript:alert(1)">カード情報漏えいのお知らせ／株式会社イオタ</a></td></tr>
      <tr><td>2023年7月12日</td><td><a href="https://news.example.jp/b">メール誤送信について／カッパ市</a></td></tr></table>`);
    expect(result.records.map((r) => [r.title, r.organization, r.publishedAt, r.sourceUrl])).toEqual([
      ['カード情報漏えいのお知らせ', '株式会社イオタ', '2023-07-14', null],
      ['メール誤送信について', 'カッパ市', '2023-07-12', 'https://news.example.jp/b'],
    ]);
  });

  it('one article element is one item, with its date above or below the heading; text between articles is dropped', () => {
    const result = readHtml(`<body><p>人気のタグ: 不正アクセス</p>
      <article><time datetime="2023-07-14">2023.07.14</time><h3>オメガ社で不正アクセス</h3><p>本文一。</p><section><h4>原因</h4><p>本文二。</p></section></article>
      <div class="ad">広告バナー</div>
      <article><h3>シグマ市でメール誤送信</h3><div>2023年7月12日</div><p>本文三。</p></article></body>`);
    expect(result.records.map((r) => [r.title, r.publishedAt, r.body])).toEqual([
      ['オメガ社で不正アクセス', '2023-07-14', '本文一。\n原因\n本文二。'],
      ['シグマ市でメール誤送信', '2023-07-12', '本文三。'],
    ]);
    expect(result.dropped.map((d) => d.text)).toEqual(['人気のタグ: 不正アクセス', '広告バナー']);
  });

  it('the page modules never use a DOM that could run scripts (no jsdom, no BrowserWindow)', () => {
    for (const file of readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(join(HERE, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](?:jsdom|electron|parse5)['"]|BrowserWindow|runScripts/);
    }
  });

  it('splits a page of h2 titles, keeping lower headings inside the item; the page title falls back to the h1', () => {
    const result = readHtml(`<html><body><div id="content"><h1>情報漏えいニュース</h1>
      <h2>ミュー社の会員情報が流出した可能性</h2><p>ミュー社は、会員情報が流出した可能性があると発表した。</p><h3>原因</h3><p>脆弱性を突かれた。</p>
      <h2>ニュー大学で成績データを誤って公開</h2><p>ニュー大学は、成績データが閲覧可能になっていたと発表した。</p></div></body></html>`);
    expect(result.records.map((r) => r.title)).toEqual(['ミュー社の会員情報が流出した可能性', 'ニュー大学で成績データを誤って公開']);
    expect(result.records[0]?.body).toBe('ミュー社は、会員情報が流出した可能性があると発表した。\n原因\n脆弱性を突かれた。');
    expect(result.records[0]?.sourceName).toBe('情報漏えいニュース');
  });

  it('gives each item the physical line where it starts in the HTML file', () => {
    const result = readHtml('<html>\n<body>\n<h2>オメガ社で不正アクセスが発生</h2>\n<p>本文です。</p>\n\n<h2>シグマ社でメール誤送信が発生</h2>\n<p>本文です。</p>\n</body></html>');
    expect(result.records.map((r) => r.line)).toEqual([3, 6]);
  });

  describe('H2 charset', () => {
    const body = '<title>事故</title></head><body><h2>ニュー大学で成績データを誤って公開</h2><p>成績データが閲覧可能になっていた。</p></body></html>';

    it('reads a Shift_JIS page by its meta, and an EUC-JP page by its http-equiv Content-Type, without warnings', () => {
      const sjis = readPageRecords({ bytes: toSjis(`<html><head><meta charset="Shift_JIS">${body}`), fileName: 'a.html' });
      expect(sjis).toMatchObject({ encoding: 'shift_jis', errors: [] });
      expect(sjis.records[0]?.title).toBe('ニュー大学で成績データを誤って公開');
      const eucBytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">${body}`), { to: 'EUCJP', from: 'UNICODE', type: 'array' }));
      const euc = readPageRecords({ bytes: eucBytes, fileName: 'b.htm' });
      expect(euc).toMatchObject({ encoding: 'euc-jp', errors: [] });
      expect(euc.records[0]?.title).toBe('ニュー大学で成績データを誤って公開');
    });

    it('a Shift_JIS meta over UTF-8 bytes loses to the bytes, and the conflict is reported', () => {
      const result = readHtml(`<html><head><meta charset="Shift_JIS">${body}`);
      expect(result.encoding).toBe('utf-8');
      expect(result.records[0]?.title).toBe('ニュー大学で成績データを誤って公開');
      expect(result.errors.map((e) => e.message)).toEqual(['the page declares charset "Shift_JIS" but its bytes are UTF-8; it was read as utf-8']);
    });

    it('a UTF-8 meta over Shift_JIS bytes falls back to detection, and the conflict is reported', () => {
      const result = readPageRecords({ bytes: toSjis(`<html><head><meta charset="utf-8">${body}`), fileName: 'a.html' });
      expect(result.encoding).toBe('shift_jis');
      expect(result.records[0]?.title).toBe('ニュー大学で成績データを誤って公開');
      expect(result.errors[0]?.message).toMatch(/declares charset "utf-8" but is not valid utf-8; it was read as shift_jis/);
    });

    it('a BOM wins over a meta that disagrees; two metas that disagree, unknown labels and commented-out metas are handled', () => {
      const bom = readPageRecords({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<html><head><meta charset="euc-jp">${body}`)]), fileName: 'a.html' });
      expect(bom.encoding).toBe('utf-8');
      expect(bom.errors[0]?.message).toMatch(/declares charset "euc-jp" but starts with a UTF-8 byte-order mark/);
      const two = readHtml(`<html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">${body}`);
      expect(two.encoding).toBe('utf-8');
      expect(two.errors[0]?.message).toMatch(/more than one charset/);
      const unknown = readHtml(`<html><head><meta charset="x-klingon">${body}`);
      expect(unknown.encoding).toBe('utf-8');
      expect(unknown.errors[0]?.message).toMatch(/unknown charset "x-klingon"/);
      const commented = readPageRecords({ bytes: toSjis(`<html><head><!-- <meta charset="utf-8"> --><meta charset="shift_jis">${body}`), fileName: 'a.html' });
      expect(commented).toMatchObject({ encoding: 'shift_jis', errors: [] });
    });
  });

  describe('H5 bounds', () => {
    it('100k nested divs: no stack overflow, linear time', () => {
      const html = `<html><body>${'<div>'.repeat(100_000)}<h2>深い入れ子の中のタイトルです</h2><p>本文です。</p>${'</div>'.repeat(100_000)}</body></html>`;
      const started = performance.now();
      const result = readHtml(html);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.records[0]?.title).toBe('深い入れ子の中のタイトルです');
    });

    it('100k unclosed nested divs and mismatched end tags', () => {
      const started = performance.now();
      const result = readHtml(`<html><body>${'<div><span>'.repeat(100_000)}<p>本文です。</p>${'</b></i>'.repeat(100_000)}`);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.records).toHaveLength(1);
    });

    it('a 1M-node page reads in bounded time and memory; an over-long item is cut with an error', () => {
      const html = `<html><body>${'<div><span>項目</span></div>'.repeat(500_000)}</body></html>`;
      const started = performance.now();
      const result = readHtml(html);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(result.records).toHaveLength(1);
      expect(result.records[0]?.body.length).toBeLessThanOrEqual(1_000_000);
      expect(result.errors.map((e) => e.message)).toContain("the item's text is longer than 1,000,000 characters and was cut");
    });

    it('a huge inline data: image is not copied anywhere', () => {
      const result = readHtml(`<h2>画像付きの記事タイトルです</h2><p>本文です。<img src="data:image/png;base64,${'A'.repeat(5_000_000)}"><a href="data:text/html,${'B'.repeat(100_000)}">リンク</a></p>`);
      expect(JSON.stringify(result).length).toBeLessThan(2_000);
    });
  });

  it('H6: pasted text that is really HTML is read as HTML, never as markup', () => {
    const result = readPageRecords({ text: '  <div><h2>オメガ社で不正アクセスが発生</h2><p onclick="alert(1)">顧客情報が流出した。<script>alert(2)</script></p></div>', fileName: 'clipboard' }, REFERENCE);
    expect(result.format).toBe('html');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ title: 'オメガ社で不正アクセスが発生', body: '顧客情報が流出した。' });
    expect(JSON.stringify(result)).not.toMatch(/alert|<|>/);
    // Text that merely starts with an angle bracket is still text.
    expect(readPageRecords({ text: '<注意> 偽サイトに注意\n本文です。', fileName: 'clipboard' }).format).toBe('text');
    // A .txt file whose bytes are HTML is HTML.
    expect(readPageRecords({ bytes: Buffer.from('<!DOCTYPE html><p>本文です。</p>'), fileName: 'saved.txt' }).format).toBe('html');
  });

  it('a page whose text is all inside header/nav is still read, with a note', () => {
    const result = readHtml('<html><body><header><h1>ヘッダーの中のタイトルです</h1><p>本文です。</p></header></body></html>');
    expect(result.records[0]?.title).toBe('ヘッダーの中のタイトルです');
    expect(result.errors[0]?.message).toMatch(/inside navigation, header, footer or form/);
  });

  it('a page of nothing but markup, scripts and styles gives a clear error', () => {
    const result = readHtml('<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>');
    expect(result).toMatchObject({ records: [], recordCount: 0 });
    expect(result.errors.map((e) => e.message)).toEqual(['the page has no readable text (only markup, scripts or styles)']);
  });
});
