-- The officer's own annotations of an item (issue #5, the detail): a note in Markdown, tags, and links to
-- related items. They belong to the officer, not to the source: re-import and re-extraction never touch
-- them, and every change to them is also appended to field_changes (0003) as ISMS evidence.

-- One note per item; an emptied note is deleted (field_changes keeps what it said).
CREATE TABLE item_notes (
  item_id     INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  body        TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  updated_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL
);

-- Tags are normalised by the application (NFKC, trimmed, inner whitespace collapsed, at most 40
-- characters, no control characters); the checks below are the part SQL can state, so a writer that
-- skipped the normaliser still cannot store an empty, padded, overlong or control-character tag.
CREATE TABLE item_tags (
  item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag      TEXT    NOT NULL CHECK (
             length(tag) BETWEEN 1 AND 40
             AND tag = trim(tag)
             AND tag NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || ']*')
           ),
  PRIMARY KEY (item_id, tag)
) WITHOUT ROWID;

-- The board's tag filter is an EXISTS over (tag, item_id); tags.list counts per tag.
CREATE INDEX item_tags_by_tag ON item_tags(tag, item_id);

-- Related items. The relation is symmetric, so each pair is stored once with item_a < item_b and read
-- from both ends (the second index serves the item_b side).
CREATE TABLE item_links (
  item_a      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  item_b      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  note        TEXT    CHECK (note IS NULL OR length(note) <= 500),
  created_at  TEXT    NOT NULL,
  created_by  TEXT    NOT NULL,
  PRIMARY KEY (item_a, item_b),
  CHECK (item_a < item_b)
) WITHOUT ROWID;

CREATE INDEX item_links_by_b ON item_links(item_b, item_a);
