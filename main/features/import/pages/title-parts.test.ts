import { describe, expect, it } from 'vitest';
import { decideConventions, noticePrefix, parseTitle, splitSlashOrganization, takeTrailingDate } from './title-parts.js';

const NONE = { labels: new Set<string>(), slashOrganization: false, bracketLabels: false };

describe('title parts', () => {
  it('reads numbered notice prefixes in their common forms', () => {
    expect(noticePrefix('【セキュリティ事件簿#2023-268】鹿児島県日置市の市立校で')).toEqual({ series: 'セキュリティ事件簿', caseId: '#2023-268', rest: '鹿児島県日置市の市立校で' });
    expect(noticePrefix('【インシデント ＃１２】 A社のお知らせ')).toEqual({ series: 'インシデント', caseId: '#12', rest: 'A社のお知らせ' });
    expect(noticePrefix('[速報 No.5] B社')?.caseId).toBe('No.5');
    expect(noticePrefix('【第3号】C社')?.caseId).toBe('第3号');
    expect(noticePrefix('【状況】')).toBeNull();
    expect(noticePrefix('【重要】D社のお知らせ')).toBeNull();
  });

  it('takes a date off the end of a title, spaced or full-width', () => {
    expect(takeTrailingDate('ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報) 2023 年 7 月 20 日')).toEqual({ date: '2023 年 7 月 20 日', text: 'ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報)' });
    expect(takeTrailingDate('お知らせ　２０２３／０７／１４').date).toBe('２０２３／０７／１４');
    expect(takeTrailingDate('2023年7月14日').date).toBeNull();
    expect(takeTrailingDate('第2報').date).toBeNull();
  });

  it('splits `title/organisation` but not URLs, dates or sentences', () => {
    expect(splitSlashOrganization('不正アクセスによる個人情報流出/RIZAP株式会社')).toEqual({ title: '不正アクセスによる個人情報流出', organization: 'RIZAP株式会社' });
    expect(splitSlashOrganization('詳細は https://example.jp/a/b')).toBeNull();
    expect(splitSlashOrganization('公表日 2023/07/03')).toBeNull();
    expect(splitSlashOrganization('A/B社が発表、調査中')).toBeNull();
  });

  it('believes labels and slash organisations only when the page follows them', () => {
    const labelled = decideConventions(['不正アクセス A社で流出/A社', '不正アクセス B社で流出/B社', '誤送信 C市で誤送信/C市', '誤送信 E町で誤送付/E町', 'その他 D社がセンター開設/D社']);
    expect([...labelled.labels].sort()).toEqual(['その他', '不正アクセス', '誤送信']);
    expect(labelled.slashOrganization).toBe(true);
    expect(parseTitle('その他 D社がセンター開設/D社', labelled)).toMatchObject({ title: 'D社がセンター開設', category: 'その他', organization: 'D社' });
    // Four entries with three different first words prove nothing; nor does a lone slash.
    expect(decideConventions(['不正アクセス A社で流出', '不正アクセス B社で流出', '誤送信 C市で誤送信', 'その他 D社が開設']).labels.size).toBe(0);
    const plain = decideConventions(['JPCERT/CC が注意喚起', 'A社で不正アクセス', 'B市でメール誤送信']);
    expect(plain).toEqual({ labels: new Set(), slashOrganization: false, bracketLabels: false });
    expect(parseTitle('JPCERT/CC が注意喚起', plain).organization).toBeNull();
  });

  it('names the organisation written before a notice title, and keeps it in the title', () => {
    expect(parseTitle('【事件簿#1】東谷株式会社 弊社が運営するサイトへの不正アクセスについて 2023年7月18日', NONE)).toEqual({
      title: '東谷株式会社 弊社が運営するサイトへの不正アクセスについて',
      caseId: '#1',
      series: '事件簿',
      organization: '東谷株式会社',
      category: null,
      dateRaw: '2023年7月18日',
    });
    expect(parseTitle('Apache Struts2の脆弱性を突く攻撃被害が相次ぐ', NONE).organization).toBeNull();
  });
});
