import { describe, expect, it, vi } from 'vitest';
import type { AppEvent, ImportProgressEvent } from '../../shared/ipc/events.js';
import { createEventStreamParser, createHttpEvents, parseAppEvent, type HttpEventsEnv } from './http-events.js';

const progress = (extra: Partial<ImportProgressEvent> = {}): ImportProgressEvent => ({
  jobId: 'job-12345678',
  fileIndex: 0,
  fileCount: 2,
  fileName: 'feed.rss',
  phase: 'reading',
  recordsDone: 0,
  recordCount: 0,
  ...extra,
});
const line = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;

/** A server-sent-event body the test writes to chunk by chunk, as bytes. */
function openStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const cancelled = vi.fn();
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: cancelled,
  });
  const encoder = new TextEncoder();
  return {
    response: { ok: true, status: 200, body } as unknown as Response,
    write: (bytes: string | Uint8Array) => controller.enqueue(typeof bytes === 'string' ? encoder.encode(bytes) : bytes),
    end: () => controller.close(),
    cancelled,
  };
}

type Answer = Response | Error;

/** fetch answers from a queue; once it is empty, a call waits until its signal aborts. */
function fakeEnv(answers: Answer[], token: string | null = 'ab'.repeat(16)) {
  const delays: number[] = [];
  const signals: AbortSignal[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? new AbortController().signal;
    signals.push(signal);
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    if (answer) return answer;
    return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  });
  const env: HttpEventsEnv = {
    fetch: fetch as unknown as typeof globalThis.fetch,
    token,
    sleep: async (ms) => void delays.push(ms),
  };
  return { env, fetch, delays, signals };
}

describe('createEventStreamParser', () => {
  it('joins data lines cut anywhere, with \\n, \\r\\n or \\r line ends, and skips comments and other fields', () => {
    const data: string[] = [];
    const parse = createEventStreamParser((d) => data.push(d));
    for (const chunk of [': conn', 'ected\n\nda', 'ta: {"a":', '1}\r', '\n\r\nevent: x\nid: 4\ndata:two\rdata: lines\n', '\n', ': keep-alive\n\n']) parse(chunk);
    expect(data).toEqual(['{"a":1}', 'two\nlines']);
  });
});

describe('parseAppEvent', () => {
  it('accepts import progress and nothing malformed or unknown', () => {
    expect(parseAppEvent(JSON.stringify({ name: 'import.progress', payload: progress() }))).toEqual({ name: 'import.progress', payload: progress() });
    expect(parseAppEvent(JSON.stringify({ name: 'facts.progress', payload: { done: 3, total: 5 } }))).toEqual({ name: 'facts.progress', payload: { done: 3, total: 5 } });
    for (const bad of [
      'not json',
      'null',
      '[]',
      JSON.stringify({ name: 'import.progress' }),
      JSON.stringify({ name: 'something.else', payload: progress() }),
      JSON.stringify({ name: 'import.progress', payload: { ...progress(), phase: 'exploding' } }),
      JSON.stringify({ name: 'import.progress', payload: { ...progress(), recordsDone: -1 } }),
      JSON.stringify({ name: 'import.progress', payload: { ...progress(), jobId: 7 } }),
      JSON.stringify({ name: 'facts.progress', payload: { done: 1 } }),
      JSON.stringify({ name: 'facts.progress', payload: { done: 1.5, total: 2 } }),
    ]) {
      expect(parseAppEvent(bad), bad).toBeNull();
    }
  });
});

describe('createHttpEvents', () => {
  it('reads GET /api/events with the token, parses events split across chunks and ignores heartbeats and garbage', async () => {
    const stream = openStream();
    const { env, fetch } = fakeEnv([stream.response]);
    const received: AppEvent[] = [];
    const unsubscribe = createHttpEvents(env)((event) => received.push(event));

    const first = line({ name: 'import.progress', payload: progress({ fileName: '注意喚起.rss' }) });
    const bytes = new TextEncoder().encode(first);
    const cut = first.indexOf('注') + 1; // inside the three bytes of 注
    stream.write(': connected\n\n');
    stream.write(bytes.slice(0, cut));
    stream.write(bytes.slice(cut));
    stream.write('data: {broken\n\n');
    stream.write(line({ name: 'board.changed', payload: {} }));
    stream.write(': keep-alive\n\n');
    stream.write(line({ name: 'import.progress', payload: progress({ phase: 'writing', recordsDone: 500, recordCount: 1000 }) }).slice(0, 20));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    stream.write(line({ name: 'import.progress', payload: progress({ phase: 'writing', recordsDone: 500, recordCount: 1000 }) }).slice(20));
    await vi.waitFor(() => expect(received).toHaveLength(2));

    expect(received.map((e) => (e.name === 'import.progress' ? [e.payload.fileName, e.payload.phase] : e.name))).toEqual([
      ['注意喚起.rss', 'reading'],
      ['feed.rss', 'writing'],
    ]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/events');
    expect(init?.headers).toMatchObject({ Authorization: `Bearer ${'ab'.repeat(16)}` });
    unsubscribe();
  });

  it('reconnects after the stream ends, waiting 0.5 s, and keeps delivering', async () => {
    const first = openStream();
    const second = openStream();
    const { env, fetch, delays } = fakeEnv([first.response, second.response]);
    const received: AppEvent[] = [];
    const unsubscribe = createHttpEvents(env)((event) => received.push(event));

    first.write(line({ name: 'import.progress', payload: progress() }));
    first.end();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    second.write(line({ name: 'import.progress', payload: progress({ phase: 'done' }) }));
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(delays).toEqual([500]);
    unsubscribe();
  });

  it('backs off from 0.5 s doubling to 10 s while the server is away, and starts over after a connection', async () => {
    const down = () => new TypeError('Failed to fetch');
    const stream = openStream();
    const { env, fetch, delays } = fakeEnv([down(), down(), down(), down(), down(), down(), down(), stream.response, down()]);
    const unsubscribe = createHttpEvents(env)(() => undefined);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(8));
    stream.end();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(10));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 500, 1000]);
    unsubscribe();
  });

  it('stops after unsubscribe: the fetch is aborted, the body cancelled, and nothing reconnects', async () => {
    const stream = openStream();
    const { env, fetch, signals } = fakeEnv([stream.response, openStream().response]);
    const listener = vi.fn();
    const unsubscribe = createHttpEvents(env)(listener);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));

    unsubscribe();
    await vi.waitFor(() => expect(stream.cancelled).toHaveBeenCalled());
    expect(signals[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('gives up when the server refuses the token, and never connects without one', async () => {
    const refused = fakeEnv([{ ok: false, status: 401, body: null } as unknown as Response]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    createHttpEvents(refused.env)(() => undefined);
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(refused.fetch).toHaveBeenCalledTimes(1);
    expect(refused.delays).toEqual([]);
    error.mockRestore();

    const none = fakeEnv([], null);
    createHttpEvents(none.env)(() => undefined)();
    expect(none.fetch).not.toHaveBeenCalled();
  });
});
