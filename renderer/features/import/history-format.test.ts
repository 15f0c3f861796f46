import { describe, expect, it } from 'vitest';
import { formatDuration, formatFileSize, formatLabel, shortHash } from './history-format.js';

describe('history format', () => {
  it('writes sizes in KB or MB', () => {
    expect(formatFileSize(0)).toBe('0 KB');
    expect(formatFileSize(12)).toBe('0.1 KB');
    expect(formatFileSize(512)).toBe('0.5 KB');
    expect(formatFileSize(20480)).toBe('20 KB');
    expect(formatFileSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('writes durations in ms under a second, in s above', () => {
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(2340)).toBe('2.3 s');
  });

  it('shortens hashes and names the format with its encoding', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab…');
    expect(formatLabel('csv', 'Shift_JIS')).toBe('CSV (Shift_JIS)');
    expect(formatLabel('rss', null)).toBe('RSS');
  });
});
