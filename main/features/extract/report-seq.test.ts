import { describe, expect, it } from 'vitest';
import { findReportSeq } from './report-seq.js';

const seq = (title: string, body = '') => findReportSeq(body ? `${title}\n\n${body}` : title, title.length)?.value ?? null;

describe('findReportSeq', () => {
  it('reads 第N報 with or without spaces, and kanji numerals', () => {
    expect(seq('米国子会社への不正アクセスについて(第3報)')).toBe(3);
    expect(seq('ヤマハ株式会社 米国子会社への不正アクセスについて(第 2 報) 2023 年 7 月 20 日')).toBe(2);
    expect(seq('ランサムウェア被害について(第三報)')).toBe(3);
  });

  it('reads 最終報 as final and 続報 as at least the second', () => {
    expect(seq('システム障害について(最終報)')).toBe('final');
    expect(seq('【続報】不正アクセスについて')).toBe(2);
  });

  it('does not take 最終報告書 for a final report', () => {
    expect(seq('調査委員会の最終報告書を公表')).toBeNull();
  });

  it('reads English updates', () => {
    expect(seq('Security incident notice (Update 2)')).toBe(3);
    expect(seq('Cyber incident: final update')).toBe('final');
  });

  it('ignores earlier reports the body refers to', () => {
    expect(seq('新たな不正アクセスの確認について', '冒頭の経緯は省略します。第1報でお伝えしておりますように、復旧しました。')).toBeNull();
  });
});
