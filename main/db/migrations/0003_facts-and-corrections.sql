-- What the extractor read out of each item (suggestions), and the officer's corrections, kept apart so
-- that re-import and re-extraction can rewrite the first and never touch the second.

-- One row per item; rewritten whenever the item's text changes or the extractor's version is newer.
-- The scalar columns repeat facts_json's values that the board filters and sorts on.
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

CREATE INDEX item_facts_by_version ON item_facts(extractor_version);
CREATE INDEX item_facts_by_case ON item_facts(organization, case_id);

-- The officer's current correction per field (latest wins). A field is a fact path such as 'category',
-- 'severity', 'affected.people' or 'dataTypes'; the value is JSON in the fact's own shape.
CREATE TABLE item_corrections (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field         TEXT    NOT NULL,
  value_json    TEXT    NOT NULL,
  corrected_at  TEXT    NOT NULL,
  corrected_by  TEXT    NOT NULL,
  PRIMARY KEY (item_id, field)
) WITHOUT ROWID;

-- Every change the officer makes to a field (corrections, and later notes and tags), append-only: ISMS
-- evidence of who changed what, when, from what to what.
CREATE TABLE field_changes (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field        TEXT    NOT NULL,
  from_json    TEXT,
  to_json      TEXT,
  changed_at   TEXT    NOT NULL,
  changed_by   TEXT    NOT NULL
);

CREATE INDEX field_changes_by_item ON field_changes(item_id, id);

CREATE TRIGGER field_changes_no_update BEFORE UPDATE ON field_changes
BEGIN
  SELECT RAISE(ABORT, 'field history is append-only');
END;

-- Small settings the officer edits (organisation profile, remembered column mappings…), one JSON per key.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;
