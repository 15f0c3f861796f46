import { describe, expect, it } from 'vitest';
import { findDataTypes } from './data-types.js';

const types = (text: string) => findDataTypes(text).map((d) => d.value).sort();

describe('findDataTypes', () => {
  it('reads the list of leaked items in a sentence about the leak', () => {
    expect(types('流出した可能性のある情報は、氏名、住所、電話番号、メールアドレスです。')).toEqual(['address', 'email', 'name', 'phone']);
  });

  it('reads card data from a bulleted list under its lead sentence', () => {
    const text = '漏洩した可能性のある情報は以下のとおりです。\n・カード名義人名\n・クレジットカード番号\n・有効期限\n・セキュリティコード';
    expect(types(text)).toEqual(['card_cvv', 'card_expiry', 'card_holder', 'card_number']);
  });

  it('reads a list under a short heading such as 【流出情報】', () => {
    expect(types('【流出情報】\n購入した211名\n・カード名義人名\n・有効期限')).toEqual(['card_expiry', 'card_holder']);
  });

  it('skips what the notice says was not included', () => {
    expect(types('なお、今回の不正アクセスでは住所、電話番号、クレジットカード情報は含まれていないとのこと。')).toEqual([]);
    expect(types('氏名とメールアドレスが流出しました。\n(クレジットカード情報は含まれない)')).toEqual(['email', 'name']);
  });

  it('keeps the positive clause before a negated one', () => {
    expect(types('対象は約3万2000人分の氏名、住所、証券番号などで、クレジットカード情報は含まれていない。')).toEqual(['address', 'name']);
    expect(types('流出した個人情報は、氏名・生年月日とされており、パスワード・銀行口座情報は含まれていないとのことです。')).toEqual(['birthdate', 'name']);
  });

  it('skips background paragraphs that explain attack methods', () => {
    expect(types('パスワードリスト攻撃 他のサービスで流出したアカウントを利用して不正アクセスを行う攻撃のことです。')).toEqual([]);
  });

  it('reads sensitive and special types', () => {
    expect(types('患者の氏名、生年月日、性別が漏えいした')).toEqual(['birthdate', 'gender', 'health', 'name']);
    expect(types('1992名分のマイナンバーを誤って記載して送付')).toEqual(['my_number']);
    expect(types('ログインIDとパスワードが窃取された')).toEqual(['login_id', 'password']);
    expect(types('メール本文とアドレス帳の情報が窃取される')).toEqual(['email', 'email_content']);
  });

  it('reads English wording', () => {
    expect(types('The exposed data includes names, email addresses, dates of birth and credit card numbers.')).toEqual([
      'birthdate',
      'card_number',
      'email',
      'name',
    ]);
    expect(types('No credit card data was accessed.')).toEqual([]);
  });

  it('finds nothing in text without data words, or in an empty string', () => {
    expect(types('システム障害が発生しました。')).toEqual([]);
    expect(types('')).toEqual([]);
  });
});
