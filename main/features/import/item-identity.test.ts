import { describe, expect, it } from 'vitest';
import { computeContentHash, computeIdentityKey, normalizeTitleForIdentity } from './item-identity.js';

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
});
