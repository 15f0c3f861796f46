-- The versions of a story's text an item has already held. Two snapshots of one story that differ (a
-- feed's text and a saved page's) would otherwise replace each other on every re-import; a version seen
-- before is a duplicate, not an update. Filled only when an item's text changes, so bulk imports of new
-- items pay nothing for it.
CREATE TABLE item_seen_versions (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  content_hash  TEXT    NOT NULL,
  PRIMARY KEY (item_id, content_hash)
) WITHOUT ROWID;
