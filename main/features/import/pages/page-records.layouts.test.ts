// The splitter is general: pages of the seed samples' kinds, but from other sites with other wording and layout,
// must split as well. None of these pages appears in the code.
import { describe, expect, it } from 'vitest';
import { readPageRecords, type PageReadResult } from './page-records.js';

function read(text: string, reference = '2023-08-01'): PageReadResult {
  return readPageRecords({ text, fileName: 'pasted.txt' }, { reference });
}

const page = (...lines: string[]): string => lines.join('\n');

describe('monthly lists (like 000, other sites)', () => {
  it('full dates on their own line, the label on a line of its own, full-width slash, sections and a footer', () => {
    const result = read(page(
      '株式会社サンプル セキュリティ情報', 'ホーム > セキュリティニュース > 2023年7月', '2023年7月のニュース一覧', '',
      '2023年7月14日', '不正アクセス', 'ECサイトへの不正アクセスによるカード情報漏えい／株式会社テスト商会',
      '【概要】', '運営するECサイトが不正アクセスを受け、クレジットカード情報1,234件が漏えいした可能性がある。',
      '【URL】', 'https://www.example.co.jp/news/20230714.html', '続きを読む', '',
      '2023年7月10日', '誤送信', 'メール誤送信による個人情報漏えい／テスト市', '【概要】', '市民85名のメールアドレスが漏えいした。', '続きを読む', '',
      '2023年7月3日', 'ランサムウェア', 'サーバがランサムウェアに感染／医療法人テスト会', '【再発防止策】', '・バックアップの分離保管', '',
      '2023年7月1日', '不正アクセス', '会員サイトへのリスト型攻撃／テストクラブ株式会社', '【概要】', '会員2,000名のアカウントにログインされた。', '',
      'ページの先頭へ', '© 2023 Sample Inc.',
    ));
    expect(result.recordCount).toBe(4);
    expect(result.records.map((r) => [r.title, r.organization, r.sourceCategory, r.publishedAt])).toEqual([
      ['ECサイトへの不正アクセスによるカード情報漏えい', '株式会社テスト商会', '不正アクセス', '2023-07-14'],
      ['メール誤送信による個人情報漏えい', 'テスト市', '誤送信', '2023-07-10'],
      ['サーバがランサムウェアに感染', '医療法人テスト会', 'ランサムウェア', '2023-07-03'],
      ['会員サイトへのリスト型攻撃', 'テストクラブ株式会社', '不正アクセス', '2023-07-01'],
    ]);
    expect(result.records[0]?.sourceUrl).toBe('https://www.example.co.jp/news/20230714.html');
    expect(result.records[2]?.body).toBe('【再発防止策】\n・バックアップの分離保管');
    expect(result.records[3]?.body).not.toMatch(/ページの先頭へ|Sample Inc/);
    expect(result.records.map((r) => r.line)).toEqual([5, 14, 21, 27]);
    expect(result.records[0]?.sourceName).toBe('株式会社サンプル セキュリティ情報');
    expect(result.dropped.filter((d) => d.text === '続きを読む')).toHaveLength(2);
  });

  it('month and day with a weekday, the year from the month heading, bracketed category tags', () => {
    const result = read(page(
      'インシデント速報 2022年12月分',
      '12月28日(水)', '【不正アクセス】 通販サイトで顧客情報流出/株式会社アルファ', '第三者の不正アクセスにより顧客情報が流出した。',
      '12月20日(火)', '【誤送付】 通知書を別人に誤送付/ベータ町', '通知書の封入ミスで、住民3名分の個人情報が別人に届いた。',
      '12月5日(月)', '【紛失】 USBメモリ紛失/ガンマ大学', '教員が学生の成績データを保存したUSBメモリを紛失した。',
    ));
    expect(result.records.map((r) => [r.title, r.sourceCategory, r.organization, r.publishedAt, r.publishedAtRaw])).toEqual([
      ['通販サイトで顧客情報流出', '不正アクセス', '株式会社アルファ', '2022-12-28', '12月28日(水)'],
      ['通知書を別人に誤送付', '誤送付', 'ベータ町', '2022-12-20', '12月20日(火)'],
      ['USBメモリ紛失', '紛失', 'ガンマ大学', '2022-12-05', '12月5日(月)'],
    ]);
  });

  it('day-only dates without a month heading take the reference month, or the month before for a later day', () => {
    const result = read(page('15日', 'A社で不正アクセスによる情報流出', '本文です。', '28日', 'B市でメール誤送信が発生', '本文です。'), '2023-08-20');
    expect(result.records.map((r) => r.publishedAt)).toEqual(['2023-08-15', '2023-07-28']);
  });

  it('dates written first on the title line (`2023.07.14 title`)', () => {
    const result = read(page(
      'ニュース一覧',
      '2023.07.14 株式会社ゼータ、不正アクセスによる個人情報流出のお知らせ', '不正アクセスにより顧客情報約1万件が流出した可能性がある。',
      '2023.07.12 イータ市、住民票の誤交付について', '窓口で別人の住民票を交付した。',
      '2023.07.03 シータ大学、フィッシングメールによるアカウント侵害', '教職員のアカウントが乗っ取られた。',
    ));
    expect(result.records.map((r) => [r.title, r.publishedAt, r.body])).toEqual([
      ['株式会社ゼータ、不正アクセスによる個人情報流出のお知らせ', '2023-07-14', '不正アクセスにより顧客情報約1万件が流出した可能性がある。'],
      ['イータ市、住民票の誤交付について', '2023-07-12', '窓口で別人の住民票を交付した。'],
      ['シータ大学、フィッシングメールによるアカウント侵害', '2023-07-03', '教職員のアカウントが乗っ取られた。'],
    ]);
  });
});

