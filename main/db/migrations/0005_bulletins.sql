-- Awareness bulletins (issue #6, domain.md "Bulletins"): drafts, their versions, the items they cover,
-- an append-only history of every change, and the issued artifacts kept byte for byte as ISMS evidence.

-- One row per version of a bulletin. A new version of an issued bulletin is a new row with the same
-- number (year, sequence), version + 1 and parent_id pointing at the version it replaces.
CREATE TABLE bulletins (
  id              INTEGER PRIMARY KEY,
  number          TEXT    NOT NULL,
  year            INTEGER NOT NULL,
  sequence        INTEGER NOT NULL CHECK (sequence >= 1),
  version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  parent_id       INTEGER REFERENCES bulletins(id),
  template        TEXT    NOT NULL CHECK (template IN ('single', 'digest')),
  language        TEXT    NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
  title           TEXT    NOT NULL,
  date            TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  department      TEXT    NOT NULL DEFAULT '',
  audience        TEXT    NOT NULL DEFAULT '',
  classification  TEXT    NOT NULL CHECK (classification IN ('社外秘', '社内限り', '公開')),
  body_markdown   TEXT    NOT NULL,
  -- Category counts of a digest, drawn as an inline SVG chart where the body says {{chart}}.
  chart_json      TEXT,
  state           TEXT    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved', 'issued')),
  created_at      TEXT    NOT NULL,
  created_by      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (year, sequence, version)
);

CREATE INDEX bulletins_by_parent ON bulletins(parent_id);

-- An issued bulletin is frozen: whatever code runs, the database refuses to change or delete it.
CREATE TRIGGER bulletins_issued_frozen BEFORE UPDATE ON bulletins WHEN OLD.state = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'an issued bulletin is frozen; create a new version');
END;

CREATE TRIGGER bulletins_issued_kept BEFORE DELETE ON bulletins WHEN OLD.state = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'an issued bulletin is kept');
END;

-- The items a bulletin covers, in the order it lists them.
CREATE TABLE bulletin_items (
  bulletin_id  INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  PRIMARY KEY (bulletin_id, item_id)
) WITHOUT ROWID;

-- "Which bulletins covered this item" (SEC-2023-012 で周知) is asked per item.
CREATE INDEX bulletin_items_by_item ON bulletin_items(item_id);

-- Every change to a bulletin (created, edited fields, approved, issued, new version), append-only.
CREATE TABLE bulletin_changes (
  id           INTEGER PRIMARY KEY,
  bulletin_id  INTEGER NOT NULL REFERENCES bulletins(id),
  action       TEXT    NOT NULL,
  detail_json  TEXT    NOT NULL DEFAULT '{}',
  changed_at   TEXT    NOT NULL,
  changed_by   TEXT    NOT NULL
);

CREATE INDEX bulletin_changes_by_bulletin ON bulletin_changes(bulletin_id, id);

CREATE TRIGGER bulletin_changes_no_update BEFORE UPDATE ON bulletin_changes
BEGIN
  SELECT RAISE(ABORT, 'bulletin history is append-only');
END;

CREATE TRIGGER bulletin_changes_no_delete BEFORE DELETE ON bulletin_changes
BEGIN
  SELECT RAISE(ABORT, 'bulletin history is append-only');
END;

-- What was issued, exactly: the HTML and PDF bytes with their SHA-256, and a copy of the sources as they
-- were at issue time (the items may be edited or re-imported later). PDF is NULL only where no PDF
-- printer was available when issuing; the HTML is always kept.
CREATE TABLE bulletin_artifacts (
  bulletin_id   INTEGER PRIMARY KEY REFERENCES bulletins(id),
  html          BLOB    NOT NULL,
  html_sha256   TEXT    NOT NULL,
  pdf           BLOB,
  pdf_sha256    TEXT,
  sources_json  TEXT    NOT NULL,
  issued_at     TEXT    NOT NULL,
  issued_by     TEXT    NOT NULL
);

CREATE TRIGGER bulletin_artifacts_no_update BEFORE UPDATE ON bulletin_artifacts
BEGIN
  SELECT RAISE(ABORT, 'issued artifacts are kept as issued');
END;

CREATE TRIGGER bulletin_artifacts_no_delete BEFORE DELETE ON bulletin_artifacts
BEGIN
  SELECT RAISE(ABORT, 'issued artifacts are kept as issued');
END;
