-- 続報あり on the board: whether an item's incident has another report, kept on the board's copy by triggers.
-- Asked of item_facts at query time (thread keys shared by more than one item) it cost a GROUP BY over
-- every thread key in each of the six statements of a board load (110–160 ms at 100,000 items); as a
-- column it is one more value in the covering facets index the counts and columns already scan.

ALTER TABLE board_items ADD COLUMN has_follow_ups INTEGER NOT NULL DEFAULT 0 CHECK (has_follow_ups IN (0, 1));

UPDATE board_items SET has_follow_ups = 1
WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key IN
                    (SELECT thread_key FROM item_facts WHERE thread_key IS NOT NULL GROUP BY thread_key HAVING count(*) > 1));

DROP INDEX board_items_by_status_facets;
CREATE INDEX board_items_by_status_facets
  ON board_items(status, kind, category, severity, appi_reportable, source_name, published_at, relevance, has_follow_ups);

-- Every member of a thread is re-marked when one joins or leaves it (item_facts_by_thread finds them).
-- Upserts of unchanged facts (re-reading, re-scoring) do not touch the copy: the WHEN clause.
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

CREATE TRIGGER board_items_follow_ups_on_facts_delete
AFTER DELETE ON item_facts WHEN OLD.thread_key IS NOT NULL
BEGIN
  UPDATE board_items SET has_follow_ups = (SELECT count(*) > 1 FROM item_facts WHERE thread_key = OLD.thread_key)
  WHERE item_id IN (SELECT item_id FROM item_facts WHERE thread_key = OLD.thread_key);
END;
