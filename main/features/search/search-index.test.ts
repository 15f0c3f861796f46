// The bigram index must return exactly what a brute-force scan of the normalised text returns, for
// terms of every length and script: this is the property the whole design rests on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { emptyBoardQuery, type BoardQuery } from './board-query.js';
import { queryBoard, queryTable } from './board-repository.js';
import { normalizeForSearch } from './normalize-text.js';
import { syncSearchIndex } from './search-index-repository.js';
import { matchesByScan, parseSearch } from './search-query.js';

const TEXTS: [string, string | null, string][] = [
  ['不正アクセスによる個人情報漏洩のお知らせ', '株式会社サンプル商事', '当社サーバーに第三者による不正アクセスがあり、氏名、住所が流出した可能性があります。'],
  ['メール誤送信に関するお詫び', '〇〇県教育委員会', 'BCCで送るべきメールをTOで送信し、メールアドレスが漏洩しました。誤送付も1件。'],
  ['ＵＳＢメモリの紛失について', '青葉市', '職員がＵＳＢメモリを紛失しました。県の指針に従い報告。'],
  ['USB memory lost', 'Aoba City', 'An employee lost a usb stick. Emotet was not involved.'],
  ['ﾗﾝｻﾑｳｪｱ被害のお知らせ', '医療法人さくら会', 'ﾗﾝｻﾑｳｪｱに感染し、電子カルテが停止。ガス会社にも影響。'],
  ['ランサムウェア被害（第2報）', '㈱テクノ', '暗号化されたサーバーの復旧を進めています。１，０００件の情報。'],
  ['Emotet 感染に関する注意喚起', 'JPCERT/CC', 'マルウエアEmotetの感染に関する相談を多数受けている。CVE-2017-5638 と Apache Struts2。'],
  ['VPN機器の脆弱性', 'ＩＰＡ', 'Fortinet製VPN機器(FortiOS)の脆弱性 "CVE-2023-27997" を悪用。100% の確認を推奨。'],
  ['県立高校で成績表を誤送', '北陸県', '県'],
  ['漏洩', null, ''],
  ['誤送信・誤送付・誤表示', 'テスト 株式会社', 'apache  struts の  脆弱性\n改行を含む\t本文'],
  ['絵文字🔒を含むお知らせ', '𠮷野家', '𠮷田さんの🔒鍵付きファイル。ガスが止まった。'],
  ['Mixed CASE Title', 'ACME Corp.', 'Ransomware attack on ACME; the attackers demanded BTC.'],
  ['ｶﾞｽ漏れ事故', '東日本ガス', '半角カナのｶﾞｽと全角のガス。'],
  ['「注意喚起」フィッシング', 'フィッシング対策協議会', '偽サイトへ誘導し、ID・パスワードを入力させる手口です。'],
];

let t: TempDatabase;
const normalized = new Map<number, string[]>();

beforeAll(async () => {
  t = await openTempDatabase();
  await t.db.withTransaction(async (tx) => {
    for (const [i, [title, organization, body]] of TEXTS.entries()) {
      const id = i + 1;
      await tx.run(
        `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, body, created_at, updated_at)
         VALUES (?, ?, 'h', ?, ?, ?, ?, 'now', 'now')`,
        [id, `k${id}`, title, organization, `2023-07-${String(10 + i).padStart(2, '0')}`, body],
      );
      normalized.set(id, [title, organization ?? '', body].map(normalizeForSearch));
    }
  });
  await syncSearchIndex(t.db);
});
afterAll(() => t.cleanup());

async function searchIds(text: string): Promise<number[]> {
  const query: BoardQuery = { ...emptyBoardQuery(), text };
  const result = await queryTable(t.db, query, { column: 'publishedAt', direction: 'asc' }, { limit: 1000, offset: 0 });
  expect(result.matching).toBe(result.rows.length);
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}

function scanIds(text: string): number[] {
  const search = parseSearch(text);
  return [...normalized.entries()].filter(([, fields]) => matchesByScan(search, fields)).map(([id]) => id);
}

/** Every substring of the corpus of the given length (in code points), deduplicated. */
function substrings(length: number): string[] {
  const out = new Set<string>();
  for (const fields of normalized.values()) {
    for (const field of fields) {
      const chars = Array.from(field);
      for (let i = 0; i + length <= chars.length; i++) {
        const term = chars.slice(i, i + length).join('');
        if (!/^\s|\s$|"/u.test(term)) out.add(term);
      }
    }
  }
  return [...out];
}

describe('full-text search against a brute-force scan', () => {
  it.each([1, 2, 3, 5])('finds exactly the items containing every %i-character substring of the corpus', async (length) => {
    const terms = substrings(length);
    expect(terms.length).toBeGreaterThan(50);
    for (const term of terms) {
      // A term with a space is searched as a phrase, exactly as the officer would have to type it.
      const text = term.includes(' ') ? `"${term}"` : term;
      expect(await searchIds(text), text).toEqual(scanIds(text));
    }
  });

  it.each([
    ['漏洩', [1, 2, 10]],
    ['誤送', [2, 9, 11]],
    ['県', [2, 3, 9]],
    ['usb', [3, 4]],
    ['ＵＳＢ', [3, 4]],
    ['Emotet', [4, 7]],
    ['ランサムウェア', [5, 6]],
    ['ガス', [5, 12, 14]],
    ['1,000件', [6]],
    ['(株)', [6]],
    ['𠮷', [12]],
    ['🔒', [12]],
    ['acme', [13]],
  ])('%s finds the items a person would expect', async (term, ids) => {
    expect(await searchIds(term)).toEqual(ids);
    expect(scanIds(term)).toEqual(ids);
  });

  it.each([
    '漏洩 お知らせ',
    '"apache struts"',
    '"apache struts の"',
    '"e a"',
    '"lost a"',
    '"employee lost a usb"',
    '"t. e"',
    '誤送 -県',
    '-漏洩',
    '-"メール誤送信" 誤送',
    '-県 -漏洩 -usb',
    'ガス -ｶﾞｽ漏れ',
    '"CVE-2017-5638"',
    'cve-2023',
    '100%',
    '"',
    '""',
    '"漏洩',
    '漏洩"',
    '-',
    '- 県',
    '--県',
    '*',
    '県*',
    'NEAR(漏洩 誤送)',
    'NEAR(',
    '^漏洩',
    'title:漏洩',
    'body : 県',
    '(漏洩 OR 誤送)',
    'AND OR NOT',
    '漏洩 NOT 県',
    '\u0000 漏洩',
    '\ud800漏洩',
    '',
    '   ',
  ])('query %j: no FTS5 error, same items as the scan', async (text) => {
    expect(await searchIds(text)).toEqual(scanIds(text));
    // Ranked by bm25 as well: the ranking path builds its own SQL around the same expression.
    const ranked = await queryTable(t.db, { ...emptyBoardQuery(), text }, { column: 'relevance', direction: 'desc' }, { limit: 1000, offset: 0 });
    expect(ranked.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(scanIds(text));
  });

  it('returns everything for an empty query and nothing for an impossible one', async () => {
    expect(await searchIds('')).toHaveLength(TEXTS.length);
    expect(await searchIds('存在しない語句')).toEqual([]);
  });

  it('the board agrees with the table', async () => {
    const board = await queryBoard(t.db, { ...emptyBoardQuery(), text: '漏洩' }, { limit: 10, offset: 0, columns: ['new'] });
    expect(board.matching).toBe(3);
    expect(board.columns.find((c) => c.status === 'new')?.cards.map((c) => c.id).sort((a, b) => a - b)).toEqual([1, 2, 10]);
  });
});
