// Search normalisation lives in shared/domain/search-text.ts, so the renderer marks the hits in an open
// item exactly as main finds them; re-exported here for the index, the query and the benchmarks.
export { normalizeForSearch, normalizeWithOffsets, type NormalizedWithOffsets } from '../../../shared/domain/search-text.js';
