// Realistic, deterministic workloads for the benchmarks: Japanese breach-notice bodies of ~1,500
// characters, every item a distinct story (distinct title and date), as officers' CSV lists look.
const ORGS = ['株式会社サンプル商事', '〇〇市役所', '学校法人テスト学園', '医療法人さくら会', 'ABCホールディングス株式会社'];
const CATEGORIES = ['不正アクセス', 'ランサムウェア', '誤送信', '紛失・盗難', '設定不備'];
const SENTENCES = [
  '当社が運営するオンラインショップのサーバーに第三者による不正アクセスがあり、お客様の個人情報が流出した可能性があることが判明いたしました。',
  '流出した可能性のある情報は、氏名、住所、電話番号、メールアドレス、クレジットカード番号、有効期限、セキュリティコードです。',
  '原因はウェブアプリケーションの脆弱性を悪用されたことによるものであり、外部の専門調査機関による調査を実施いたしました。',
  '再発防止策として、システムの監視体制の強化、脆弱性診断の定期実施、従業員教育の徹底に取り組んでまいります。',
  'お客様には多大なるご迷惑とご心配をおかけしましたことを深くお詫び申し上げます。',
  '本件につきましては、個人情報保護委員会へ報告するとともに、所轄警察署にも相談しております。',
];

export function makeBody(i: number, chars = 1500): string {
  let body = `【状況】\n`;
  for (let k = 0; body.length < chars; k++) body += SENTENCES[(i + k) % SENTENCES.length] + (k % 3 === 2 ? '\n' : '');
  return body.slice(0, chars);
}

function dateOf(i: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function* csvLines(count: number): Generator<string> {
  yield '\uFEFF日付,カテゴリ,タイトル,組織,内容,URL\r\n';
  for (let i = 0; i < count; i++) {
    const org = ORGS[i % ORGS.length] ?? '';
    const title = `不正アクセスによる個人情報流出に関するお知らせ（第${i}号）`;
    const body = makeBody(i).replaceAll('"', '""');
    yield `${dateOf(i).replaceAll('-', '/')},${CATEGORIES[i % CATEGORIES.length]},${title},${org},"${body}",https://example.jp/news/${i}\r\n`;
  }
}

export function* rssLines(count: number): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>ベンチマーク</title><link>https://example.jp/</link>\n';
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toUTCString();
    yield `<item><title>ランサムウェア被害のお知らせ（第${i}号）</title><link>https://example.jp/rss/${i}</link>` +
      `<guid>bench-${i}</guid><category>${CATEGORIES[i % CATEGORIES.length]}</category><pubDate>${d}</pubDate>` +
      `<description><![CDATA[<p>${makeBody(i).replaceAll('\n', '</p><p>')}</p>]]></description></item>\n`;
  }
  yield '</channel></rss>\n';
}
