import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2019/12/10', '2019-12-10'],
    ['2019-12-10', '2019-12-10'],
    ['2019.12.10', '2019-12-10'],
    ['2019/1/5', '2019-01-05'],
    ['20191210', '2019-12-10'],
    ['2019/12/10 09:30', '2019-12-10'],
    ['2019年12月10日', '2019-12-10'],
    ['2023 年 7 月 28 日', '2023-07-28'],
    ['２０２３年７月２８日', '2023-07-28'],
    ['2023年7月14日 10時30分', '2023-07-14'],
    ['  2019/12/10  ', '2019-12-10'],
  ])('reads the Gregorian date %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each([
    ['令和4年7月31日', '2022-07-31'],
    ['令和4年7月31日(日曜日)', '2022-07-31'],
    ['令和4年7月31日（日）', '2022-07-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和 5 年 7 月 28 日', '2023-07-28'],
    ['平成31年4月1日', '2019-04-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['㍻31年4月30日', '2019-04-30'],
    ['R5.7.28', '2023-07-28'],
    ['H31.4.1', '2019-04-01'],
    ['令和５年１２月１日(金)', '2023-12-01'],
  ])('C15 reads the era date %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each([
    ['Tue, 10 Dec 2019 09:00:00 +0900', '2019-12-10'],
    // 23:30 in New York is already the 11th in UTC; the source meant the 10th.
    ['Tue, 10 Dec 2019 23:30:00 -0500', '2019-12-10'],
    ['10 Dec 2019 09:00:00 GMT', '2019-12-10'],
    ['Tue, 10 Dec 19 09:00:00 +0900', '2019-12-10'],
    ['Mon, 02 Dec 2019 00:30:00 +0900 (JST)', '2019-12-02'],
    ['2019-12-10T09:00:00+09:00', '2019-12-10'],
    ['2019-12-10T00:30:00+09:00', '2019-12-10'],
    ['2019-12-10T23:59:59.123-08:00', '2019-12-10'],
    ['2019-12-10T09:00:00Z', '2019-12-10'],
  ])('reads the feed date %s in its own offset', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it('C15 takes the year of a yearless date from the publication date', () => {
    expect(parseDate('6月21日', '2023-07-18')).toBe('2023-06-21');
    expect(parseDate('７月１８日', '2023-07-18')).toBe('2023-07-18');
  });

  it('C15 puts a yearless date that would follow the publication date in the year before', () => {
    expect(parseDate('12月28日', '2024-01-10')).toBe('2023-12-28');
  });

  it('C15 does not invent a year when there is no publication date', () => {
    expect(parseDate('6月21日')).toBeNull();
    expect(parseDate('6月21日', 'not a date')).toBeNull();
  });

  it('C15 does not move a yearless 29 February into a year without one', () => {
    expect(parseDate('2月29日', '2024-03-01')).toBe('2024-02-29');
    expect(parseDate('2月29日', '2023-03-01')).toBeNull();
  });

  it.each([
    '2023年2月30日',
    '2019/13/01',
    '2019/00/10',
    '2019/12/32',
    '2023-02-29',
    '令和0年1月1日',
    'Tue, 31 Feb 2019 09:00:00 +0900',
    'Tue, 10 Foo 2019 09:00:00 +0900',
  ])('C15 refuses the impossible date %s', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it.each(['', '   ', '不明', 'yesterday', '2019年12月', '12/10', '2019/12/10/11', '=NOW()', '2019-12-10abc'])(
    'refuses the non-date %j',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );

  it('C15 reads every day of four years written in each supported style (round trip)', () => {
    const day = new Date(Date.UTC(2019, 0, 1));
    const end = Date.UTC(2023, 0, 1);
    for (; day.getTime() < end; day.setUTCDate(day.getUTCDate() + 1)) {
      const y = day.getUTCFullYear();
      const m = day.getUTCMonth() + 1;
      const d = day.getUTCDate();
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(parseDate(`${y}/${m}/${d}`)).toBe(iso);
      expect(parseDate(`${y}年${m}月${d}日`)).toBe(iso);
      expect(parseDate(day.toUTCString())).toBe(iso);
      if (iso >= '2019-05-01') {
        const era = y - 2018 === 1 ? '元' : String(y - 2018);
        expect(parseDate(`令和${era}年${m}月${d}日`)).toBe(iso);
      }
    }
  });
});
