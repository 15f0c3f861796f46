import { describe, expect, it } from 'vitest';
import { itemText } from '../../../shared/domain/facts.js';
import { bodyOffset, markSegments, sentenceAround } from './evidence.js';

describe('evidence segments', () => {
  const title = '不正アクセスによる個人情報漏えいのお知らせ';
  const body = '当社サーバーが不正アクセスを受けました。顧客約2万9千件の氏名が流出しました。';
  const text = itemText(title, body);
  const start = bodyOffset(title, body);

  it('cuts the body into plain segments, marking evidence and the active fact', () => {
    const count = text.indexOf('約2万9千件');
    const name = text.indexOf('氏名');
    const segments = markSegments(text, start, text.length, [{ start: name, end: name + 2 }], [{ start: count, end: count + 6 }]);
    expect(segments.map((s) => [s.text, s.mark])).toEqual([
      ['当社サーバーが不正アクセスを受けました。顧客', 'none'],
      ['約2万9千件', 'active'],
      ['の', 'none'],
      ['氏名', 'evidence'],
      ['が流出しました。', 'none'],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
  });

  it('clips spans that fall outside the range or are reversed or stale, never throwing', () => {
    const segments = markSegments(text, start, text.length, [{ start: 0, end: start + 2 }, { start: 9999, end: 10005 }, { start: start + 5, end: start + 3 }], []);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    expect(segments[0]).toMatchObject({ text: '当社', mark: 'evidence' });
  });

  it('shows the sentence around a span for the tooltip', () => {
    const at = text.indexOf('氏名');
    expect(sentenceAround(text, { start: at, end: at + 2 })).toBe('顧客約2万9千件の氏名が流出しました。');
    expect(sentenceAround(text, { start: 0, end: 4 })).toBe(title);
  });
});
