import { describe, expect, it } from 'vitest';
import { findCategory } from './category.js';

const category = (title: string, body = '', label: string | null = null) =>
  findCategory(body ? `${title}\n\n${body}` : title, title.length, label)?.value ?? null;

describe('findCategory', () => {
  it.each([
    ['「象印でショッピング」への不正アクセスによる個人情報流出・フィッシングメール', 'unauthorized_access'],
    ['ランサムウェア被害のお知らせ', 'ransomware'],
    ['「Emotet」感染で不正メール送信', 'malware'],
    ['鹿児島県日置市の市立校で、サポート詐欺に騙されて市内20校の校務システム停止', 'phishing_fraud'],
    ['静岡県湖西市、1992名分のマイナンバーを誤送付', 'misdelivery'],
    ['電子メール転送先ミスによる情報漏えいについて', 'misdelivery'],
    ['個人情報を保存したUSBメモリ紛失', 'loss'],
    ['日本診療放射線技師会で個人情報が保存されたPCの盗難被害', 'theft'],
    ['受託社員による個人情報の持ち出し', 'insider'],
    ['当社サイトへのDDoS攻撃について', 'ddos'],
    ['自治体専用IaaSシステム「Jip-Base」の障害', 'system_failure'],
    ['ウェブサーバにマルウェア設置される', 'unauthorized_access'],
  ])('%s → %s', (title, expected) => {
    expect(category(title)).toBe(expected);
  });

  it('reads smishing and snooping by staff', () => {
    expect(category('【注意喚起】宅配業者を装った偽SMSに注意')).toBe('phishing_fraud');
    expect(category('職員による住民情報の目的外閲覧について')).toBe('insider');
  });

  it('does not read 発達障害者 as a system failure', () => {
    expect(category('茨城県発達障害者支援センターにおける個人情報の漏洩について', 'Google フォーム上から確認できる状態になっていた。')).toBe('misconfiguration');
  });

  it('prefers ransomware in the body over a generic 不正アクセス in the title', () => {
    expect(category('米国子会社への不正アクセスについて', 'ランサムウェア(身代金要求型ウイルス)感染について調査しました。')).toBe('ransomware');
  });

  it('maps the source label only when the text has no cue', () => {
    expect(category('お知らせ', '詳細は調査中です。', '内部不正/ミス')).toBeNull();
    expect(category('お知らせ', '詳細は調査中です。', '不正アクセス')).toBe('unauthorized_access');
  });

  it('reads English', () => {
    expect(category('Hospital hit by ransomware attack')).toBe('ransomware');
    expect(category('Employee emails sent to the wrong recipient')).toBe('misdelivery');
    expect(category('Apple patches two zero-days exploited in attacks')).toBe('unauthorized_access');
  });
});
