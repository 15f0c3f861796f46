import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../events/event-hub.js';
import { createHandlers } from '../handlers.js';
import { openTempDatabase, type TempDatabase } from '../testing/temp-database.js';
import { createLaunchToken, hasValidToken } from './request-guard.js';
import { startShellServer, type RunningShell } from './shell-server.js';
import { UploadStore } from './upload-store.js';

let t: TempDatabase;
let shell: RunningShell;
const events = new EventHub();
const token = createLaunchToken();
const uploads = new UploadStore(1024 * 1024);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: shell.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(channel: string, input: unknown, headers: Record<string, string> = {}) {
  return send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  t = await openTempDatabase();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  await t.db.withTransaction(async (tx) => {
    await tx.run(`INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (1, 'k', 'h', '<script>alert(1)</script>', 'now', 'now')`);
  });
  const handlers = createHandlers({ db: t.db, version: '0.0.0-test', transport: 'http', actor: 'tester', events, uploads });
  shell = await startShellServer({ handlers, rendererDir, token, events, uploads });
});
afterAll(async () => {
  await shell.close();
  uploads.close();
  await t.cleanup();
});

describe('browser shell', () => {
  it('binds to loopback and prints a URL with the token in the fragment', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#token=${token}`);
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with the strict CSP and no wildcard CORS', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    // Scripts only from the app itself; inline style is allowed for the sandboxed bulletin preview only.
    const scriptSrc = /script-src [^;]*/.exec(String(reply.headers['content-security-policy']))?.[0] ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('carries the contract: board.load and items.move round trip', async () => {
    const board = JSON.parse((await api('board.load', {})).body);
    expect(board.ok).toBe(true);
    expect(board.value.total).toBe(1);
    const moved = JSON.parse((await api('items.move', { id: 1, to: 'triage' })).body);
    expect(moved).toMatchObject({ ok: true, value: { item: { status: 'triage' }, change: { from: 'new', to: 'triage', changedBy: 'tester' } } });
  });

  it('R8 answers invalid input with a typed error, not a crash', async () => {
    const reply = JSON.parse((await api('items.move', { id: 'DROP TABLE', to: 'x' })).body);
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('invalid-input');
    const missing = JSON.parse((await api('items.get', { id: 424242 })).body);
    expect(missing.error.code).toBe('not-found');
  });

  it('R18 refuses API calls without the token or with a wrong one', async () => {
    expect((await api('board.load', {}, { Authorization: '' })).status).toBe(401);
    expect((await api('board.load', {}, { Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
  });

  it('R18 refuses a cross-origin page, a form post and a GET that would change state', async () => {
    expect((await api('items.move', { id: 1, to: 'dismissed' }, { Origin: 'http://evil.test' })).status).toBe(403);
    const form = await send('/api/items.move', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${token}` },
      body: 'id=1&to=dismissed',
    });
    expect(form.status).toBe(415);
    expect((await send('/api/items.move?id=1&to=dismissed')).status).toBe(405);
    const board = JSON.parse((await api('items.get', { id: 1 })).body);
    expect(board.value.status).not.toBe('dismissed');
  });

  it('R18 refuses a DNS-rebinding Host on every request', async () => {
    expect((await send('/', { headers: { Host: `evil.test:${shell.port}` } })).status).toBe(403);
    expect((await api('board.load', {}, { Host: `evil.test:${shell.port}` })).status).toBe(403);
  });

  it('refuses unknown channels and non-JSON bodies', async () => {
    expect((await api('fs.readFile', {})).status).toBe(404);
    expect((await api('__proto__', {})).status).toBe(404);
    const broken = await send('/api/board.load', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
  });
});

describe('pushed events', () => {
  it('streams import progress to a page holding the token, and to nobody else', async () => {
    expect((await send('/api/events')).status).toBe(401);
    expect((await send('/api/events', { headers: { Authorization: `Bearer ${token}`, Origin: 'http://evil.test' } })).status).toBe(403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, path: '/api/events', headers: { Authorization: `Bearer ${token}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let text = '';
        let started = false;
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (!started && text.includes('connected')) {
            started = true;
            void api('import.demo', { jobId: 'job-12345678' });
          }
          if (text.includes('"phase":"done"')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      req.end();
    });
    const events = received.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
    expect(events[0]).toMatchObject({ name: 'import.progress', payload: { jobId: 'job-12345678', fileName: 'demo-items.csv', phase: 'reading' } });
    expect(events.at(-1)).toMatchObject({ payload: { phase: 'done', recordsDone: 20, recordCount: 20 } });
  });

  it('cancels a running import by its job id, and says so when no such import runs', async () => {
    const none = JSON.parse((await api('import.cancel', { jobId: 'no-such-job' })).body);
    expect(none).toEqual({ ok: true, value: { cancelled: false } });
    expect(JSON.parse((await api('import.cancel', { jobId: 'x' })).body).error.code).toBe('invalid-input');
  });
});

describe('R19 launch token', () => {
  it('is 256 random bits, fresh each time', () => {
    const a = createLaunchToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(createLaunchToken()).not.toBe(a);
  });

  it('is compared whole', () => {
    expect(hasValidToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasValidToken(`Bearer ${token.slice(0, 63)}0`, token === `${token.slice(0, 63)}0` ? 'x' : token)).toBe(false);
    expect(hasValidToken(token, token)).toBe(false);
    expect(hasValidToken(undefined, token)).toBe(false);
  });
});

describe('pasted text', () => {
  it('H6 imports pasted text through the page splitter, and pasted HTML as inert text', async () => {
    const text = [
      '2023年7月3日',
      '株式会社テスト商事 不正アクセスによる個人情報流出のお知らせ',
      '当社サーバーへの不正アクセスにより、顧客情報が流出した可能性があります。',
      '',
      '2023年7月5日',
      '〇〇市 メール誤送信について',
      '職員が市民あてのメールを誤った宛先に送信しました。',
    ].join('\n');
    const reply = JSON.parse((await api('import.text', { text })).body);
    expect(reply).toMatchObject({ ok: true, value: { imported: 2, failed: 0 } });
    const html = '<h2>ランサムウェア被害のお知らせ</h2><p>2023年7月10日 <script>alert(1)</script>システムが暗号化されました。</p>';
    const htmlReply = JSON.parse((await api('import.text', { text: html })).body);
    expect(htmlReply.ok).toBe(true);
    const board = JSON.parse((await api('board.load', { text: 'ランサムウェア被害' })).body);
    const card = board.value.columns[0].cards[0];
    const detail = JSON.parse((await api('items.get', { id: card.id })).body);
    expect(detail.value.body).not.toContain('<script>');
    expect(detail.value.importedFrom).toBe('pasted-text.txt');
  });
});

describe('raw uploads for import', () => {
  const csv = 'title,date,body\nアップロードされた項目,2023-07-01,本文\n';
  const upload = (headers: Record<string, string>, body = csv) => send('/api/upload', { method: 'POST', headers, body });
  const good = { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` };

  it('R9 takes raw bytes with the token and our origin only, then imports them once by id', async () => {
    expect((await upload({ 'Content-Type': 'application/octet-stream' })).status).toBe(401);
    expect((await upload({ ...good, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await upload({ ...good, Origin: 'http://evil.test' })).status).toBe(403);
    expect((await upload({ ...good, 'Content-Type': 'multipart/form-data; boundary=x' })).status).toBe(415);
    const reply = await upload(good);
    expect(reply.status).toBe(200);
    const { uploadId } = JSON.parse(reply.body) as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);

    const imported = JSON.parse((await api('import.files', { files: [{ name: 'list.csv', uploadId }] })).body);
    expect(imported).toMatchObject({ ok: true, value: { imported: 1, failed: 0 } });
    // An id is taken once: a replay (or a guess) is refused, and nothing is imported twice.
    const replay = JSON.parse((await api('import.files', { files: [{ name: 'list.csv', uploadId }] })).body);
    expect(replay).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const guess = JSON.parse((await api('import.files', { files: [{ name: 'x.csv', uploadId: 'f'.repeat(32) }] })).body);
    expect(guess).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const traversal = JSON.parse((await api('import.files', { files: [{ name: 'x.csv', uploadId: '../../etc/passwd' }] })).body);
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // A call naming one good and one unknown upload imports nothing, and the good one is not left behind.
    const second = JSON.parse((await upload(good, 'title,date,body\n二件目,2023-07-02,本文\n')).body) as { uploadId: string };
    const mixed = JSON.parse((await api('import.files', { files: [{ name: 'a.csv', uploadId: second.uploadId }, { name: 'b.csv', uploadId: 'e'.repeat(32) }] })).body);
    expect(mixed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const again = JSON.parse((await api('import.files', { files: [{ name: 'a.csv', uploadId: second.uploadId }] })).body);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const board = JSON.parse((await api('board.load', { text: '二件目' })).body);
    expect(board.value.matching).toBe(0);
  });

  it('refuses an upload over the limit with 413, keeping nothing', async () => {
    const reply = await upload(good, 'x'.repeat(1024 * 1024 + 1));
    expect(reply.status).toBe(413);
  });
});
