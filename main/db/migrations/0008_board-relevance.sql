-- The board's effective relevance falls back to the score against the organisation profile (0006), and the
-- board copy follows item_facts only when a column it shows changes: re-scoring or re-reading 100,000
-- items no longer runs the copy's trigger for columns the board does not read.

DROP VIEW item_effective_facts;

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

DROP TRIGGER board_items_on_facts_update;

CREATE TRIGGER board_items_on_facts_update
AFTER UPDATE OF kind, category, severity, appi_reportable, relevance ON item_facts
BEGIN
  UPDATE board_items SET (kind, category, severity, appi_reportable, relevance) =
    (SELECT kind, category, severity, appi_reportable, relevance FROM item_effective_facts WHERE item_id = NEW.item_id)
  WHERE item_id = NEW.item_id;
END;

UPDATE board_items SET relevance = (SELECT relevance FROM item_effective_facts e WHERE e.item_id = board_items.item_id);