describe('blogs (like 002, other sites)', () => {
  it('titles written once, each followed by its paragraphs; a related-articles list ends the content', () => {
    const result = read(page(
      '情報漏えいニュース | セキュリティベンダーブログ', '',
      'サポート詐欺で自治体のパソコンが遠隔操作される', '',
      'ある自治体で、職員がブラウザに表示された偽の警告を信じてサポート窓口に電話をかけ、遠隔操作ソフトをインストールしてしまう事案が発生しました。流出は確認されていないとのことです。', '',
      'クラウドストレージの共有設定ミスで顧客情報が閲覧可能に', '',
      'ある企業で、クラウドストレージの共有リンクが「リンクを知っている全員」に設定されており、顧客情報を含むファイルが外部から閲覧できる状態になっていました。', '',
      '退職者による顧客名簿の持ち出しが発覚', '',
      'ある不動産会社で、退職した元社員が顧客名簿を持ち出し、転職先で営業に利用していたことが判明しました。',
      '関連記事', 'サポート詐欺の手口まとめ',
    ));
    expect(result.records.map((r) => r.title)).toEqual([
      'サポート詐欺で自治体のパソコンが遠隔操作される',
      'クラウドストレージの共有設定ミスで顧客情報が閲覧可能に',
      '退職者による顧客名簿の持ち出しが発覚',
    ]);
    expect(result.records[2]?.body).toBe('ある不動産会社で、退職した元社員が顧客名簿を持ち出し、転職先で営業に利用していたことが判明しました。');
    expect(result.dropped.map((d) => d.text)).toContain('サポート詐欺の手口まとめ');
  });

  it('titles listed once as contents and again above each article: one item each, the list entries dropped as duplicates', () => {
    const result = read(page(
      '最新のセキュリティ記事', '・カード情報漏えいの手口と対策', '・メール誤送信を防ぐ5つの方法', '',
      'カード情報漏えいの手口と対策', 'ECサイトのカード情報漏えいは、決済画面の改ざんによるものが大半を占めています。', '',
      'メール誤送信を防ぐ5つの方法', 'メール誤送信は情報漏えい事故の中でも件数が多い事故です。',
    ));
    expect(result.records.map((r) => [r.title, r.line])).toEqual([['カード情報漏えいの手口と対策', 5], ['メール誤送信を防ぐ5つの方法', 8]]);
    expect(result.dropped.filter((d) => d.reason === 'duplicate-title').map((d) => d.line)).toEqual([2, 3]);
  });

  it('titles written twice with the date under the second copy', () => {
    const result = read(page(
      'オメガ社で不正アクセス、会員情報1万件流出', '', 'オメガ社で不正アクセス、会員情報1万件流出', '2023年7月14日', '',
      'オメガ社は7月14日、会員サイトへの不正アクセスにより会員情報が流出したと発表しました。', '',
      'シグマ市で住民情報を誤送付', '', 'シグマ市で住民情報を誤送付', '2023年7月12日', '',
      'シグマ市は、住民3名分の通知書を別人に送付したと発表しました。',
    ));
    expect(result.records.map((r) => [r.title, r.publishedAt, r.line])).toEqual([
      ['オメガ社で不正アクセス、会員情報1万件流出', '2023-07-14', 1],
      ['シグマ市で住民情報を誤送付', '2023-07-12', 8],
    ]);
    expect(result.records[1]?.body).toBe('シグマ市は、住民3名分の通知書を別人に送付したと発表しました。');
  });

  it('the date on the line under the title', () => {
    const result = read(page(
      'セキュリティブログ', '',
      'ガンマ社の決済画面改ざん事件を振り返る', '2023.07.14', '', 'ガンマ社は7月12日、決済画面が改ざんされたと発表しました。', '',
      'デルタ大学のメール転送設定ミスについて', '2023.07.10', '', 'デルタ大学は、メールが学外へ転送されていたと発表しました。',
    ));
    expect(result.records.map((r) => [r.title, r.publishedAt, r.line])).toEqual([
      ['ガンマ社の決済画面改ざん事件を振り返る', '2023-07-14', 3],
      ['デルタ大学のメール転送設定ミスについて', '2023-07-10', 8],
    ]);
    expect(result.records[1]?.body).toBe('デルタ大学は、メールが学外へ転送されていたと発表しました。');
  });
});

