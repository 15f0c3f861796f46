CREATE INDEX board_items_by_date ON board_items(published_at DESC, item_id DESC);

CREATE INDEX board_items_by_source ON board_items(ifnull(source_name, ''));

CREATE INDEX board_items_by_status_date ON board_items(status, published_at DESC, item_id DESC);

CREATE INDEX board_items_by_status_facets
  ON board_items(status, kind, category, severity, appi_reportable, source_name, published_at, relevance, has_follow_ups);

CREATE INDEX bulletin_changes_by_bulletin ON bulletin_changes(bulletin_id, id);

CREATE INDEX bulletin_items_by_item ON bulletin_items(item_id);

CREATE INDEX bulletins_by_parent ON bulletins(parent_id);

CREATE INDEX field_changes_by_item ON field_changes(item_id, id);

CREATE INDEX item_facts_by_case ON item_facts(organization, case_id);

CREATE INDEX item_facts_by_profile ON item_facts(profile_version);

CREATE INDEX item_facts_by_relevance ON item_facts(relevance);

CREATE INDEX item_facts_by_thread ON item_facts(thread_key) WHERE thread_key IS NOT NULL;

CREATE INDEX item_facts_by_version ON item_facts(extractor_version);

CREATE INDEX item_links_by_b ON item_links(item_b, item_a);

CREATE INDEX item_tags_by_tag ON item_tags(tag, item_id);

CREATE INDEX item_updates_by_item ON item_updates(item_id, id);

CREATE INDEX items_by_batch ON items(import_batch_id);

CREATE INDEX items_by_status_date ON items(status, published_at DESC, id DESC);

CREATE INDEX status_changes_by_item ON status_changes(item_id, id);

CREATE TABLE board_items (
  item_id          INTEGER PRIMARY KEY,
  status           TEXT    NOT NULL,
  published_at     TEXT,
  title            TEXT    NOT NULL,
  organization     TEXT,
  source_category  TEXT,
  source_name      TEXT,
  kind             TEXT,
  category         TEXT,
  severity         INTEGER,
  appi_reportable  INTEGER,
  relevance        REAL
, has_follow_ups INTEGER NOT NULL DEFAULT 0 CHECK (has_follow_ups IN (0, 1)));

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

CREATE TABLE bulletin_changes (
  id           INTEGER PRIMARY KEY,
  bulletin_id  INTEGER NOT NULL REFERENCES bulletins(id),
  action       TEXT    NOT NULL,
  detail_json  TEXT    NOT NULL DEFAULT '{}',
  changed_at   TEXT    NOT NULL,
  changed_by   TEXT    NOT NULL
);

CREATE TABLE bulletin_items (
  bulletin_id  INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  PRIMARY KEY (bulletin_id, item_id)
) WITHOUT ROWID;

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
, thread_key TEXT, relevance INTEGER CHECK (relevance IS NULL OR relevance BETWEEN 0 AND 100), relevance_json TEXT NOT NULL DEFAULT '[]', profile_version INTEGER NOT NULL DEFAULT 0);

CREATE TABLE item_links (
  item_a      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  item_b      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  note        TEXT    CHECK (note IS NULL OR length(note) <= 500),
  created_at  TEXT    NOT NULL,
  created_by  TEXT    NOT NULL,
  PRIMARY KEY (item_a, item_b),
  CHECK (item_a < item_b)
) WITHOUT ROWID;

CREATE TABLE item_notes (
  item_id     INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  body        TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  updated_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL
);

CREATE TABLE item_seen_versions (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  content_hash  TEXT    NOT NULL,
  PRIMARY KEY (item_id, content_hash)
) WITHOUT ROWID;

CREATE TABLE item_tags (
  item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag      TEXT    NOT NULL CHECK (
             length(tag) BETWEEN 1 AND 40
             AND tag = trim(tag)
             AND tag NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || ']*')
           ),
  PRIMARY KEY (item_id, tag)
) WITHOUT ROWID;

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

CREATE VIRTUAL TABLE search_index USING fts5(
  title, organization, body,
  content = '', contentless_delete = 1, tokenize = 'ascii'
);

CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE search_pending (
  item_id INTEGER PRIMARY KEY
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

CREATE TRIGGER board_items_follow_ups_on_facts_delete
AFTER DELETE ON item_facts WHEN OLD.thread_key IS NOT NULL
BEGIN
  UPDATE board_items SET has_follow_ups = (SELECT count(*) > 1 FROM item_facts WHERE thread_key = OLD.thread_key)
  WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key = OLD.thread_key);
END;

CREATE TRIGGER board_items_follow_ups_on_facts_insert
AFTER INSERT ON item_facts WHEN NEW.thread_key IS NOT NULL
BEGIN
  UPDATE board_items SET has_follow_ups = (SELECT count(*) > 1 FROM item_facts WHERE thread_key = NEW.thread_key)
  WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key = NEW.thread_key);
END;

CREATE TRIGGER board_items_follow_ups_on_facts_update
AFTER UPDATE OF thread_key ON item_facts WHEN OLD.thread_key IS NOT NEW.thread_key
BEGIN
  UPDATE board_items SET has_follow_ups = (SELECT count(*) > 1 FROM item_facts WHERE thread_key = OLD.thread_key)
  WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key = OLD.thread_key);
  UPDATE board_items SET has_follow_ups = 0 WHERE item_id = NEW.item_id AND NEW.thread_key IS NULL;
  UPDATE board_items SET has_follow_ups = (SELECT count(*) > 1 FROM item_facts WHERE thread_key = NEW.thread_key)
  WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key = NEW.thread_key);
