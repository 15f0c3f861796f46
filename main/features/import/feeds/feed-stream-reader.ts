// Reads a feed file in chunks, like the CSV stream reader: the bytes are decoded as they come (the encoding is
// chosen over the whole stream first, exactly as for a whole file), the text is tokenized piece by piece and each
// record is handed on as soon as its item's end tag is read. Memory holds a chunk, the item being read and the
// items waiting for the feed's title, whatever the file size. Every rule of the whole-file reader holds, since it
// is the same reader (FeedTextReader): DOCTYPE blanked, no entity expanded, bounds on depth and names, complete
// items of an ill-formed feed kept and the rest reported with their lines.
import { createHash } from 'node:crypto';
import { CHUNK_BYTES, type ByteSource } from '../byte-source.js';
import type { SourceRecord } from '../source-record.js';
import { decodeFeedBytes } from './feed-encoding.js';
import { FeedReadError, FeedTextReader, MAX_FEED_BYTES, type FeedReadResult, type FeedRecordError } from './feed-records.js';
import { chooseFeedStreamEncoding, chunkDecoder } from './feed-stream-encoding.js';

export interface FeedStreamSummary extends Omit<FeedReadResult, 'records'> {
  sha256: string;
  /**
   * Set when records were handed on before the feed's title was known (it came after more than
   * TITLE_WAIT_RECORDS items) and the title they carry is not the feed's: the importer renames them.
   */
  sourceNameChange: { from: string | null; to: string | null } | null;
}

/**
 * Records held back while the feed's title may still come. In every real feed the channel's <title> precedes the
 * first item, so nothing waits; a feed with no title, or one after its items, waits this long at most.
 */
export const TITLE_WAIT_RECORDS = 250;

/**
 * Bytes decoded and tokenized at a time, within a chunk read from the file. Text of this size is an ordinary
 * heap string; a megabyte-sized one lands in V8's large-object space, which only full collections free (the
 * reader alone on the bench feed peaked at ~145 MB RSS with whole chunks, ~125 MB with these pieces).
 */
const PIECE_BYTES = 64 * 1024;

/**
 * Calls `onRecord` for each record in file order (sourceName set) and `afterChunk` after each chunk, where the
 * caller sends what it has and waits while the writer is behind. Throws FeedReadError (not a feed; too large for
 * the whole-file recovery), NotTextFileError or UndecodableFileError.
 */
export async function readFeedStream(
  source: ByteSource,
  onRecord: (record: SourceRecord) => void,
  afterChunk: (bytesRead: number) => Promise<void>,
): Promise<FeedStreamSummary> {
  // The title given to the records handed on so far; `named` false while they are held back for it.
  const given: { named: boolean; title: string | null } = { named: false, title: null };
  const held: SourceRecord[] = [];
  const hand = (record: SourceRecord, title: string | null) => {
    record.sourceName = title;
    onRecord(record);
  };
  const reader = new FeedTextReader((record) => {
    if (given.named) hand(record, given.title);
    else held.push(record);
  });
  const release = (title: string | null) => {
    given.named = true;
    given.title = title;
    for (const record of held) hand(record, title);
    held.length = 0;
  };
  const afterPiece = () => {
    if (given.named) return;
    const settled = reader.settledTitle;
    if (settled !== undefined) release(settled);
    else if (held.length >= TITLE_WAIT_RECORDS) release(reader.titleSoFar);
  };

  const hash = createHash('sha256');
  const choice = await chooseFeedStreamEncoding(source);
  let encoding: string;
  let warnings: string[];
  if (choice === null) {
    // Only the whole-file recovery reads this file (UTF-32, a cut character, stray bytes in UTF-8): as before
    // streaming, it is read whole, under the whole-file size limit.
    if (source.size > MAX_FEED_BYTES) {
      throw new FeedReadError('FEED_TOO_LARGE', `the feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB and damaged; it was not read`);
    }
    const bytes = await source.whole();
    hash.update(bytes);
    const decoded = decodeFeedBytes(bytes);
    ({ encoding, warnings } = decoded);
    const text = decoded.text;
    for (let at = 0; at < text.length; at += CHUNK_BYTES) {
      reader.push(text.slice(at, at + CHUNK_BYTES));
      afterPiece();
      await afterChunk(Math.round((source.size * Math.min(text.length, at + CHUNK_BYTES)) / Math.max(1, text.length)));
    }
  } else {
    ({ encoding, warnings } = choice);
    const decode = chunkDecoder(choice.encoding);
    let skip = choice.bomLength;
    let first = true;
    let bytesRead = 0;
    const push = (text: string) => {
      const piece = first && choice.dropLeadingBom && text.startsWith('\uFEFF') ? text.slice(1) : text;
      if (text !== '') first = false;
      reader.push(piece);
      afterPiece();
    };
    // Nothing keeps a chunk past its turn (the hash and the decoder copy what they need), so one buffer is reused.
    for await (const chunk of source.scan()) {
      hash.update(chunk);
      bytesRead += chunk.length;
      const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip = Math.max(0, skip - chunk.length);
      for (let at = 0; at < body.length; at += PIECE_BYTES) push(decode(body.subarray(at, at + PIECE_BYTES), false));
      await afterChunk(bytesRead);
    }
    push(decode(new Uint8Array(0), true));
  }
  const summary = reader.finish();
  let sourceNameChange: FeedStreamSummary['sourceNameChange'] = null;
  if (!given.named) release(summary.feedTitle);
  else if (given.title !== summary.feedTitle) sourceNameChange = { from: given.title, to: summary.feedTitle };
  const decodeWarnings: FeedRecordError[] = warnings.map((message) => ({ line: null, message }));
  return { ...summary, encoding, errors: [...decodeWarnings, ...summary.errors], sha256: hash.digest('hex'), sourceNameChange };
}