describe('notice series (like 004, other sites)', () => {
  const series = page(
    '【インシデント#12】株式会社オメガ ランサムウェア被害に関するお知らせ 2023/07/14', '', '',
    '当社サーバがランサムウェアに感染し、一部システムが停止しました。', '', '1. 概要', '7月10日未明、サーバの暗号化を確認しました。', '',
    '新作ゲームの発売日が決定', '', '',
    '人気シリーズの新作が来月発売されることが決まりました。', '',
    '【インシデント#11】シグマ県 個人情報を含む書類の紛失について 2023/07/12', '', '',
    '県職員が個人情報を含む書類を紛失しました。', '', '経緯', '7月5日に書類の所在が不明であることに気付きました。', '',
    '【インシデント #10】 イプシロン病院 患者情報の誤送信 2023/07/11', '', '',
    '患者情報を含むメールを誤った宛先に送信しました。',
  );

  it('a different prefix splits the same way; the post without it is kept and marked not-incident', () => {
    const result = read(series);
    expect(result.records.map((r) => [r.title, r.extra.caseId, r.extra.kindHint, r.organization, r.publishedAt])).toEqual([
      ['株式会社オメガ ランサムウェア被害に関するお知らせ', '#12', undefined, '株式会社オメガ', '2023-07-14'],
      ['新作ゲームの発売日が決定', undefined, 'not-incident', null, null],
      ['シグマ県 個人情報を含む書類の紛失について', '#11', undefined, 'シグマ県', '2023-07-12'],
      ['イプシロン病院 患者情報の誤送信', '#10', undefined, 'イプシロン病院', '2023-07-11'],
    ]);
    // Subheadings (`1. 概要`, `経緯`) stay inside their notice.
    expect(result.records[0]?.body).toContain('1. 概要\n7月10日未明');
    expect(result.records[2]?.body).toContain('経緯\n7月5日');
  });

  it('with single blank lines only, a post without the prefix is still found when prose follows its title', () => {
    const result = read(page(
      '【事故報告#3】ラムダ株式会社 不正アクセスに関するお知らせ(2023年7月14日)', '', '当社サーバへの不正アクセスを確認しました。', '',
      '再発防止策について', '', '監視体制を強化します。', '',
      '社員旅行で温泉に行ってきました', '', '今年の社員旅行は箱根でした。天気にも恵まれ、楽しい旅行になりました。', '',
      '【事故報告#2】ミュー市 メール誤送信について(2023年7月10日)', '', '職員がメールを誤送信しました。',
    ));
    expect(result.records.map((r) => [r.title, r.extra.caseId, r.extra.kindHint, r.publishedAt])).toEqual([
      ['ラムダ株式会社 不正アクセスに関するお知らせ', '#3', undefined, '2023-07-14'],
      ['社員旅行で温泉に行ってきました', undefined, 'not-incident', null],
      ['ミュー市 メール誤送信について', '#2', undefined, '2023-07-10'],
    ]);
    expect(result.records[0]?.body).toBe('当社サーバへの不正アクセスを確認しました。\n\n再発防止策について\n\n監視体制を強化します。');
  });

  it('`No.` numbers and square brackets are notice prefixes too; one pasted notice is one item', () => {
    const one = read(page('[注意喚起 No.7] 宅配業者をかたるSMSに注意', '', '宅配業者を装ったSMSが多数確認されています。'));
    expect(one.records).toHaveLength(1);
    expect(one.records[0]).toMatchObject({ title: '宅配業者をかたるSMSに注意', extra: { caseId: 'No.7', series: '注意喚起' } });
  });
});
