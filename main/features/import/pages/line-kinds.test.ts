import { describe, expect, it } from 'vitest';
import { classifyLine, isHeadingLike, monthHeading } from './line-kinds.js';
import { normalizeForMatching } from './page-line.js';

const kind = (text: string): string => classifyLine(normalizeForMatching(text));

describe('classifyLine', () => {
  it('knows page furniture, and which furniture ends the content', () => {
    for (const line of ['内容を非表示にする', '内容を表示する', '続きを読む', 'Read more', '20230609-55111.png', '日付 タイトル・内容', 'ホーム > ニュース', '過去のニュースを見る:  年度']) {
      expect(kind(line), line).toBe('chrome');
    }
    for (const line of ['1 2 3 4 5 6 7 8 9 10次の20件', 'Page Top', 'ページの先頭へ', 'Copyright (C) 2002-2022 CDNS Corporation. All Rights Reserved.', '© 2023 Sample', '関連記事', '前の記事: サポート詐欺の手口', '次へ »']) {
      expect(kind(line), line).toBe('end');
    }
    // The same words inside prose are prose.
    for (const line of ['前の記事でも紹介したとおり、手口は巧妙化しています。', '著作権(Copyright)侵害の相談が増えている', '続きを読むには会員登録が必要です。']) {
      expect(kind(line), line).toBe('text');
    }
  });

  it('knows date lines in their common forms, full-width included', () => {
    for (const line of ['10日', '１０日', '2023年7月3日', '2023 年 7 月 3 日', '7月3日(月)', '2023.07.14', '2023/7/3', '令和5年7月3日', '09日']) expect(kind(line), line).toBe('date');
    for (const line of ['10日に発表', '2023年7月3日 タイトル', '2019年6月27日:クレジットカード会社から連絡', '32日']) expect(kind(line), line).not.toBe('date');
  });

  it('knows month headings, and leaves month-mentioning subheadings as text', () => {
    expect(monthHeading('1か月分すべての内容を表示する 2019年12月')).toEqual({ year: 2019, month: 12 });
    expect(monthHeading('2023年7月のニュース一覧')).toEqual({ year: 2023, month: 7 });
    expect(monthHeading('インシデント速報 2022年12月分')).toEqual({ year: 2022, month: 12 });
    expect(monthHeading('2023/07')).toEqual({ year: 2023, month: 7 });
    expect(monthHeading('2023年7月末時点の被害状況')).toBeNull();
    expect(monthHeading('2023年7月3日')).toBeNull();
    expect(kind('【URL】')).toBe('section');
    expect(kind('https://www.example.jp/a')).toBe('url');
  });

  it('heading-like lines: short, not sentences, not list items', () => {
    expect(isHeadingLike('「Emotet」感染で不正メール送信/株式会社サンウェル')).toBe(true);
    for (const line of ['本文です。', '1. 経緯', '(2)漏えい件数', '・カード名義人名', '【状況】', 'https://example.jp', 'ab', '1. 背景と導入:']) {
      expect(isHeadingLike(normalizeForMatching(line)), line).toBe(false);
    }
  });
});
