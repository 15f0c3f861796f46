import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences.js';

describe('R2 web preferences', () => {
  it('lock every window down as the Electron security checklist asks', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});
