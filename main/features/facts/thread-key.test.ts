import { describe, expect, it } from 'vitest';
import { threadKey } from './thread-key.js';

describe('threadKey', () => {
  it('chains the reports of one incident: numbered, follow-up and final reports', () => {
    const first = threadKey('ヤマハ株式会社', 'ヤマハ株式会社 米国子会社への不正アクセスについて');
    expect(first).not.toBeNull();
    expect(threadKey('ヤマハ', 'ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報)')).toBe(first);
    expect(threadKey('ヤマハ株式会社', '【事件簿#2023-230】ヤマハ株式会社 米国子会社への不正アクセスについて（第３報） 2023年7月20日')).toBe(first);
    expect(threadKey('ヤマハ株式会社', 'ヤマハ株式会社 米国子会社への不正アクセスについて【最終報】')).toBe(first);
    expect(threadKey('ヤマハ株式会社', 'ヤマハ株式会社 米国子会社への不正アクセスについて(続報)')).toBe(first);
  });

  it('keeps other incidents and other organisations apart, and chains nothing without an organisation', () => {
    const a = threadKey('A社', 'ランサムウェア被害について(第2報)');
    expect(threadKey('B社', 'ランサムウェア被害について(第2報)')).not.toBe(a);
    expect(threadKey('A社', '個人情報漏えいについて(第2報)')).not.toBe(a);
    expect(threadKey(null, 'ランサムウェア被害について')).toBeNull();
    expect(threadKey('  ', 'ランサムウェア被害について')).toBeNull();
  });
});
