import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender.js';

describe('R9 IPC sender check', () => {
  it('accepts only the app main frame on app://triage', () => {
    expect(isTrustedSender('app://triage/index.html', true)).toBe(true);
    expect(isTrustedSender('app://triage/index.html#x', true)).toBe(true);
  });

  it.each([
    ['app://triage/index.html', false],
    ['app://triage.evil/index.html', true],
    ['app://evil/index.html', true],
    ['about:blank', true],
    ['data:text/html,x', true],
    ['file:///index.html', true],
    ['http://127.0.0.1:3000/', true],
    ['app://user:pw@triage/', true],
    ['', true],
    [undefined, true],
  ] as const)('refuses %s (main frame: %s)', (url, isMainFrame) => {
    expect(isTrustedSender(url, isMainFrame)).toBe(false);
  });
});
