import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { readPageRecords, type PageReadResult } from './page-records.js';

// Tests run from the project root; the shared samples sit beside it.
const SAMPLES = resolve('../shared/samples');

function readSample(name: string): PageReadResult {
  return readPageRecords({ bytes: readFileSync(resolve(SAMPLES, name)), fileName: name }, { reference: '2023-08-01' });
}

/**
 * ACCOUNT: every non-blank line of the page is in a record (title line, date, label, body) or listed as dropped.
 * Titles lose their label, organisation and notice prefix, so a title line is found by the title it contains.
 */
function expectEveryLineAccounted(name: string, result: PageReadResult): void {
  const dropped = new Set(result.dropped.map((d) => d.line));
  const lines = readFileSync(resolve(SAMPLES, name), 'utf8').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || dropped.has(index + 1)) return;
    const inRecord = result.records.some(
      (r) => r.body.includes(text) || text.includes(r.title) || text === r.publishedAtRaw || text === r.sourceCategory,
    );
    expect(inRecord, `line ${index + 1} "${text.slice(0, 40)}" is neither in a record nor dropped`).toBe(true);
  });
}

describe('readPageRecords on the seed samples', () => {
  it('000: splits the monthly news page into its 20 entries with label, organisation, date and URL', () => {
    const result = readSample('000_9312eb6a3f551969.txt');
    expect(result).toMatchObject({ format: 'text', encoding: 'utf-8', recordCount: 20, errors: [] });
    expect(result.records).toHaveLength(20);
    expect(result.records.slice(0, 3).map((r) => r.title)).toEqual([
      'マルウエアEmotetの感染に関する注意喚起',
      '「Emotet」感染で不正メール送信',
      'マルウエア Emotet の感染に関する注意喚起',
    ]);
    expect(result.records[0]).toMatchObject({
      line: 53,
      organization: 'JPCERTコーディネーションセンター',
      sourceCategory: 'セキュリティ対策',
      publishedAt: '2019-12-10',
      publishedAtRaw: '10日',
      sourceUrl: 'https://www.jpcert.or.jp/at/2019/at190044.html',
      sourceName: 'セキュリティサービス/セキュリティニュース',
    });
    expect(result.records[0]?.body.split('\n')[0]).toBe('【概要】');
    const zojirushi = result.records.find((r) => r.organization === '象印マホービン');
    expect(zojirushi).toMatchObject({ title: '「象印でショッピング」への不正アクセスによる個人情報流出・フィッシングメール', sourceCategory: '不正アクセス', publishedAt: '2019-12-06' });
    expect(zojirushi?.body).toContain('【原因】\n・システムの一部の脆弱性をついたことによる第三者の不正アクセス');
    // Labels that contain a slash stay whole; the organisation is what follows the title's last slash.
    expect(result.records.find((r) => r.organization === 'ブロードリンク')?.sourceCategory).toBe('内部不正/ミス');
    expect(result.records.find((r) => r.organization === '日立グループ')?.sourceCategory).toBe('その他');
    // The November section: day-only dates take their month from the `2019年11月` heading above them.
    expect(result.records.slice(14).map((r) => r.publishedAt)).toEqual(['2019-11-29', '2019-11-29', '2019-11-29', '2019-11-29', '2019-11-25', '2019-11-22']);
    expect(result.records[14]).toMatchObject({ line: 328, title: '指定信用情報機関への信用情報の誤提供', organization: 'UQ コミュニケーションズ', body: '' });
    expectEveryLineAccounted('000_9312eb6a3f551969.txt', result);
  });

  it('H7: the damaged 000 page keeps its items, drops the mojibake and the chrome, and flags the damaged items', () => {
    const result = readSample('000_9312eb6a3f551969.txt');
    const reasonOf = (line: number): string | undefined => result.dropped.find((d) => d.line === line)?.reason;
    // Shift_JIS with lost lead bytes (`gbvy[W` was トップページ) and circled numbers read out of step.
    for (const line of [3, 7, 157, 159, 295, 300, 301, 302, 303, 310, 311]) expect(reasonOf(line), `line ${line}`).toBe('mojibake');
    // Page chrome: show/hide toggles, page numbers, the month switch, the table header, the footer.
    for (const line of [50, 51, 52, 54, 326, 327, 329, 347, 352, 357]) expect(reasonOf(line), `line ${line}`).toBe('chrome');
    const all = JSON.stringify(result.records);
    for (const garbage of ['内容を非表示にする', '内容を表示する', 'gbvy[W', '霾鵝', '.レジットカード', '次の20件', 'Copyright', 'Page Top']) {
      expect(all).not.toContain(garbage);
    }
    const flagged = result.records.filter((r) => r.extra.lowConfidence === 'mojibake');
    expect(flagged.map((r) => r.organization)).toEqual(['象印マホービン', '株式会社インテック']);
    expect(flagged[0]?.extra.mojibakeLines).toBe('157,159');
    // The clean lines around the damage are kept.
    expect(flagged[1]?.body).toContain('抜き打ちでの作業監査');
  });

  it('000 saved as a Shift_JIS HTML page with CRLF (text in <pre>) gives the same items on the same lines', () => {
    const text = readFileSync(resolve(SAMPLES, '000_9312eb6a3f551969.txt'), 'utf8').replace(/\n/g, '\r\n');
    const html = `<html><head><meta charset="Shift_JIS"><title>セキュリティニュース</title></head><body><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`;
    const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(html), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
    const fromHtml = readPageRecords({ bytes, fileName: '000.html' }, { reference: '2023-08-01' });
    const fromText = readSample('000_9312eb6a3f551969.txt');
    expect(fromHtml).toMatchObject({ format: 'html', encoding: 'shift_jis', errors: [] });
    const essentials = (r: PageReadResult) => r.records.map((x) => [x.line, x.title, x.organization, x.publishedAt, x.sourceCategory, x.extra.lowConfidence]);
    expect(essentials(fromHtml)).toEqual(essentials(fromText));
    expect(fromHtml.records[0]?.sourceName).toBe('セキュリティニュース');
  });

  it('002: ten blog articles, each title once although the page writes it twice', () => {
    const result = readSample('002_bb6bcd15f14b5053.txt');
    expect(result.recordCount).toBe(10);
    expect(result.records.slice(0, 3).map((r) => r.title)).toEqual([
      'TOKYOMXのWebサイトへ不正アクセス。37万人分の視聴者情報流出',
      '国交省サイトへ不正アクセス、登記情報約19万件流出',
      '総務省サイトへ不正アクセス、約2.3万人の個人情報漏洩',
    ]);
    expect(new Set(result.records.map((r) => r.title)).size).toBe(10);
    expect(result.records.map((r) => r.line)).toEqual([3, 8, 13, 18, 23, 28, 33, 38, 43, 48]);
    expect(result.dropped.filter((d) => d.reason === 'duplicate-title').map((d) => d.line)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(result.records[0]?.body.startsWith('TOKYOMXは10月4日、')).toBe(true);
    // The body's own copy of the title (`…盗難被害 日本診療…`) is removed from the text.
    expect(result.records[7]?.body.startsWith('日本診療放射線技師会は、役員に')).toBe(true);
    expect(result.records[0]).toMatchObject({ sourceName: '情報漏洩', publishedAt: null, organization: null });
    expectEveryLineAccounted('002_bb6bcd15f14b5053.txt', result);
  });

  it('004: eight posts; the six casebook notices carry their case id, the two others are marked not-incident', () => {
    const result = readSample('004_fa8b37c40a989728.txt');
    expect(result.recordCount).toBe(8);
    expect(result.records.slice(0, 3).map((r) => r.title)).toEqual([
      '鹿児島県日置市の市立校で、サポート詐欺に騙されて市内20校の校務システム停止',
      'MIATモンゴル航空、ワンワールド・アライアンスへの加盟を検討',
      'エンタープライズにおけるモバイルデバイスセキュリティ管理ガイドライン',
    ]);
    const notices = result.records.filter((r) => r.extra.caseId !== undefined);
    expect(notices.map((r) => r.extra.caseId)).toEqual(['#2023-268', '#2023-267', '#2023-266', '#2023-230', '#2023-265', '#2023-264']);
    expect(notices.every((r) => r.extra.series === 'セキュリティ事件簿' && r.extra.kindHint === undefined)).toBe(true);
    expect(result.records.filter((r) => r.extra.kindHint === 'not-incident').map((r) => r.line)).toEqual([23, 36]);
    expect(result.records[3]).toMatchObject({
      title: '茨城県 茨城県発達障害者支援センターにおける個人情報の漏洩について',
      organization: '茨城県',
      publishedAt: '2023-07-14',
      publishedAtRaw: '2023年7月14日',
    });
    expect(result.records.find((r) => r.extra.caseId === '#2023-230')).toMatchObject({
      title: 'ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報)',
      organization: 'ヤマハ株式会社',
      publishedAt: '2023-07-20',
    });
    // The guideline digest keeps its numbered sections as lines; its image name is furniture.
    expect(result.records[2]?.body).toContain('(ダイジェスト版)\n\n1. 背景と導入:');
    expect(result.dropped).toEqual([{ line: 38, text: '20230609-55111.png', reason: 'chrome' }]);
    expect(result.records[0]?.sourceName).toBe('004_fa8b37c40a989728.txt');
    expectEveryLineAccounted('004_fa8b37c40a989728.txt', result);
  });
});
