import { describe, expect, it } from 'vitest';
import { toSafeHttpUrl } from './safe-url.js';

describe('toSafeHttpUrl', () => {
  it('F11 lets only absolute http(s) links through', () => {
    expect(toSafeHttpUrl('https://www.jpcert.or.jp/at/2019/at190044.html')).toBe('https://www.jpcert.or.jp/at/2019/at190044.html');
    expect(toSafeHttpUrl('  http://example.com/a?b=1&c=2#d ')).toBe('http://example.com/a?b=1&c=2#d');
    expect(toSafeHttpUrl('HTTPS://Example.COM')).toBe('HTTPS://Example.COM');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///C:/Windows/win.ini',
    'file:///etc/passwd',
    '\\\\host\\share\\x',
    '//host/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'x-custom:thing',
    'mailto:a@example.com',
    'https:\\\\evil.example',
    'http:evil.example',
    'https://exa\u202Eelpmaxe.com',
    'https://example.com/\u200Bx',
    'https://exa mple.com',
    '/relative/path',
    '',
  ])('F11 refuses %j', (raw) => {
    expect(toSafeHttpUrl(raw)).toBeNull();
  });
});
