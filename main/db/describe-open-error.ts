// One clear line for the officer when a database cannot be opened, whichever entry point tried.
import {
  DatabaseCorruptError,
  DatabaseFromNewerVersionError,
  ForeignDatabaseError,
  MigrationSequenceError,
} from './database-errors.js';

export function describeOpenError(error: unknown, path: string): string {
  if (
    error instanceof DatabaseCorruptError ||
    error instanceof DatabaseFromNewerVersionError ||
    error instanceof ForeignDatabaseError ||
    error instanceof MigrationSequenceError
  ) {
    return `Cannot open the database: ${error.message}`;
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'SQLITE_CANTOPEN') return `Cannot open the database: ${path} cannot be opened (missing folder or no permission).`;
  if (code === 'SQLITE_BUSY') return `Cannot open the database: ${path} is in use by another program; try again.`;
  if (code === 'SQLITE_READONLY') return `Cannot open the database: ${path} is read-only.`;
  return `Cannot open the database ${path}: ${error instanceof Error ? error.message : String(error)}`;
}
