import { describe, expect, it } from 'vitest';
import { daysBetween, findDates, resolveYearlessDate } from './japanese-dates.js';

const values = (text: string, reference: string | null = null) => findDates(text, reference).map((d) => d.value);

describe('findDates', () => {
  it('reads western dates, with spaces inside (after NFKC)', () => {
    expect(values('2023年7月14日に発表')).toEqual(['2023-07-14']);
    expect(values('2023 年 7 月 28 日')).toEqual(['2023-07-28']);
    expect(values('2023/07/14 と 2023-7-1 と 2023.1.5')).toEqual(['2023-07-14', '2023-07-01', '2023-01-05']);
  });

  it('reads era dates, 元年 included', () => {
    expect(values('令和4年7月31日(日曜日)')).toEqual(['2022-07-31']);
    expect(values('平成31年4月30日と令和元年5月1日')).toEqual(['2019-04-30', '2019-05-01']);
    expect(values('R5.3.1')).toEqual(['2023-03-01']);
  });

  it('gives a date without a year the year of the publication, or the year before when it would be later', () => {
    expect(values('6月21日に判明', '2023-07-14')).toEqual(['2023-06-21']);
    expect(values('12月25日に判明', '2024-01-10')).toEqual(['2023-12-25']);
    expect(findDates('6月21日', '2023-07-14')[0]?.yearInferred).toBe(true);
  });

  it('takes the year of an earlier explicit date when there is no publication date', () => {
    expect(values('2019年6月27日に連絡、7月30日に確認')).toEqual(['2019-06-27', '2019-07-30']);
    expect(values('7月30日に確認')).toEqual([]);
  });

  it('reads English dates', () => {
    expect(values('On July 14, 2023, the company')).toEqual(['2023-07-14']);
    expect(values('discovered on 3 March 2024')).toEqual(['2024-03-03']);
    expect(values('since Jan. 5', '2024-02-01')).toEqual(['2024-01-05']);
  });

  it('ignores impossible dates and things that only look like dates', () => {
    expect(values('2023年2月30日')).toEqual([]);
    expect(values('20230609-55111.png')).toEqual([]);
    expect(values('9999年1月1日')).toEqual([]);
    expect(values('')).toEqual([]);
  });
});

describe('resolveYearlessDate and daysBetween', () => {
  it('needs a reference', () => {
    expect(resolveYearlessDate(6, 1, null)).toBeNull();
  });

  it('counts whole days', () => {
    expect(daysBetween('2023-01-12', '2023-07-18')).toBe(187);
  });
});
