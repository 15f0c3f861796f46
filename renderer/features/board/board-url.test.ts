// The query in the address (#board=…) beside the launch token: written when it differs from the
// defaults, read back validated, and an address written before the tag and follow-up filters existed
// still restores its filters.
import { describe, expect, it } from 'vitest';
import { emptyBoardQuery } from '../../../shared/domain/board-query.js';
import { readQueryFromUrl, writeQueryToUrl, type UrlEnv } from './board-url.js';

function fakeEnv(hash: string): UrlEnv & { urls: string[] } {
  const urls: string[] = [];
  const location = { hash, pathname: '/', search: '' };
  return {
    urls,
    location,
    history: {
      state: null,
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
        urls.push(String(url));
        location.hash = String(url).replace(/^[^#]*/, '');
      },
    },
  };
}

describe('board-url', () => {
  it('round-trips every filter, the new ones included, and keeps the token key', () => {
    const env = fakeEnv('#token=abc');
    const query = {
      ...emptyBoardQuery(),
      text: '"個人情報の漏洩" -茨城',
      kinds: ['incident' as const, null],
      severities: [3 as const, 4 as const],
      statuses: ['new' as const, 'triage' as const],
      sourceNames: ['cdns', 'IPA'],
      tags: ['取引先', 'VIP 顧客'],
      hasFollowUps: true,
      appiReportable: false,
      publishedFrom: '2023-01-01',
      sort: 'date_asc' as const,
    };
    writeQueryToUrl(env, query);
    expect(env.location.hash).toContain('token=abc');
    expect(readQueryFromUrl(env)).toEqual(query);
  });

  it('restores an address written before tags and follow-ups existed, with those filters off', () => {
    const old = encodeURIComponent(JSON.stringify({ kinds: ['incident'], statuses: ['new'], sort: 'date_asc' }));
    const query = readQueryFromUrl(fakeEnv(`#board=${old}`));
    expect(query).toEqual({ ...emptyBoardQuery(), kinds: ['incident'], statuses: ['new'], sort: 'date_asc' });
    expect(query.tags).toEqual([]);
    expect(query.hasFollowUps).toBeNull();
  });

  it('falls back to the defaults for an address that does not validate', () => {
    const bad = encodeURIComponent(JSON.stringify({ tags: [''], hasFollowUps: 'yes' }));
    expect(readQueryFromUrl(fakeEnv(`#board=${bad}`))).toEqual(emptyBoardQuery());
  });
});
