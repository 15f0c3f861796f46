// Named errors for every way opening a database can be refused, so each entry point (app, shell, CLI) can
// show the officer what happened and what to do, instead of a raw SQLite code.

export class DatabaseFromNewerVersionError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${path} was written by a newer Triage Desk (schema ${found}, this version knows up to ${supported}). ` +
        'Update the app; the file was not changed.',
    );
    this.name = 'DatabaseFromNewerVersionError';
  }
}

export class DatabaseCorruptError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      `${path} failed its integrity check (${detail}). It was left untouched; restore a backup or open another file.`,
    );
    this.name = 'DatabaseCorruptError';
  }
}

export class ForeignDatabaseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a SQLite file of another application, not a Triage Desk database. It was not changed.`);
    this.name = 'ForeignDatabaseError';
  }
}

export class MigrationSequenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationSequenceError';
  }
}
