import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('renderer content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('runs only our own scripts: no inline, no eval, no data:, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('lets the sandboxed srcdoc preview style itself (inline style, data: fonts) and nothing more', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    // No URL-loaded frame at all: the preview is srcdoc, which frame-src does not govern.
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  it('keeps every fetch on our origin, so a style cannot send data anywhere', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the meta policy in index.html (a second wall, also enforced) allows the same for the preview, no more', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const inMeta = directives(meta);
    for (const name of ['default-src', 'script-src', 'style-src', 'font-src', 'frame-src', 'img-src', 'connect-src']) {
      expect(inMeta.get(name), name).toEqual(csp.get(name));
    }
  });
});
