-- The source filter's choices (board.sources: each source with its number of items) read this index in
-- order and count its entries: 7 ms over 100,000 items, where grouping the rows of the facets index took
-- 40-75 ms (main/features/search/sources-repository.ts). An index on the expression, not on the column:
-- a plain source_name index drew the planner away from the covering facets index for source filters,
-- fetching a row per match; ifnull(source_name, '') appears only in the sources query.
CREATE INDEX board_items_by_source ON board_items(ifnull(source_name, ''));
