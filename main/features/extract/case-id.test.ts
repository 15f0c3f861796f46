import { describe, expect, it } from 'vitest';
import { findCaseId } from './case-id.js';

describe('findCaseId', () => {
  it('reads the case number of a casebook title', () => {
    const title = '【セキュリティ事件簿#2023-306】株式会社サンプル 不正アクセスについて';
    const found = findCaseId(title, title.length);
    expect(found?.value).toBe('#2023-306');
    expect(title.slice(found?.start, found?.end)).toBe('#2023-306');
  });

  it('finds nothing in an ordinary title, or in a hashtag', () => {
    expect(findCaseId('個人情報の漏えいについて', 12)).toBeNull();
    expect(findCaseId('#セキュリティ #2023', 14)).toBeNull();
  });
});
