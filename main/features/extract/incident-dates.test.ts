import { describe, expect, it } from 'vitest';
import { findIncidentDates } from './incident-dates.js';

function dates(title: string, body: string, publishedAt: string | null = null) {
  const found = findIncidentDates(`${title}\n\n${body}`, title.length, publishedAt);
  return { published: found.publishedAt?.value ?? null, occurred: found.occurredAt?.value ?? null, detected: found.detectedAt?.value ?? null };
}

describe('findIncidentDates', () => {
  it('reads detection and the exposure window of a card-skimming notice', () => {
    const body =
      '2023年1月12日、お客様のクレジットカード情報の漏洩懸念に気づき、2023年1月16日弊社が運営するサイトでのカード決済を停止いたしました。' +
      '2023年4月24日、調査が完了し、2022年11月11日~2023年1月13日の期間に購入されたお客様のカード情報が漏洩した可能性があることを確認いたしました。';
    expect(dates('東谷株式会社 不正アクセスについて 2023年7月18日', body)).toEqual({ published: '2023-07-18', occurred: '2022-11-11', detected: '2023-01-12' });
  });

  it('reads a labelled occurrence date (発生日: …)', () => {
    expect(dates('サポート詐欺の被害', '事件の概要\n発生日: 2023年7月12日\n被害校数: 20校', '2023-07-21').occurred).toBe('2023-07-12');
  });

  it('takes the year from the publication date, with spaces inside the date', () => {
    const body = '研修当日の7月 12 日に、参加者から問合せがあって申込時の情報を確認したことから、設定の誤りに気付いた。';
    expect(dates('個人情報の漏洩について', body, '2023-07-14').detected).toBe('2023-07-12');
  });

  it('does not take a still-open state (確認できる状態) for a detection', () => {
    expect(dates('漏洩について', '申込は6月 12 日に開始し、フォーム上から確認できる状態が続いていた。', '2023-07-14').detected).toBeNull();
  });

  it('reads an announcement sentence as the text\'s publication date, not the occurrence', () => {
    const found = dates('TOKYOMXのWebサイトへ不正アクセス', 'TOKYOMXは10月4日、同社Webサイトへの不正アクセスを受け、視聴者情報が流出したと発表を行いました。不正アクセスが発覚したのは、10月3日。', '2017-10-05');
    // The feed's own date (2017-10-05) wins in extractFacts; here the text's announcement is reported.
    expect(found).toEqual({ published: '2017-10-04', occurred: null, detected: '2017-10-03' });
  });

  it('gives a date whose sentence has no cue the role of the next sentence', () => {
    const body = '2023年6月28日18時47分に当選メールを一斉にお送りしました。その後19時19分に、お客様からご連絡をいただき、誤送信が発覚しました。';
    expect(dates('誤送信のお知らせ', body, '2023-06-29').detected).toBe('2023-06-28');
  });

  it('gives the noticing to 翌朝, not to the date before it in the same sentence', () => {
    const found = dates('USBメモリを紛失', '教諭は11月14日に私物のUSBメモリにデータを保存して持ち帰り、翌朝紛失に気付いたという。', '2023-11-20');
    expect(found).toEqual({ published: null, occurred: '2023-11-14', detected: '2023-11-15' });
  });

  it('reads 同年, a window with まで and a theft verb, and a detection reported just before the date', () => {
    const body = '2023年2月1日から同年9月12日までに入力されたカード情報が窃取されたという。カード会社から漏洩懸念の連絡を受け、9月12日にカード決済を停止した。';
    expect(dates('ECサイトに不正アクセス', body, '2023-12-01')).toEqual({ published: null, occurred: '2023-02-01', detected: '2023-09-12' });
  });

  it('ignores dates after the publication date (plans, typos, future dates)', () => {
    const found = dates('不正アクセスについて', '2099年1月1日に不正アクセスが発生し、2099年1月2日に発覚しました。', '2023-07-01');
    expect(found.occurred).toBeNull();
    expect(found.detected).toBeNull();
  });

  it('reads English dates and cues', () => {
    const found = dates('Acme Inc. notice of data breach', 'On March 3, 2024, Acme discovered suspicious activity. The unauthorized access occurred on February 20, 2024.', '2024-04-01');
    expect(found).toEqual({ published: null, occurred: '2024-02-20', detected: '2024-03-03' });
  });

  it('finds nothing in an empty item', () => {
    expect(dates('', '')).toEqual({ published: null, occurred: null, detected: null });
  });
});
