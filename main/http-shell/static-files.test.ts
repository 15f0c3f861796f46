import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-database.js';
import { readStaticFile, resolveStaticPath } from './static-files.js';

describe('R12 static file path guard', () => {
  const root = makeTempDir();
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

  it('serves files inside the renderer folder', async () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect((await readStaticFile(root, '/assets/app.js'))?.type).toMatch(/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/..%2f..%2fetc%2fpasswd.html',
    '/%2e%2e/%2e%2e/etc/passwd.html',
    '/assets/..%5c..%5csecret.html',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets/app.exe',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });

  it('answers null for a missing file', async () => {
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });
});
