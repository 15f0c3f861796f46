import { describe, expect, it } from 'vitest';
import { coreTitle, differsOnlyByEncodingLoss, computeContentHash, computeIdentityKey, computeStoryHash, normalizeTitleForIdentity } from './item-identity.js';

describe('item identity', () => {
  it('C13 ignores width, spacing and punctuation differences between snapshots of one story', () => {
    const a = computeIdentityKey({ title: '「Emotet」感染で不正メール送信', publishedAt: '2019-12-09', sourceUrl: null });
    const b = computeIdentityKey({ title: 'Emotet 感染で不正メール送信。', publishedAt: '2019-12-09', sourceUrl: 'https://x' });
    expect(a).toBe(b);
    expect(normalizeTitleForIdentity('ＮＴＴ　西日本')).toBe('ntt西日本');
  });

  it('keeps stories with the same title on different dates apart', () => {
    const a = computeIdentityKey({ title: '不正アクセスについて', publishedAt: '2023-07-01', sourceUrl: null });
    const b = computeIdentityKey({ title: '不正アクセスについて', publishedAt: '2023-07-02', sourceUrl: null });
    expect(a).not.toBe(b);
  });

  it('falls back to the link when there is no date', () => {
    const a = computeIdentityKey({ title: 'お知らせ', publishedAt: null, sourceUrl: 'https://a.example/1' });
    const b = computeIdentityKey({ title: 'お知らせ', publishedAt: null, sourceUrl: 'https://a.example/2' });
    expect(a).not.toBe(b);
  });

  it('hashes content so that any change of a field changes the hash', () => {
    expect(computeContentHash(['a', 'b'])).toBe(computeContentHash(['a', 'b']));
    expect(computeContentHash(['a', 'b'])).not.toBe(computeContentHash(['a', 'b ']));
    expect(computeContentHash(['ab', ''])).not.toBe(computeContentHash(['a', 'b']));
  });

  it('F12 the same story from a feed and a CSV hashes alike despite blank lines and width', () => {
    const csv = { title: 'ＡＢＣ社で不正アクセス', organization: 'ABC社', publishedAt: '2019-12-10', body: '【状況】\r\n\r\n不正アクセス\r\n' };
    const rss = { title: 'ABC社で不正アクセス', organization: 'ABC社', publishedAt: '2019-12-10', body: '【状況】\n不正アクセス' };
    expect(computeStoryHash(csv)).toBe(computeStoryHash(rss));
    expect(computeStoryHash({ ...rss, body: '【状況】\n不正アクセス（訂正）' })).not.toBe(computeStoryHash(rss));
  });

  it('C2 a Shift_JIS copy that lost characters CP932 lacks is the same text; a real edit is not', () => {
    expect(differsOnlyByEncodingLoss('戶籍の情報〜流出', '?籍の情報～流出')).toBe(true);
    expect(differsOnlyByEncodingLoss('個人情報が流出', '個人情報が流出しました')).toBe(false);
  });

  it('C13 a leading 【label】 and a trailing date are decorations, not the story', () => {
    const feed = computeIdentityKey({
      title: '【セキュリティ事件簿#2023-266】東谷株式会社 個人情報漏えいに関するお知らせ 2023年7月18日',
      publishedAt: '2023-07-18',
      sourceUrl: null,
    });
    const page = computeIdentityKey({ title: '東谷株式会社 個人情報漏えいに関するお知らせ', publishedAt: '2023-07-18', sourceUrl: null });
    expect(feed).toBe(page);
    expect(coreTitle('【注意喚起】偽サイトにご注意ください 2023/07/01')).toBe('偽サイトにご注意ください');
    // A title that is nothing but a label keeps it, and a date inside a title stays.
    expect(coreTitle('【お知らせ】')).toBe('【お知らせ】');
    expect(coreTitle('2023年7月18日に発生した障害について')).toBe('2023年7月18日に発生した障害について');
    expect(
      computeStoryHash({ title: '【事件簿#1】A社の漏えい 2023年7月18日', publishedAt: '2023-07-18', body: '本文' }),
    ).toBe(computeStoryHash({ title: 'A社の漏えい', publishedAt: '2023-07-18', body: '本文' }));
  });
});
