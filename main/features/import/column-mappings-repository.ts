// The column mappings the officer made for CSV header rows the importer did not recognise, remembered per
// header set in settings ('import.columnMappings'), so the next export of the same sheet imports at once.
import { COLUMN_CHOICES } from '../../../shared/domain/import-record.js';
import type { Connection, ReadDb } from '../../db/database.js';
import { headerSetKey, MAX_MAPPED_COLUMNS, type ColumnChoice, type RememberedMappings } from './header-map.js';

export const COLUMN_MAPPINGS_SETTING = 'import.columnMappings';
/** Header sets remembered; the oldest are forgotten beyond this (settings stay small). */
const MAX_REMEMBERED = 200;

const CHOICES: ReadonlySet<string> = new Set<string>(COLUMN_CHOICES);

function isChoiceList(value: unknown): value is (ColumnChoice | null)[] {
  return Array.isArray(value) && value.length <= MAX_MAPPED_COLUMNS && value.every((v) => v === null || (typeof v === 'string' && CHOICES.has(v)));
}

export async function readColumnMappings(db: ReadDb): Promise<RememberedMappings> {
  const row = await db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [COLUMN_MAPPINGS_SETTING]);
  if (!row) return {};
  const stored = JSON.parse(row.value_json) as unknown;
  if (typeof stored !== 'object' || stored === null) return {};
  // Anything malformed (a hand-edited database) is dropped rather than trusted.
  return Object.fromEntries(Object.entries(stored).filter(([, choices]) => isChoiceList(choices)));
}

export class InvalidColumnMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidColumnMappingError';
  }
}

/** Remembers the officer's choice per column for this header row. Exactly one column must be the title. */
export async function saveColumnMapping(
  db: Connection,
  headers: readonly string[],
  choices: readonly (ColumnChoice | null)[],
  now: () => Date = () => new Date(),
): Promise<RememberedMappings> {
  if (headers.length === 0 || headers.length > MAX_MAPPED_COLUMNS) throw new InvalidColumnMappingError(`a mapping covers 1 to ${MAX_MAPPED_COLUMNS} columns`);
  if (choices.length !== headers.length) throw new InvalidColumnMappingError('one choice per column is needed');
  if (!isChoiceList(choices)) throw new InvalidColumnMappingError('unknown field in the mapping');
  const used = choices.filter((c): c is ColumnChoice => c !== null && c !== 'ignore');
  if (used.filter((c) => c === 'title').length !== 1) throw new InvalidColumnMappingError('exactly one column must be the title');
  if (new Set(used).size !== used.length) throw new InvalidColumnMappingError('a field can be taken by one column only');
  return db.withTransaction(async (tx) => {
    const current = await readColumnMappings(tx);
    const key = headerSetKey(headers);
    const entries = Object.entries(current).filter(([k]) => k !== key);
    const next = Object.fromEntries([...entries.slice(-(MAX_REMEMBERED - 1)), [key, [...choices]]]);
    await tx.run(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
      [COLUMN_MAPPINGS_SETTING, JSON.stringify(next), now().toISOString()],
    );
    return next;
  });
}
