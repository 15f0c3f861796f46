import type { ImportError } from './item.js';

/** One entry of the import history: what a file was, what became of it, and whether it was undone. */
export interface ImportRecord {
  id: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  imported: number;
  duplicates: number;
  updated: number;
  failed: number;
  errors: ImportError[];
  undoneAt: string | null;
  /** Items the undo removed (new and untouched since the import). */
  removed: number;
}

export interface UndoImportResult {
  removed: number;
  /** New items of the import the officer had already triaged: they stay. */
  kept: number;
}

/** What a column of an unrecognised CSV header row can be mapped to in the import's mapping step. */
export const COLUMN_CHOICES = ['title', 'publishedAt', 'body', 'sourceUrl', 'organization', 'sourceCategory', 'sourceName', 'ignore'] as const;
export type ColumnChoice = (typeof COLUMN_CHOICES)[number];
