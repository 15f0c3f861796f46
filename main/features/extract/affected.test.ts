import { describe, expect, it } from 'vitest';
import { findCounts, pickAffected } from './affected.js';

function affected(title: string, body = '') {
  const text = body ? `${title}\n\n${body}` : title;
  const best = pickAffected(findCounts(text), text, title.length);
  return { people: best.people?.value ?? null, records: best.records?.value ?? null, organizations: best.organizations?.value ?? null };
}

describe('affected counts', () => {
  it('reads 人分/名/件 with 約/最大/のべ and Japanese units', () => {
    expect(affected('TOKYOMXのWebサイトへ不正アクセス。37万人分の視聴者情報流出').people).toBe(370000);
    expect(affected('日本郵便へ不正アクセス、個人情報約2万9千件情報流出').records).toBe(29000);
    expect(affected('顧客の個人情報(最大280,052件)が流出').records).toBe(280052);
    expect(affected('米ヤフー、5億件の個人情報漏洩').records).toBe(500000000);
    expect(affected('静岡県湖西市、1992名分のマイナンバーを誤送付').people).toBe(1992);
    expect(affected('メールアドレスのべ37万件が流出').records).toBe(370000);
  });

  it('tells organisations from records in `1,648社 2,111件`', () => {
    expect(affected('不正アクセスでメールアカウント流出', '顧客1,648社 2,111件に迷惑メールが送信された')).toEqual({
      people: null,
      records: 2111,
      organizations: 1648,
    });
  });

  it('reads full-width digits once NFKC folded them, and a space before the unit', () => {
    expect(affected('漏えい件数', '研修申込者の氏名、メールアドレス、電話番号 58 人分').people).toBe(58);
  });

  it('prefers the title figure, unless the body says the same more precisely', () => {
    expect(affected('国交省サイトへ不正アクセス、登記情報約19万件流出', '所有権移転登記情報。最大194,834件が流出').records).toBe(194834);
    expect(affected('湖西市、1992名分を誤送付', '同市へふるさと納税を行った5853人に関して、1992人分の誤記載が判明').people).toBe(1992);
  });

  it('prefers the count of personal data over a count of mails', () => {
    expect(affected('転送先ミス', '誤送信メール件数…4,511件\nうち、電子メールに含まれている個人情報等…1,793件').records).toBe(1793);
  });

  it('ignores counts of incidents, words that only start with a unit, and background figures', () => {
    expect(affected('攻撃が相次ぐ', '3月9日だけで攻撃被害や重要インシデントが10件超発生した').records).toBeNull();
    expect(affected('お知らせ', '1件目の対応として、名前を確認した').records).toBeNull();
    expect(affected('攻撃か', 'サイバー防衛隊は約100人程の規模とされており').people).toBeNull();
  });

  it('adds up a breakdown in list lines that has no total', () => {
    const body = '【持ち出した内容】\n患者の氏名、生年月日、性別、住所\n ・高岡市民病院様   32名分\n ・市立砺波総合病院様 11名分';
    expect(affected('受託社員による個人情報の持ち出し', body).people).toBe(43);
  });

  it('reads English counts', () => {
    expect(affected('Acme Inc. says data of 1.2 million customers was exposed').people).toBe(1200000);
    expect(affected('Breach exposes 500,000 records').records).toBe(500000);
    expect(affected('Attack hits 35 hospitals').organizations).toBe(35);
    expect(affected('Hackers stole data of 6.9 million 23andMe users').people).toBe(6900000);
  });

  it('never crashes on absurd numbers: an impossible count is no count', () => {
    expect(affected('1e30件の個人情報が流出').records).toBeNull();
    expect(affected('99999999999999999999人分の個人情報が流出').people).toBeNull();
    expect(affected('0件').records).toBeNull();
  });
});
