CREATE INDEX field_changes_by_item ON field_changes(item_id, id);

CREATE INDEX item_facts_by_case ON item_facts(organization, case_id);

CREATE INDEX item_facts_by_version ON item_facts(extractor_version);

CREATE INDEX item_updates_by_item ON item_updates(item_id, id);

CREATE INDEX items_by_batch ON items(import_batch_id);

CREATE INDEX items_by_status_date ON items(status, published_at DESC, id DESC);

CREATE INDEX status_changes_by_item ON status_changes(item_id, id);

CREATE TABLE field_changes (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field        TEXT    NOT NULL,
  from_json    TEXT,
  to_json      TEXT,
  changed_at   TEXT    NOT NULL,
  changed_by   TEXT    NOT NULL
);

CREATE TABLE import_batches (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT    NOT NULL,
  file_size     INTEGER NOT NULL,
  sha256        TEXT    NOT NULL,
  format        TEXT    NOT NULL,
  encoding      TEXT,
  started_at    TEXT    NOT NULL,
  finished_at   TEXT    NOT NULL,
  imported      INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0,
  errors_json   TEXT    NOT NULL DEFAULT '[]'
, undone_at TEXT, removed INTEGER NOT NULL DEFAULT 0);

CREATE TABLE item_corrections (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field         TEXT    NOT NULL,
  value_json    TEXT    NOT NULL,
  corrected_at  TEXT    NOT NULL,
  corrected_by  TEXT    NOT NULL,
  PRIMARY KEY (item_id, field)
) WITHOUT ROWID;

CREATE TABLE item_facts (
  item_id            INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  extractor_version  INTEGER NOT NULL,
  content_hash       TEXT    NOT NULL,
  extracted_at       TEXT    NOT NULL,
  kind               TEXT    CHECK (kind IS NULL OR kind IN ('incident', 'advisory', 'publication', 'event', 'other')),
  category           TEXT,
  severity           INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 4),
  appi_reportable    INTEGER CHECK (appi_reportable IS NULL OR appi_reportable IN (0, 1)),
  organization       TEXT,
  case_id            TEXT,
  report_seq         TEXT,
  facts_json         TEXT    NOT NULL
);

CREATE TABLE item_updates (
  id               INTEGER PRIMARY KEY,
  item_id          INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  import_batch_id  INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  updated_at       TEXT    NOT NULL,
  previous_title   TEXT    NOT NULL,
  previous_body    TEXT    NOT NULL
);

CREATE TABLE items (
  id               INTEGER PRIMARY KEY,
  -- Normalised title + date (or link): the same story from another snapshot is the same item.
  identity_key     TEXT    NOT NULL UNIQUE,
  -- Hash of the imported content: equal means duplicate, different means the source changed the text.
  content_hash     TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  organization     TEXT,
  published_at     TEXT CHECK (published_at IS NULL OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  published_at_raw TEXT,
  source_category  TEXT,
  source_name      TEXT,
  source_url       TEXT,
  body             TEXT    NOT NULL DEFAULT '',
  extra_json       TEXT    NOT NULL DEFAULT '{}',
  status           TEXT    NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'triage', 'action', 'notified', 'dismissed')),
  import_batch_id  INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE status_changes (
  -- The rowid is the order of events even if the clock moves backwards (VM restore, timezone change).
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  from_status  TEXT,
  to_status    TEXT    NOT NULL,
  changed_at   TEXT    NOT NULL,
  changed_by   TEXT    NOT NULL
);

CREATE TRIGGER field_changes_no_update BEFORE UPDATE ON field_changes
BEGIN
  SELECT RAISE(ABORT, 'field history is append-only');
END;

CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes
BEGIN
  SELECT RAISE(ABORT, 'status history is append-only');
END;
