// Proves the lint rules that keep each process in its lane actually fire: a rule that cannot fail would
// let a renderer import of node:fs or a service import of electron slip through review.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('process boundaries', () => {
  it.each([
    ['renderer/features/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/features/x.ts', "import { openDatabase } from '../../main/db/open-database.js';\nexport const x = openDatabase;\n"],
    ['main/features/x.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
    ['main/db/x.ts', "import React from 'react';\nexport const x = React;\n"],
    ['shared/domain/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['shared/ipc/x.ts', "import { dispatch } from '../../main/dispatch.js';\nexport const x = dispatch;\n"],
  ])('%s may not import across its boundary', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['main/app/x.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
    ['main/features/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['renderer/features/x.ts', "import { STATUSES } from '../../shared/domain/vocabulary.js';\nexport const x = STATUSES;\n"],
  ])('%s may import what its process has', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).not.toContain('no-restricted-imports');
  });
});
