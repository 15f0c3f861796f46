-- Search and filters of the board (issue #5).

-- Full-text index over title, organization and body. Contentless: the text stays in items, the index
-- holds bigram tokens computed in JS (main/features/search/ngram-tokens.ts) from the NFKC-normalised
-- text, because no FTS5 tokenizer can both normalise NFKC and match 1- and 2-character Japanese words.
-- contentless_delete lets a changed or deleted item leave the index. The rowid is items.id.
CREATE VIRTUAL TABLE search_index USING fts5(
  title, organization, body,
  content = '', contentless_delete = 1, tokenize = 'ascii'
);

-- Items whose text the index does not hold yet. Triggers fill it (so no writer can forget the index);
-- main/features/search/search-index-repository.ts empties it after the import commits and before any
-- search, in its own transactions. Indexing therefore costs the import only one row insert per item.
CREATE TABLE search_pending (
  item_id INTEGER PRIMARY KEY
);

-- Every existing item is indexed on the first search after this migration.
INSERT INTO search_pending (item_id) SELECT id FROM items;

CREATE TRIGGER search_pending_on_insert AFTER INSERT ON items
BEGIN
  INSERT OR IGNORE INTO search_pending (item_id) VALUES (NEW.id);
END;

-- A changed text leaves the index at once and is indexed again from the queue: a search never finds an
-- item by the words it no longer has.
CREATE TRIGGER search_pending_on_text_change AFTER UPDATE OF title, organization, body ON items
WHEN NEW.title IS NOT OLD.title OR NEW.organization IS NOT OLD.organization OR NEW.body IS NOT OLD.body
BEGIN
  DELETE FROM search_index WHERE rowid = NEW.id AND NEW.id NOT IN (SELECT item_id FROM search_pending);
  INSERT OR IGNORE INTO search_pending (item_id) VALUES (NEW.id);
END;

-- The officer's correction of a fact wins over the extractor's suggestion; a correction to JSON null
-- ("no category") wins too. Used by the board and by anything else that needs the effective facts.
CREATE VIEW item_effective_facts AS
SELECT
  items.id AS item_id,
  CASE WHEN ck.item_id IS NULL THEN f.kind ELSE json_extract(ck.value_json, '$') END AS kind,
  CASE WHEN cc.item_id IS NULL THEN f.category ELSE json_extract(cc.value_json, '$') END AS category,
  CASE WHEN cs.item_id IS NULL THEN f.severity ELSE json_extract(cs.value_json, '$') END AS severity,
  CASE WHEN ca.item_id IS NULL THEN f.appi_reportable ELSE json_extract(ca.value_json, '$') END AS appi_reportable,
  -- No suggestion exists yet: the organisation-profile matcher will add one.
  json_extract(cr.value_json, '$') AS relevance
FROM items
LEFT JOIN item_facts f ON f.item_id = items.id
LEFT JOIN item_corrections ck ON ck.item_id = items.id AND ck.field = 'kind'
LEFT JOIN item_corrections cc ON cc.item_id = items.id AND cc.field = 'category'
LEFT JOIN item_corrections cs ON cs.item_id = items.id AND cs.field = 'severity'
LEFT JOIN item_corrections ca ON ca.item_id = items.id AND ca.field = 'appi.reportable'
LEFT JOIN item_corrections cr ON cr.item_id = items.id AND cr.field = 'relevance';

-- The board's narrow copy of each item: what a card shows and every column a filter or sort reads, kept
-- by triggers. Counting and paging 100,000 items then reads ~100-byte rows and these indexes, never the
-- items' bodies (a body of 1,500 Japanese characters fills a page of its own).
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
);

-- Pages of a column (and of the whole table) in date order stop after one page of index entries.
CREATE INDEX board_items_by_status_date ON board_items(status, published_at DESC, item_id DESC);
CREATE INDEX board_items_by_date ON board_items(published_at DESC, item_id DESC);
-- Counting a column under any combination of filters reads only this index, never the rows.
CREATE INDEX board_items_by_status_facets ON board_items(status, kind, category, severity, appi_reportable, source_name, published_at, relevance);

INSERT INTO board_items (item_id, status, published_at, title, organization, source_category, source_name,
                         kind, category, severity, appi_reportable, relevance)
SELECT items.id, items.status, items.published_at, items.title, items.organization, items.source_category,
       items.source_name, e.kind, e.category, e.severity, e.appi_reportable, e.relevance
FROM items JOIN item_effective_facts e ON e.item_id = items.id;

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

-- A deleted item leaves the board copy, the queue and the index at once (an undone import).
CREATE TRIGGER board_items_on_delete AFTER DELETE ON items
BEGIN
  DELETE FROM board_items WHERE item_id = OLD.id;
  -- An item still queued was never indexed (or already left the index when its text changed).
  DELETE FROM search_index WHERE rowid = OLD.id AND OLD.id NOT IN (SELECT item_id FROM search_pending);
  DELETE FROM search_pending WHERE item_id = OLD.id;
END;

CREATE TRIGGER board_items_on_facts_insert AFTER INSERT ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_facts_update AFTER UPDATE ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

CREATE TRIGGER board_items_on_facts_delete AFTER DELETE ON item_facts
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

CREATE TRIGGER board_items_on_correction_delete AFTER DELETE ON item_corrections
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = OLD.item_id)
  WHERE item_id = OLD.item_id;
END;
