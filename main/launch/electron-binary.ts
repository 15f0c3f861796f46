// Whether Electron's binary is here. The `electron` package is optional: where its download is blocked
// (offline machines, corporate proxies) npm drops it or installs it without the binary, and the app
// then runs in the browser shell instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  try {
    // The package's main module returns the binary path, and throws when the download never happened.
    const path = require('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { available: true, path };
    return { available: false, reason: 'the Electron package is installed without its binary' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      available: false,
      reason:
        code === 'MODULE_NOT_FOUND'
          ? 'the optional Electron package is not installed'
          : 'the Electron binary was not downloaded (offline or blocked)',
    };
  }
}
