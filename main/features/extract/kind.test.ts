import { describe, expect, it } from 'vitest';
import { findKind } from './kind.js';

const kind = (title: string, body = '', label: string | null = null, hasOrganization = true) =>
  findKind(body ? `${title}\n\n${body}` : title, title.length, label, hasOrganization).value;

describe('findKind', () => {
  it('reads incidents of a named organisation', () => {
    expect(kind('【セキュリティ事件簿#2023-266】東谷株式会社 「fkolme.com」への不正アクセスによる 個人情報漏えいに関するお詫びとお知らせ')).toBe('incident');
    expect(kind('個人情報を保存したUSBメモリ紛失')).toBe('incident');
    expect(kind('自治体専用IaaSシステム「Jip-Base」の障害')).toBe('incident');
    expect(kind('Acme Corp. discloses data breach affecting 1.2 million customers')).toBe('incident');
    expect(kind('Toyota Motor Corporation says customer data of 2.15 million users was publicly accessible for a decade')).toBe('incident');
    expect(kind('職員による住民情報の目的外閲覧について')).toBe('incident');
  });

  it('reads advisories: warnings, impersonation waves, attack waves', () => {
    expect(kind('マルウエアEmotetの感染に関する注意喚起')).toBe('advisory');
    expect(kind('PayPay をかたるフィッシング発生')).toBe('advisory');
    expect(kind('Apache Struts2の脆弱性を突く攻撃被害が相次ぐ')).toBe('advisory');
    expect(kind('CISA warns of actively exploited vulnerability in VPN appliances')).toBe('advisory');
  });

  it('reads publications: reports, guidelines, statistics, outlines of laws', () => {
    expect(kind('インシデント調査のための攻撃ツール等の実行痕跡調査に関する報告書公開')).toBe('publication');
    expect(kind('エンタープライズにおけるモバイルデバイスセキュリティ管理ガイドライン')).toBe('publication');
    expect(kind('2016年度上半期マイナンバー含む個人情報漏洩66件、そのうち「重大事態」2件も')).toBe('publication');
    expect(kind('「個人情報保護法 いわゆる3年ごと見直し 制度改正大綱(骨子)」 の公表')).toBe('publication');
  });

  it('keeps an incident\'s own investigation report and a yearly-named incident as incidents', () => {
    expect(kind('不正アクセスによる個人情報漏えいに関する調査結果のご報告')).toBe('incident');
    expect(kind('2023年度入試の合格者情報を誤掲載')).toBe('incident');
  });

  it('reads events', () => {
    expect(kind('情報セキュリティセミナー開催のお知らせ')).toBe('event');
    expect(kind('Join our webinar: Zero Trust for local governments')).toBe('event');
  });

  it('reads other items that are not security news', () => {
    expect(kind('MIATモンゴル航空、ワンワールド・アライアンスへの加盟を検討', 'モンゴルの国営航空会社が加盟を検討しています。')).toBe('other');
    expect(kind('', '')).toBe('other');
  });

  it('uses the body when the title says too little', () => {
    expect(kind('ウェブサーバの件', 'サーバが第三者による不正アクセスを受け、顧客情報が流出しました。')).toBe('incident');
  });
});
