import { describe, expect, it } from 'vitest';
import { mapHeaders } from './header-map.js';

describe('mapHeaders', () => {
  it('C10 maps the Japanese headers of the Excel sample', () => {
    const mapping = mapHeaders(['日付', 'カテゴリ', 'タイトル', '組織', '内容', 'URL']);
    expect(mapping.fields).toEqual({
      publishedAt: 0,
      sourceCategory: 1,
      title: 2,
      organization: 3,
      body: 4,
      sourceUrl: 5,
    });
    expect(mapping.extra).toEqual([]);
    expect(mapping.problems).toEqual([]);
  });

  it('C10 maps English headers in any order, ignoring case, width, spaces, underscores and hyphens', () => {
    const mapping = mapHeaders(['Source_URL', ' Headline ', 'PUBLISHED-DATE', 'ｏｒｇａｎｉｓａｔｉｏｎ', 'Source Name', 'Summary']);
    expect(mapping.fields).toEqual({
      sourceUrl: 0,
      title: 1,
      publishedAt: 2,
      organization: 3,
      sourceName: 4,
      body: 5,
    });
    expect(mapping.problems).toEqual([]);
  });

  it('C10 finds every listed synonym', () => {
    const cases: [string, string][] = [
      ['公表日', 'publishedAt'], ['公開日', 'publishedAt'], ['掲載日', 'publishedAt'], ['発表日', 'publishedAt'],
      ['年月日', 'publishedAt'], ['pubDate', 'publishedAt'], ['published', 'publishedAt'],
      ['見出し', 'title'], ['件名', 'title'], ['表題', 'title'], ['Subject', 'title'],
      ['本文', 'body'], ['概要', 'body'], ['詳細', 'body'], ['description', 'body'], ['content', 'body'], ['text', 'body'],
      ['link', 'sourceUrl'], ['リンク', 'sourceUrl'], ['出典URL', 'sourceUrl'],
      ['組織名', 'organization'], ['企業名', 'organization'], ['会社名', 'organization'], ['団体名', 'organization'],
      ['被害組織', 'organization'], ['公表組織', 'organization'], ['company', 'organization'], ['org', 'organization'],
      ['カテゴリー', 'sourceCategory'], ['分類', 'sourceCategory'], ['種別', 'sourceCategory'], ['Category', 'sourceCategory'],
      ['情報源', 'sourceName'], ['出典', 'sourceName'], ['媒体', 'sourceName'], ['source', 'sourceName'],
    ];
    for (const [header, field] of cases) {
      expect(mapHeaders(['x', header]).fields, header).toHaveProperty(field, 1);
    }
  });

  it('C10 reports two headers with the same meaning, naming both', () => {
    const mapping = mapHeaders(['タイトル', '内容', '本文']);
    expect(mapping.problems).toHaveLength(1);
    expect(mapping.problems[0]).toContain('"内容" (column 2)');
    expect(mapping.problems[0]).toContain('"本文" (column 3)');
    expect(mapping.problems[0]).toContain('body');
  });

  it('C10 keeps unknown headers as extra columns under their own names', () => {
    const mapping = mapHeaders(['タイトル', '担当者', '対応状況']);
    expect(mapping.extra).toEqual([
      { index: 1, name: '担当者' },
      { index: 2, name: '対応状況' },
    ]);
    expect(mapping.problems).toEqual([]);
  });

  it('C10 names empty headers after their column and keeps repeated unknown names apart', () => {
    const mapping = mapHeaders(['タイトル', '', 'メモ', 'メモ', 'メモ (2)', '  ']);
    expect(mapping.extra).toEqual([
      { index: 1, name: '列2' },
      { index: 2, name: 'メモ' },
      { index: 3, name: 'メモ (2)' },
      { index: 4, name: 'メモ (2) (2)' },
      { index: 5, name: '列6' },
    ]);
  });

  it('C10 reports a missing title column and lists the headers it saw', () => {
    const mapping = mapHeaders(['2019/12/10', 'セキュリティ対策', 'マルウエアEmotetの感染']);
    expect(mapping.problems).toEqual([
      'no title column: headers were "2019/12/10", "セキュリティ対策", "マルウエアEmotetの感染"',
    ]);
  });

  it('C8 keeps the missing-title message short for a header of 100,000 columns', () => {
    const mapping = mapHeaders(Array.from({ length: 100_000 }, (_, i) => `c${i}`));
    expect(mapping.problems[0]!.length).toBeLessThan(1000);
    expect(mapping.problems[0]).toContain('and 99980 more');
    expect(mapping.extra).toHaveLength(100_000);
  });

  it('C10 gives the same fields for every order of the headers', () => {
    const headers = ['日付', 'カテゴリ', 'タイトル', '組織', '内容', 'URL', '備考'];
    const reference = mapHeaders(headers);
    const byName = (order: string[]): Record<string, string> => {
      const mapping = mapHeaders(order);
      return Object.fromEntries(Object.entries(mapping.fields).map(([field, index]) => [field, order[index]!]));
    };
    const expected = byName(headers);
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      const order = [...headers];
      for (let i = order.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      expect(byName(order)).toEqual(expected);
      expect(mapHeaders(order).extra.map((e) => e.name)).toEqual(reference.extra.map((e) => e.name));
    }
  });
});
