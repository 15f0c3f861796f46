// A record as the importer stores it: identity key and content hash computed where the record was read
// (the parser process), so the process that holds the database only writes.
import type { ItemFields } from './import-repository.js';
import { computeIdentityKey, computeStoryHash } from './item-identity.js';
import type { SourceRecord } from './source-record.js';

export function prepareItem(record: SourceRecord): ItemFields {
  return {
    identityKey: computeIdentityKey(record),
    contentHash: computeStoryHash(record),
    title: record.title,
    organization: record.organization,
    publishedAt: record.publishedAt,
    publishedAtRaw: record.publishedAtRaw,
    sourceCategory: record.sourceCategory,
    sourceName: record.sourceName,
    sourceUrl: record.sourceUrl,
    body: record.body,
    extra: record.extra,
  };
}
