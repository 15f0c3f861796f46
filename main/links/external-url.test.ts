import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, openExternalUrl, UnsafeUrlError } from './external-url.js';

describe('R7 external link allowlist', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://host/share/x',
    '\\\\host\\share',
    '//host/share',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'https://user:pass@example.com/',
    'http://',
    'not a url',
    '',
  ])('refuses %s', (value) => {
    expect(() => checkExternalUrl(value)).toThrow(UnsafeUrlError);
  });

  it('accepts plain http and https and normalises them', () => {
    expect(checkExternalUrl(' https://www.jpcert.or.jp/at/2019/at190044.html ')).toBe('https://www.jpcert.or.jp/at/2019/at190044.html');
    expect(checkExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it('refuses non-strings', () => {
    expect(() => checkExternalUrl({ toString: () => 'https://x' })).toThrow(UnsafeUrlError);
  });

  it('calls the opener only for a vetted URL', async () => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalUrl('file:///etc/passwd', open)).rejects.toThrow(UnsafeUrlError);
    expect(open).not.toHaveBeenCalled();
    await openExternalUrl('https://example.com/a', open);
    expect(open).toHaveBeenCalledWith('https://example.com/a');
  });
});
