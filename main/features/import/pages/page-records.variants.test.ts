// More layouts met in saved pages: table rows pasted with tabs, title copies that differ by a date, and a
// "recent posts" list of the same notice series above the notices.
import { describe, expect, it } from 'vitest';
import { readPageRecords, type PageReadResult } from './page-records.js';

function read(...lines: string[]): PageReadResult {
  return readPageRecords({ text: lines.join('\n'), fileName: 'pasted.txt' }, { reference: '2023-08-01' });
}

describe('layout variants', () => {
  it('a table pasted as tab-separated rows: day, category, title/organisation', () => {
    const result = read('2023年7月', '10日\t不正アクセス\tA社サイトへの不正アクセス/A社', '09日\t誤送信\tB市でメール誤送信/B市', '05日\t不正アクセス\tC社で情報流出/C社');
    expect(result.records.map((r) => [r.title, r.sourceCategory, r.organization, r.publishedAt])).toEqual([
      ['A社サイトへの不正アクセス', '不正アクセス', 'A社', '2023-07-10'],
      ['B市でメール誤送信', '誤送信', 'B市', '2023-07-09'],
      ['C社で情報流出', '不正アクセス', 'C社', '2023-07-05'],
    ]);
  });

  it('a title copy that carries the date: one item, dated', () => {
    const result = read(
      'ニュース', '', 'オメガ社で不正アクセスが発生', '', 'オメガ社で不正アクセスが発生 2023.07.14', '', 'オメガ社は7月14日、不正アクセスを受けたと発表しました。', '',
      'シグマ市でメール誤送信', '', 'シグマ市でメール誤送信 2023.07.12', '', 'シグマ市は、メールを誤送信したと発表しました。',
    );
    expect(result.records.map((r) => [r.title, r.publishedAt, r.line])).toEqual([
      ['オメガ社で不正アクセスが発生', '2023-07-14', 3],
      ['シグマ市でメール誤送信', '2023-07-12', 9],
    ]);
    expect(result.dropped.filter((d) => d.reason === 'duplicate-title').map((d) => d.line)).toEqual([5, 11]);
  });

  it('a list of links to the notices above them is not a second set of items', () => {
    const result = read(
      '最近の投稿', '【事件簿#3】C社 紛失について 2023年7月3日', '【事件簿#2】B社 誤送信について 2023年7月2日', '',
      '【事件簿#3】C社 紛失について 2023年7月3日', '', '', 'C社は書類を紛失しました。', '',
      '【事件簿#2】B社 誤送信について 2023年7月2日', '', '', 'B社はメールを誤送信しました。',
    );
    expect(result.records.map((r) => [r.title, r.extra.caseId, r.organization, r.line])).toEqual([
      ['C社 紛失について', '#3', 'C社', 5],
      ['B社 誤送信について', '#2', 'B社', 10],
    ]);
    expect(result.dropped.filter((d) => d.reason === 'duplicate-title').map((d) => d.line)).toEqual([2, 3]);
    expect(result.records[0]?.sourceName).toBe('最近の投稿');
  });

  it('an HTML news list of dt/dd pairs with dates and linked titles', () => {
    const result = readPageRecords({
      text: `<html><head><title>お知らせ一覧</title></head><body><dl>
        <dt>2023年7月14日</dt><dd><a href="https://www.example.jp/news/1">【重要】不正アクセスによる個人情報流出のお詫び</a></dd>
        <dt>2023年7月3日</dt><dd><a href="https://www.example.jp/news/2">【お知らせ】システムメンテナンスのお知らせ</a></dd>
      </dl></body></html>`,
      fileName: 'clipboard',
    });
    expect(result.records.map((r) => [r.title, r.sourceCategory, r.publishedAt, r.sourceUrl, r.sourceName])).toEqual([
      ['不正アクセスによる個人情報流出のお詫び', '重要', '2023-07-14', 'https://www.example.jp/news/1', 'お知らせ一覧'],
      ['システムメンテナンスのお知らせ', 'お知らせ', '2023-07-03', 'https://www.example.jp/news/2', 'お知らせ一覧'],
    ]);
  });
});