END;

CREATE TRIGGER board_items_on_correction_delete AFTER DELETE ON item_corrections
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = OLD.item_id)
  WHERE item_id = OLD.item_id;
END;

CREATE TRIGGER board_items_on_correction_insert AFTER INSERT ON item_corrections
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_correction_update AFTER UPDATE ON item_corrections
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_delete AFTER DELETE ON items
BEGIN
  DELETE FROM board_items WHERE item_id = OLD.id;
  -- An item still queued was never indexed (or already left the index when its text changed).
  DELETE FROM search_index WHERE rowid = OLD.id AND OLD.id NOT IN (SELECT item_id FROM search_pending);
  DELETE FROM search_pending WHERE item_id = OLD.id;
END;

CREATE TRIGGER board_items_on_facts_delete AFTER DELETE ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = OLD.item_id)
  WHERE item_id = OLD.item_id;
END;

CREATE TRIGGER board_items_on_facts_insert AFTER INSERT ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_facts_update
AFTER UPDATE OF kind, category, severity, appi_reportable, relevance ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_insert AFTER INSERT ON items
BEGIN
  INSERT INTO board_items (item_id, status, published_at, title, organization, source_category, source_name)
  VALUES (NEW.id, NEW.status, NEW.published_at, NEW.title, NEW.organization, NEW.source_category, NEW.source_name);
END;

CREATE TRIGGER board_items_on_update AFTER UPDATE OF status, published_at, title, organization, source_category, source_name ON items
BEGIN
  UPDATE board_items
  SET status = NEW.status, published_at = NEW.published_at, title = NEW.title, organization = NEW.organization,
      source_category = NEW.source_category, source_name = NEW.source_name
  WHERE item_id = NEW.id;
END;

CREATE TRIGGER bulletin_artifacts_no_delete BEFORE DELETE ON bulletin_artifacts
BEGIN
  SELECT RAISE(ABORT, 'issued artifacts are kept as issued');
END;

CREATE TRIGGER bulletin_artifacts_no_update BEFORE UPDATE ON bulletin_artifacts
BEGIN
  SELECT RAISE(ABORT, 'issued artifacts are kept as issued');
END;

CREATE TRIGGER bulletin_changes_no_delete BEFORE DELETE ON bulletin_changes
BEGIN
  SELECT RAISE(ABORT, 'bulletin history is append-only');
END;

CREATE TRIGGER bulletin_changes_no_update BEFORE UPDATE ON bulletin_changes
BEGIN
  SELECT RAISE(ABORT, 'bulletin history is append-only');
END;

CREATE TRIGGER bulletins_issued_frozen BEFORE UPDATE ON bulletins WHEN OLD.state = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'an issued bulletin is frozen; create a new version');
END;

CREATE TRIGGER bulletins_issued_kept BEFORE DELETE ON bulletins WHEN OLD.state = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'an issued bulletin is kept');
END;

CREATE TRIGGER field_changes_no_update BEFORE UPDATE ON field_changes
BEGIN
  SELECT RAISE(ABORT, 'field history is append-only');
END;

CREATE TRIGGER search_pending_on_insert AFTER INSERT ON items
BEGIN
  INSERT OR IGNORE INTO search_pending (item_id) VALUES (NEW.id);
END;

CREATE TRIGGER search_pending_on_text_change AFTER UPDATE OF title, organization, body ON items
WHEN NEW.title IS NOT OLD.title OR NEW.organization IS NOT OLD.organization OR NEW.body IS NOT OLD.body
BEGIN
  DELETE FROM search_index WHERE rowid = NEW.id AND NEW.id NOT IN (SELECT item_id FROM search_pending);
  INSERT OR IGNORE INTO search_pending (item_id) VALUES (NEW.id);
END;

CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes
BEGIN
  SELECT RAISE(ABORT, 'status history is append-only');
END;

CREATE VIEW item_effective_facts AS
SELECT
  items.id AS item_id,
  CASE WHEN ck.item_id IS NULL THEN f.kind ELSE json_extract(ck.value_json, '$') END AS kind,
  CASE WHEN cc.item_id IS NULL THEN f.category ELSE json_extract(cc.value_json, '$') END AS category,
  CASE WHEN cs.item_id IS NULL THEN f.severity ELSE json_extract(cs.value_json, '$') END AS severity,
  CASE WHEN ca.item_id IS NULL THEN f.appi_reportable ELSE json_extract(ca.value_json, '$') END AS appi_reportable,
  CASE WHEN cr.item_id IS NULL THEN f.relevance ELSE json_extract(cr.value_json, '$') END AS relevance
FROM items
LEFT JOIN item_facts f ON f.item_id = items.id
LEFT JOIN item_corrections ck ON ck.item_id = items.id AND ck.field = 'kind'
LEFT JOIN item_corrections cc ON cc.item_id = items.id AND cc.field = 'category'
LEFT JOIN item_corrections cs ON cs.item_id = items.id AND cs.field = 'severity'
LEFT JOIN item_corrections ca ON ca.item_id = items.id AND ca.field = 'appi.reportable'
LEFT JOIN item_corrections cr ON cr.item_id = items.id AND cr.field = 'relevance';
