import { describe, expect, it } from 'vitest';
import { findOrganization } from './organization.js';

const org = (title: string, body = '', preferPublisher = false) =>
  findOrganization(body ? `${title}\n\n${body}` : title, title.length, null, preferPublisher)?.value ?? null;

describe('findOrganization', () => {
  it('reads the organisation leading a casebook title', () => {
    expect(org('【セキュリティ事件簿#2023-230】ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報)')).toBe('ヤマハ株式会社');
    expect(org('【セキュリティ事件簿#2023-267】茨城県 茨城県発達障害者支援センターにおける個人情報の漏洩について')).toBe('茨城県');
    expect(org('【セキュリティ事件簿#2023-264】大阪教育大学 電子メール転送先ミスによる情報漏えいについて')).toBe('大阪教育大学');
  });

  it('reads the organisation before a particle in a news title', () => {
    expect(org('TOKYOMXのWebサイトへ不正アクセス。37万人分の視聴者情報流出')).toBe('TOKYOMX');
    expect(org('国交省サイトへ不正アクセス、登記情報約19万件流出')).toBe('国交省');
    expect(org('日本郵便へ不正アクセス、個人情報約2万9千件情報流出')).toBe('日本郵便');
    expect(org('静岡県湖西市、1992名分のマイナンバーを誤送付')).toBe('静岡県湖西市');
    expect(org('米ヤフー、5億件の個人情報漏洩。国家関与による攻撃か')).toBe('米ヤフー');
  });

  it('reads an organisation with a suffix before における', () => {
    expect(org('〇〇大学における個人情報の漏えいについて')).toBe('〇〇大学');
    expect(org('株式会社サンプルにおける不正アクセス事案について')).toBe('株式会社サンプル');
  });

  it('reads the news-list style `title/organisation` and `title - organisation`', () => {
    expect(org('「Emotet」感染で不正メール送信/株式会社サンウェル')).toBe('株式会社サンウェル');
    expect(org('小学校で児童の成績情報を含むUSBメモリを紛失 - 〇〇市教委')).toBe('〇〇市教委');
    expect(org('「Exchange Server」の脆弱性を狙う攻撃に注意 - CVE-2021-26855')).toBeNull();
  });

  it('takes the subject of the first body sentence when the title names no one', () => {
    expect(org('不正アクセスによる個人情報流出', '6月6日、国土交通省は、同省が運営するWebサイトへの不正アクセスを受けたと発表しました。')).toBe('国土交通省');
    expect(org('廃棄ハードディスクを転売', '【状況】\n・ブロードリンクの従業員が廃棄処分するべきハードディスクを窃盗して販売。')).toBe('ブロードリンク');
  });

  it('picks the victim named where the damage is, not a card company or the police', () => {
    const body = '2019年6月27日:クレジットカード会社から連絡があり、所轄警察署に相談した。\n2019年7月30日:「モーターマガジン社コーポレートサイト」で購入した顧客のカード情報が流出したことを確認';
    expect(org('不正アクセスによる個人情報流出', body)).toBe('モーターマガジン社');
  });

  it('skips an impersonated organisation and a brand named in a phishing warning', () => {
    expect(org('ウェブサーバにマルウェア設置される', '11月に確認された気象庁を装う「なりすましメール」で、組合のサーバが悪用された')).toBeNull();
    expect(org('PayPay をかたるフィッシング発生')).toBeNull();
  });

  it('does not take a topic for an organisation', () => {
    expect(org('エンタープライズにおけるモバイルデバイスセキュリティ管理ガイドライン')).toBeNull();
    expect(org('個人情報を保存したUSBメモリ紛失')).toBeNull();
    expect(org('Apache Struts2の脆弱性を突く攻撃被害が相次ぐ')).toBeNull();
  });

  it('prefers the publisher for a report', () => {
    expect(org('上半期の漏えい事案', '政府の個人情報保護委員会によると、事故が66件あった。', true)).toBe('個人情報保護委員会');
  });

  it('reads English organisations', () => {
    expect(org('Acme Corp. discloses data breach affecting 1.2 million customers')).toBe('Acme Corp.');
    expect(org('Ransomware attack on Example Health', 'Example Health Ltd. said on Monday that systems were encrypted.')).toBe('Example Health');
    expect(org('Data breach notice', 'Globex Inc. announced that an unauthorized party accessed its systems.')).toBe('Globex Inc.');
  });

  it('finds nothing in an empty item', () => {
    expect(org('')).toBeNull();
  });
});
