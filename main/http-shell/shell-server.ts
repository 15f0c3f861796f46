// The browser shell: the same renderer and the same handler table as the Electron app, with the contract
// carried as POST /api/<channel> on 127.0.0.1. Every request passes the Host check; API calls also need
// our Origin (when the browser sends one), a JSON content type (a cross-site form cannot send it) and the
// per-launch token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, isChannel } from '../dispatch.js';
import type { EventHub } from '../events/event-hub.js';
import type { Handlers } from '../handlers.js';
import { SECURITY_HEADERS } from '../security/content-security-policy.js';
import { hasValidToken, isAllowedHost, isAllowedOrigin } from './request-guard.js';
import { readStaticFile } from './static-files.js';
import { UploadTooLargeError, type UploadStore } from './upload-store.js';

/** Base64 of the largest import payload the contract accepts, plus room for the JSON around it. */
const MAX_BODY_BYTES = 100 * 1024 * 1024;

export interface ShellOptions {
  handlers: Handlers;
  /** Pushed events, streamed to the page at GET /api/events (server-sent events). */
  events?: EventHub;
  rendererDir: string;
  token: string;
  port?: number;
  /** Where POST /api/upload puts files for import (the same store the handlers take them from). */
  uploads?: UploadStore;
}

export interface RunningShell {
  server: Server;
  port: number;
  /** The address to open, token in the fragment so it never reaches a server log or a Referer header. */
  url: string;
  close: () => Promise<void>;
}

export async function startShellServer(options: ShellOptions): Promise<RunningShell> {
  const server = createServer((req, res) => {
    handleRequest(req, res, options, (server.address() as AddressInfo).port).catch((error: unknown) => {
      console.error('[triage-desk] shell request failed:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = 10 * 60 * 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Event streams stay open by design; without this a stop would wait for the browser tab to close.
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, options: ShellOptions, port: number) {
  if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/api/')) return handleApi(req, res, options, port, path.slice('/api/'.length));
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  const file = await readStaticFile(options.rendererDir, path);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  return send(res, 200, file.type, req.method === 'HEAD' ? '' : file.body);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, options: ShellOptions, port: number, name: string) {
  const json = 'application/json; charset=utf-8';
  if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, json, JSON.stringify({ error: 'forbidden origin' }));
  if (name === 'events' && req.method === 'GET') {
    if (!hasValidToken(req.headers.authorization, options.token)) {
      return send(res, 401, json, JSON.stringify({ error: 'missing or wrong token' }));
    }
    return streamEvents(req, res, options.events);
  }
  if (req.method !== 'POST') return send(res, 405, json, JSON.stringify({ error: 'method not allowed' }));
  if (name === 'upload') return receiveUpload(req, res, options);
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return send(res, 415, json, JSON.stringify({ error: 'content type must be application/json' }));
  }
  if (!hasValidToken(req.headers.authorization, options.token)) {
    return send(res, 401, json, JSON.stringify({ error: 'missing or wrong token' }));
  }
  if (!isChannel(name)) return send(res, 404, json, JSON.stringify({ error: 'unknown channel' }));
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return send(res, 413, json, JSON.stringify({ error: 'request too large' }));
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return send(res, 400, json, JSON.stringify({ error: 'body is not JSON' }));
  }
  const result = await dispatch(options.handlers, name, input);
  return send(res, 200, json, JSON.stringify(result));
}

/**
 * Raw file bytes for import. Same token and Origin checks as every call; the content type must be
 * application/octet-stream — a cross-site form can send only text/plain, urlencoded or multipart, and the
 * Origin check stops scripts of other sites.
 */
async function receiveUpload(req: IncomingMessage, res: ServerResponse, options: ShellOptions) {
  const json = 'application/json; charset=utf-8';
  if (!options.uploads) return send(res, 404, json, JSON.stringify({ error: 'uploads are not enabled' }));
  if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? '')) {
    return send(res, 415, json, JSON.stringify({ error: 'content type must be application/octet-stream' }));
  }
  if (!hasValidToken(req.headers.authorization, options.token)) {
    return send(res, 401, json, JSON.stringify({ error: 'missing or wrong token' }));
  }
  try {
    const uploadId = await options.uploads.receive(req);
    return send(res, 200, json, JSON.stringify({ uploadId }));
  } catch (error) {
    if (error instanceof UploadTooLargeError) return send(res, 413, json, JSON.stringify({ error: error.message }));
    throw error;
  }
}

/**
 * Server-sent events, read by the page with fetch (EventSource cannot send the token header). A comment
 * line every 15 s keeps idle connections from being dropped.
 */
function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventHub | undefined): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = events?.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`)) ?? (() => undefined);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}
