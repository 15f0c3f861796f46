import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from './normalize-text.js';

function spanOf(original: string, needle: string): string {
  const norm = normalizeText(original);
  const at = norm.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = toOriginalSpan(norm, at, at + needle.length);
  return original.slice(span.start, span.end);
}

describe('normalizeText', () => {
  it('folds full-width digits and letters for matching', () => {
    expect(normalizeText('２０２３年７月１４日 ＡＢＣ').text).toBe('2023年7月14日 ABC');
  });

  it('maps a match in the folded text back to the original characters', () => {
    // Evidence must highlight what the officer sees, not the folded copy.
    expect(spanOf('発生日：２０２３年７月１２日（水）', '2023年7月12日')).toBe('２０２３年７月１２日');
  });

  it('keeps offsets right after a character that grows (㈱ → (株))', () => {
    expect(normalizeText('㈱テスト').text).toBe('(株)テスト');
    expect(spanOf('㈱テスト 個人情報', '個人情報')).toBe('個人情報');
    expect(spanOf('㈱テスト', '株')).toBe('㈱');
  });

  it('composes half-width katakana with their voicing marks (ｶﾞ → ガ)', () => {
    expect(normalizeText('ｶﾞｲﾄﾞﾗｲﾝ').text).toBe('ガイドライン');
    expect(spanOf('x ｶﾞｲﾄﾞ y', 'ガイド')).toBe('ｶﾞｲﾄﾞ');
  });

  it('folds Kangxi radicals pasted from PDFs (中学⽣ → 中学生)', () => {
    expect(normalizeText('中学⽣起業家').text).toBe('中学生起業家');
  });

  it('finds where the title ends in the folded text', () => {
    const title = '（第２報）';
    const norm = normalizeText(`${title}\n\n本文`, title.length);
    expect(norm.text.slice(0, norm.titleEnd)).toBe('(第2報)');
  });

  it('returns the text unchanged when nothing folds, and handles the empty string', () => {
    expect(normalizeText('個人情報の漏えい').text).toBe('個人情報の漏えい');
    expect(normalizeText('').text).toBe('');
    expect(toOriginalSpan(normalizeText(''), 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('keeps astral characters (emoji) as one unit', () => {
    expect(spanOf('🎉お知らせ', 'お知らせ')).toBe('お知らせ');
  });
});
