// Main's pushed events in the browser shell: GET /api/events answers server-sent events. EventSource cannot
// send the Authorization header, so the stream is read with fetch, and the reconnecting EventSource would
// otherwise have given us is done here: after the stream ends or fails, wait (0.5 s, doubling to 10 s) and
// connect again. Blocks that are not a known AppEvent are dropped: a broken event must not stop the others.
import type { AppEvent, FactsProgressEvent, ImportProgressEvent, SubscribeToEvents } from '../../shared/ipc/events.js';
import { takeLaunchToken } from './http-client.js';

export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 10_000;
/** Progress events are a few hundred bytes; a line this long is a broken stream, not an event. */
const MAX_PENDING_CHARS = 1024 * 1024;

export interface HttpEventsEnv {
  fetch: typeof fetch;
  token: string | null;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function browserEventsEnv(): HttpEventsEnv {
  return {
    fetch: (input, init) => window.fetch(input, init),
    // The HTTP client has normally taken the token out of the fragment already: it then comes from storage.
    token: takeLaunchToken({ location: window.location, history: window.history, storage: window.sessionStorage }),
    sleep,
  };
}

/**
 * Splits server-sent-event text, fed in chunks cut anywhere, into the data of each event. Comment lines
 * (`: keep-alive`) and fields other than `data` are skipped, as the SSE format says.
 */
export function createEventStreamParser(onData: (data: string) => void): (chunk: string) => void {
  let pending = '';
  let data: string[] = [];
  return (chunk) => {
    pending += chunk;
    // A trailing \r stays pending: the \n of its \r\n may be in the next chunk.
    const lines = pending.split(/\r\n|\r(?!$)|\n/);
    pending = lines.pop() ?? '';
    if (pending.length > MAX_PENDING_CHARS) pending = '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) onData(data.join('\n'));
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      if (field !== 'data') continue;
      const value = colon === -1 ? '' : line.slice(colon + 1);
      data.push(value.startsWith(' ') ? value.slice(1) : value);
      if (data.reduce((size, part) => size + part.length, 0) > MAX_PENDING_CHARS) data = [];
    }
  };
}

const PHASES: ReadonlySet<string> = new Set<ImportProgressEvent['phase']>(['reading', 'writing', 'done']);

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isImportProgress(value: unknown): value is ImportProgressEvent {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.jobId === 'string' &&
    typeof p.fileName === 'string' &&
    typeof p.phase === 'string' &&
    PHASES.has(p.phase) &&
    isCount(p.fileIndex) &&
    isCount(p.fileCount) &&
    isCount(p.recordsDone) &&
    isCount(p.recordCount)
  );
}

function isFactsProgress(p: unknown): p is FactsProgressEvent {
  return typeof p === 'object' && p !== null && 'done' in p && 'total' in p && isCount(p.done) && isCount(p.total);
}

/** The event in one `data:` payload, or null for anything malformed or unknown. */
export function parseAppEvent(data: string): AppEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('name' in value) || !('payload' in value)) return null;
  if (value.name === 'import.progress' && isImportProgress(value.payload)) {
    return { name: 'import.progress', payload: value.payload };
  }
  if (value.name === 'facts.progress' && isFactsProgress(value.payload)) {
    return { name: 'facts.progress', payload: value.payload };
  }
  return null;
}

function deliver(listener: (event: AppEvent) => void, event: AppEvent) {
  try {
    listener(event);
  } catch (error) {
    // A failing listener is a bug in the page, not in the stream: keep reading.
    console.error('[triage-desk] event listener failed:', error);
  }
}

type StreamOutcome = 'ended' | 'failed' | 'refused';

/** One connection, read until it ends, fails or the signal aborts. */
async function readStream(env: HttpEventsEnv, token: string, listener: (event: AppEvent) => void, signal: AbortSignal): Promise<StreamOutcome> {
  let response: Response;
  try {
    response = await env.fetch('/api/events', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch {
    return 'failed';
  }
  // The token is fixed for the launch: asking again with it cannot succeed.
  if (response.status === 401 || response.status === 403) return 'refused';
  if (!response.ok || !response.body) return 'failed';

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const parse = createEventStreamParser((data) => {
    const event = parseAppEvent(data);
    if (event && !signal.aborted) deliver(listener, event);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) break;
      parse(value);
    }
  } catch {
    // the connection dropped (or was aborted): reconnect below unless unsubscribed
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return 'ended';
}

async function follow(env: HttpEventsEnv, token: string, listener: (event: AppEvent) => void, signal: AbortSignal) {
  let delay = FIRST_RETRY_MS;
  while (!signal.aborted) {
    const outcome = await readStream(env, token, listener, signal);
    if (signal.aborted) return;
    if (outcome === 'refused') {
      console.error('[triage-desk] the app server refused the event stream: import progress will not be shown');
      return;
    }
    // A stream that was open ends when the server restarts or a proxy drops it: try again soon.
    if (outcome === 'ended') delay = FIRST_RETRY_MS;
    await env.sleep(delay, signal);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  }
}

/** Each subscription holds its own stream; unsubscribing aborts it and any pending reconnect. */
export function createHttpEvents(env: HttpEventsEnv = browserEventsEnv()): SubscribeToEvents {
  return (listener) => {
    const { token } = env;
    // Without a token the HTTP client already says what to do on every call; there is nothing to connect with.
    if (token === null) return () => undefined;
    const controller = new AbortController();
    void follow(env, token, listener, controller.signal);
    return () => controller.abort();
  };
}
