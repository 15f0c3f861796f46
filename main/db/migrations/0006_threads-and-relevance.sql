-- Follow-up chains (第1報 → 第2報 → 最終報 of one incident) and relevance to the officer's organisation.

-- Items with the same thread key are reports of one incident: the victim organisation and the title
-- without its report number, both normalised. Null when the organisation is unknown (no chain is guessed).
ALTER TABLE item_facts ADD COLUMN thread_key TEXT;

-- Relevance 0–100 against the profile in settings ('profile'), with the matched words (JSON), and the
-- profile version it was scored with: saving the profile re-scores every item without re-reading it.
ALTER TABLE item_facts ADD COLUMN relevance INTEGER CHECK (relevance IS NULL OR relevance BETWEEN 0 AND 100);
ALTER TABLE item_facts ADD COLUMN relevance_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE item_facts ADD COLUMN profile_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX item_facts_by_thread ON item_facts(thread_key) WHERE thread_key IS NOT NULL;
CREATE INDEX item_facts_by_relevance ON item_facts(relevance);
CREATE INDEX item_facts_by_profile ON item_facts(profile_version);
