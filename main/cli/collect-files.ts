// Expands the paths given to `import` into files. Folders are walked without following symbolic links,
// so a link loop ends and a link pointing outside the folder is not read.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportError } from '../../shared/domain/item.js';
import { isSupportedFile } from '../features/import/import-files.js';

export interface CollectedFiles {
  files: string[];
  errors: ImportError[];
}

export function collectImportFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const errors: ImportError[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      errors.push({ file: dir, line: null, message: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry);
      const stat = lstatSync(full, { throwIfNoEntry: false });
      if (!stat || stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && isSupportedFile(full)) files.push(full);
    }
  };
  for (const path of paths) {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) errors.push({ file: path, line: null, message: 'no such file or folder' });
    else if (stat.isDirectory()) walk(path);
    else files.push(path); // named explicitly: let the importer say if its type is unsupported
  }
  return { files, errors };
}
