-- Import history the officer can audit and undo, and a record of every text update an import made.

ALTER TABLE import_batches ADD COLUMN undone_at TEXT;
ALTER TABLE import_batches ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;

CREATE INDEX items_by_batch ON items(import_batch_id);

-- When a snapshot brings a changed text for a known item, the text it replaced is kept here: the
-- officer's triage stays on the item, and what changed under it stays visible.
CREATE TABLE item_updates (
  id               INTEGER PRIMARY KEY,
  item_id          INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  import_batch_id  INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  updated_at       TEXT    NOT NULL,
  previous_title   TEXT    NOT NULL,
  previous_body    TEXT    NOT NULL
);

CREATE INDEX item_updates_by_item ON item_updates(item_id, id);
