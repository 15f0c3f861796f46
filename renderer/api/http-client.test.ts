import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient, TOKEN_STORAGE_KEY, type HttpClientEnv } from './http-client.js';

const TOKEN = 'ab'.repeat(32);

function envWith(fetch: HttpClientEnv['fetch']): HttpClientEnv {
  return { fetch, location: window.location, history: window.history, storage: window.sessionStorage };
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('http client', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', `/#token=${TOKEN}`);
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('takes the token from the fragment, keeps it in sessionStorage and removes it from the address bar', () => {
    createHttpClient(envWith(vi.fn()));
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('POSTs the input as JSON to /api/<channel> with the token as Bearer and returns the CallResult', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { columns: [], total: 0 } }));
    const api = createHttpClient(envWith(fetch));
    const result = await api['board.load']({ text: 'ランサムウェア' });

    expect(result).toEqual({ ok: true, value: { columns: [], total: 0 } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/board.load');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ text: 'ランサムウェア' });
  });

  it('still has the token after a reload, when the fragment is gone', async () => {
    createHttpClient(envWith(vi.fn()));
    expect(window.location.hash).toBe('');
    const fetch = vi.fn(async () => jsonResponse({ ok: false, error: { code: 'not-found', message: 'item 9 does not exist' } }));
    const reloaded = createHttpClient(envWith(fetch));
    const result = await reloaded['items.get']({ id: 9 });

    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'item 9 does not exist' } });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}` });
  });

  it('turns a network failure into an internal error instead of throwing', async () => {
    const api = createHttpClient(envWith(vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))));
    const result = await api['items.move']({ id: 1, to: 'triage' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).toContain('Failed to fetch');
    }
  });

  it('reports a refused token and a broken reply as errors, not exceptions', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse({ error: 'missing or wrong token' }, 401))
      .mockResolvedValueOnce(new Response('<html>proxy error</html>', { status: 200 }));
    const api = createHttpClient(envWith(fetch));
    expect(await api['app.info']({})).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: '401: missing or wrong token' },
    });
    expect(await api['app.info']({})).toEqual({ ok: false, error: { code: 'internal', message: 'malformed reply for app.info' } });
  });

  it('sends nothing without a token', async () => {
    window.history.replaceState(null, '', '/');
    const fetch = vi.fn();
    const api = createHttpClient(envWith(fetch));
    const result = await api['board.load']({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('untrusted-sender');
    expect(fetch).not.toHaveBeenCalled();
  });
});
