// The one module that talks to node-sqlite3. Its callback API is wrapped into promises here and nowhere
// else, and callers get handles typed by capability: a ReadDb cannot write, and writes happen only inside
// `withTransaction`, which is serialised so two async writers can never interleave on the one connection
// (node-sqlite3 would otherwise report "cannot start a transaction within a transaction", or worse, mix
// their statements into one transaction).
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer | Uint8Array;
export type SqlParams = readonly SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastId: number;
}

export interface ReadDb {
  readonly path: string;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
}

export interface WriteDb extends ReadDb {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  exec(sql: string): Promise<void>;
}

/** SQLite's default limit on host parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER, 32766 since 3.32). */
export const MAX_SQL_PARAMS = 32_766;

export class Connection implements ReadDb {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly path: string,
  ) {}

  static open(path: string, mode: 'readwrite-create' | 'readwrite' | 'readonly'): Promise<Connection> {
    const flags =
      mode === 'readonly'
        ? sqlite3.OPEN_READONLY
        : mode === 'readwrite'
          ? sqlite3.OPEN_READWRITE
          : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(new Connection(raw, path))));
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT, after every transaction queued before it. Any error
   * rolls back and is rethrown, so a failed import or status change leaves the database as it was.
   * IMMEDIATE takes the write lock up front: a second process (the CLI while the app is open) then waits
   * on the busy timeout instead of failing halfway through.
   */
  withTransaction<T>(work: (db: WriteDb) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const tx = this.writeHandle();
      await tx.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (error) {
        await tx.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** For schema work and pragmas at open time only; application writes go through withTransaction. */
  unsafeWriteHandle(): WriteDb {
    return this.writeHandle();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.queue.then(
      () => new Promise<void>((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve()))),
    );
  }

  private writeHandle(): WriteDb {
    const raw = this.raw;
    return {
      path: this.path,
      get: (sql, params) => this.get(sql, params),
      all: (sql, params) => this.all(sql, params),
      run: (sql, params = []) =>
        new Promise<RunResult>((resolve, reject) => {
          raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ changes: this.changes, lastId: this.lastID });
          });
        }),
      exec: (sql) => new Promise<void>((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve()))),
    };
  }
}

/** Splits rows into chunks whose parameters stay under SQLite's host-parameter limit. */
export function chunkRows<T>(rows: readonly T[], paramsPerRow: number, maxParams = MAX_SQL_PARAMS): T[][] {
  const size = Math.max(1, Math.floor(maxParams / paramsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
