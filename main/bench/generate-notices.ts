import type { ExtractInput } from '../../shared/domain/facts.js';

// Deterministic, realistic breach notices for `npm run bench:extract`: ~1,500 characters each, with the parts
// the extractor reads (a bracketed case number, an organisation, era and western dates with and without years,
// full-width digits, counts in 万/千, a list of leaked items, 原因 and 再発防止策 sections), varied per item so
// no two items are the same text.
const ORGS = ['株式会社サンプル商事', '〇〇市', '学校法人テスト学園', '医療法人さくら会', 'ABCホールディングス株式会社', '北海道大学', '一般社団法人日本テスト協会', 'Example Corp.'];
const CAUSES = [
  '当社が運営するオンラインショップのシステムの一部の脆弱性をついたことによる第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため。',
  '職員が宛先を十分に確認せず、BCCで送信すべきところをTOで送信したため。',
  'サーバーの設定に不備があり、外部から閲覧できる状態になっていたため。',
  'ランサムウェアに感染し、ファイルサーバーのデータが暗号化されたため。',
];
const DATA = ['氏名、住所、電話番号、メールアドレス', 'カード名義人名・クレジットカード番号・有効期限・セキュリティコード', '氏名、生年月日、性別、診療内容', 'ログインID、パスワード、マイナンバー'];
const FILLER = [
  'お客様をはじめ、関係者の皆様に多大なるご迷惑およびご心配をおかけする事態となりましたこと、深くお詫び申し上げます。',
  '本件につきましては、個人情報保護委員会へ報告するとともに、所轄警察署にも相談しております。',
  '既に弊社では、クレジットカード会社と連携し、漏洩した可能性のあるクレジットカードによる取引のモニタリングを継続して実施し、不正利用の防止に努めております。',
  'お客様におかれましては、身に覚えのない請求項目がないか、今一度ご確認をお願いいたします。',
];

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

export function makeNotice(i: number): ExtractInput {
  const org = ORGS[i % ORGS.length] ?? '';
  const year = 2016 + (i % 8);
  const month = 1 + (i % 12);
  const day = 1 + (i % 27);
  const people = 100 + ((i * 7919) % 90_000);
  const title = `【セキュリティ事件簿#${year}-${100 + (i % 900)}】${org} 不正アクセスによる個人情報漏えいに関するお詫びとお知らせ（第${1 + (i % 3)}報） ${year}年${month}月${day}日`;
  let body =
    `このたび、${org}が運営する「shop${i}.example.jp」におきまして、第三者による不正アクセスを受け、お客様の個人情報（${people.toLocaleString('en-US')}件）が漏洩した可能性があることが判明いたしました。\n` +
    `1. 経緯\n令和${1 + (i % 5)}年${month}月${day}日、クレジットカード会社からの連絡により漏洩懸念に気づき、${fullWidth(String(month))}月${fullWidth(String(day))}日にカード決済を停止いたしました。\n` +
    `2. 漏洩した情報\n約${1 + (i % 9)}万${i % 10}千人分の${DATA[i % DATA.length]}\n` +
    `3. 原因\n${CAUSES[i % CAUSES.length]}\n` +
    `4. 再発防止策\n・システムのセキュリティ対策および監視体制の強化\n・脆弱性診断の定期実施\n・従業員への情報セキュリティ教育の徹底\n` +
    `5. お客様へのお願い\n`;
  for (let k = 0; body.length < 1500; k++) body += FILLER[(i + k) % FILLER.length];
  return { title, body: body.slice(0, 1500), publishedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, sourceCategory: null };
}
