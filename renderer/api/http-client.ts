// The browser-shell transport: each contract channel is POST /api/<channel> on the loopback server that
// served this page, authorised by the per-launch token. The token arrives once in the URL fragment (never
// sent to a server or a Referer), is kept in sessionStorage so a reload still works, and is removed from
// the address bar at once so it is not bookmarked, shared in a screenshot or left in history.
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { CallError, CallResult } from '../../shared/ipc/result.js';
import type { TriageApi } from '../../shared/ipc/contract.js';

export const TOKEN_STORAGE_KEY = 'triage-desk.token';

export interface HttpClientEnv {
  fetch: typeof fetch;
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

function browserEnv(): HttpClientEnv {
  return {
    fetch: (input, init) => window.fetch(input, init),
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
  };
}

/** Takes the token out of `#token=<hex>` (keeping it in storage), or reads the one kept before a reload. */
export function takeLaunchToken(env: Pick<HttpClientEnv, 'location' | 'history' | 'storage'>): string | null {
  const fragment = env.location.hash.replace(/^#/, '');
  if (fragment) {
    const params = new URLSearchParams(fragment);
    const token = params.get('token');
    if (token !== null) {
      params.delete('token');
      const rest = params.toString();
      env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
      if (/^[0-9a-f]{16,256}$/i.test(token)) {
        env.storage.setItem(TOKEN_STORAGE_KEY, token);
        return token;
      }
    }
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

function failure(code: CallError['code'], message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

function isCallResult(value: unknown): value is CallResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

async function describeRefusal(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
      return `${response.status}: ${body.error}`;
    }
  } catch {
    // the body was not JSON: the status alone says enough
  }
  return `HTTP ${response.status}`;
}

async function post(env: HttpClientEnv, token: string | null, channel: string, input: unknown): Promise<CallResult<unknown>> {
  if (token === null) {
    return failure('untrusted-sender', 'no access token: open the address the browser shell printed (…/#token=…)');
  }
  let response: Response;
  try {
    response = await env.fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    return failure('internal', `the app server did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) {
    const message = await describeRefusal(response);
    if (response.status === 401 || response.status === 403) return failure('untrusted-sender', message);
    if (response.status === 413) return failure('invalid-input', message);
    return failure('internal', message);
  }
  try {
    const body: unknown = await response.json();
    if (isCallResult(body)) return body;
  } catch {
    // fall through: a reply that is not a CallResult is a broken server, not an app error
  }
  return failure('internal', `malformed reply for ${channel}`);
}

export function createHttpClient(env: HttpClientEnv = browserEnv()): TriageApi {
  const token = takeLaunchToken(env);
  const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => post(env, token, channel, input)]));
  return api as TriageApi;
}
