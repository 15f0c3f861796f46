import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-dates.js';
import { readFeedRecords } from './feed-records.js';

describe('feed dates beyond RFC 822 and W3CDTF', () => {
  it('RFC 850 (HTTP\'s obsolete form), two-digit years read as RFC 2822 does', () => {
    expect(parseFeedDate('Thursday, 01-Jan-04 19:48:21 GMT')).toBe('2004-01-01');
    expect(parseFeedDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe('1994-11-06');
  });

  it('asctime, and Java\'s Date#toString with its zone', () => {
    expect(parseFeedDate('Thu Jan  1 19:48:21 2004')).toBe('2004-01-01');
    expect(parseFeedDate('Wed Jul 12 09:00:00 JST 2023')).toBe('2023-07-12');
  });

  it('English month-first dates, with or without weekday, ordinal suffix and time', () => {
    expect(parseFeedDate('January 1, 2004')).toBe('2004-01-01');
    expect(parseFeedDate('Thu, Jan 1 2004')).toBe('2004-01-01');
    expect(parseFeedDate('Jul. 14th, 2023 7:48 PM')).toBe('2023-07-14');
  });

  it('ISO 8601 basic, ordinal and week forms', () => {
    expect(parseFeedDate('20040101T194821Z')).toBe('2004-01-01');
    expect(parseFeedDate('20231231')).toBe('2023-12-31');
    expect(parseFeedDate('2004-001')).toBe('2004-01-01');
    expect(parseFeedDate('2004-366')).toBe('2004-12-31');
    expect(parseFeedDate('2004-W01-4')).toBe('2004-01-01');
    // ISO week 1 of 2021 starts on Monday 4 January; 2020 has 53 weeks, 2021 has 52.
    expect(parseFeedDate('2021W011')).toBe('2021-01-04');
    expect(parseFeedDate('2020-W53-5')).toBe('2021-01-01');
    expect(parseFeedDate('2021-W53-1')).toBeNull();
  });

  it('never invents a day: impossible dates and dates without a day give null', () => {
    expect(parseFeedDate('Monday, 31-Feb-04 10:00:00 GMT')).toBeNull();
    expect(parseFeedDate('2003-365')).toBe('2003-12-31');
    expect(parseFeedDate('2003-366')).toBeNull();
    expect(parseFeedDate('2004-01')).toBeNull();
    expect(parseFeedDate('Smarch 1, 2004')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
  });

  it('an item dated in one of these forms gets its publishedAt, its raw text kept as written', () => {
    const feed = '<rss version="2.0"><channel><item><title>t</title><pubDate>Thu Jan  1 19:48:21 2004</pubDate></item></channel></rss>';
    expect(readFeedRecords(Buffer.from(feed)).records[0]).toMatchObject({ publishedAt: '2004-01-01', publishedAtRaw: 'Thu Jan 1 19:48:21 2004' });
  });
});
