// Serves the built renderer as app://triage/…, with the app's CSP, from inside the renderer folder only
// (the same path guard as the browser shell). A custom secure scheme instead of file:// keeps the
// renderer's origin fixed, which the IPC sender check relies on.
import { protocol } from 'electron';
import { readStaticFile } from '../http-shell/static-files.js';
import { SECURITY_HEADERS } from '../security/content-security-policy.js';
import { APP_HOST, APP_SCHEME } from '../security/trusted-sender.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
  });
}
