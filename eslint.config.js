// Lint enforces the process boundaries (conventions.md §1): the path of a file says where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', ...nodeBuiltins], message: 'The renderer runs in a sandboxed page: no Electron, no Node.' },
          { group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer reaches main only through the contract (renderer/api).' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Services run under plain Node; Electron code belongs in main/app/.' },
          { group: ['react', 'react-dom', 'react/*', '**/renderer/**'], message: 'main/ never imports the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'shared/ is plain TypeScript (plus zod) for both sides.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
        ],
      }],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['zod', '**/shared/ipc/contract*'], message: 'The preload imports only channel names (type imports excepted).', allowTypeImports: true }],
      }],
    },
  },
  {
    // Build scripts are plain Node ESM.
    files: ['build/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies: `async ({}, use) => …`.
    files: ['e2e/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
