// decodeFeedBytes's choice of encoding, made over a stream: the same order (BOM-less UTF-16, the declaration
// when the bytes bear it out, then the shared detection) with every strict check run chunk by chunk, so a feed is
// never held whole to pick its encoding. The choice is exact: where it is not (UTF-32, a file cut inside a
// character, UTF-8 with stray bytes), it says so and the caller falls back to reading the file whole.
import type { ByteSource } from '../byte-source.js';
import { decodesWhole, detectStreamEncoding, ENCODING_SAMPLE_BYTES, UndecodableFileError, type TextEncodingName } from '../decode-text.js';
import { canonicalEncoding, readDeclaredEncoding, sniffUtf16WithoutBom, sniffUtf32, startsWith } from './feed-encoding.js';

export interface FeedStreamEncoding {
  /** The WHATWG name of the encoding. */
  encoding: string;
  /** Bytes of byte order mark at the start, not part of the text. */
  bomLength: number;
  /** A U+FEFF that decoding leaves at the very start is dropped (decodeFeedBytes does the same). */
  dropLeadingBom: boolean;
  warnings: string[];
}

/**
 * The encoding decodeFeedBytes would choose for these bytes, or null when only its whole-file recovery can read
 * them. Throws NotTextFileError like decodeText for binary content.
 */
export async function chooseFeedStreamEncoding(source: ByteSource): Promise<FeedStreamEncoding | null> {
  const head = await source.head(ENCODING_SAMPLE_BYTES);
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16 !== null) return (await decodesWhole(source, utf16)) ? { encoding: utf16, bomLength: 0, dropLeadingBom: true, warnings: [] } : null;
  if (sniffUtf32(head) !== null) return null;

  const declared = readDeclaredEncoding(head);
  const hasBom = startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (declared !== null && !hasBom) {
    const encoding = canonicalEncoding(declared);
    // The same reasoning as decodeWhole: a declaration is believed when the bytes decode strictly with it, unless
    // they are also non-ASCII UTF-8, which legacy Japanese text almost never is.
    const decodes = encoding !== null && !encoding.startsWith('utf-16') && (await decodesWhole(source, encoding));
    if (encoding !== null && decodes && (encoding === 'utf-8' || !(await isNonAsciiUtf8(source)))) {
      return { encoding, bomLength: 0, dropLeadingBom: true, warnings: [] };
    }
    const detected = await detectWhole(source);
    if (detected === null) return null;
    const reason =
      encoding === null
        ? `the declared encoding "${declared}" is not supported`
        : !decodes
          ? `the file says encoding "${declared}" but its bytes are not valid ${encoding}`
          : `the file says encoding "${declared}" but its bytes are UTF-8`;
    return { ...detected, warnings: [`${reason}; it was read as ${detected.encoding}`] };
  }

  const detected = await detectWhole(source);
  if (detected === null) return null;
  const warnings: string[] = [];
  const label = declared === null ? null : canonicalEncoding(declared);
  const agrees = label === detected.encoding || (label?.startsWith('utf-16') === true && detected.encoding.startsWith('utf-16'));
  if (declared !== null && hasBom && !agrees) {
    warnings.push(`the file says encoding "${declared}" but starts with a ${detected.encoding} byte order mark, which wins`);
  }
  if (declared === null && !hasBom && detected.encoding !== 'utf-8' && !detected.encoding.startsWith('utf-16')) {
    warnings.push(`the file declares no encoding and is not UTF-8; it was read as ${detected.encoding}, detected from its content`);
  }
  return { ...detected, warnings };
}

/** decodeText's choice, checked over every byte (after a BOM too); null where decodeText would throw Undecodable. */
async function detectWhole(source: ByteSource): Promise<FeedStreamEncoding | null> {
  try {
    const { encoding, bomLength } = await detectStreamEncoding(source);
    if (bomLength > 0 && !(await decodesWhole(skipping(source, bomLength), encoding))) return null;
    return { encoding, bomLength, dropLeadingBom: false, warnings: [] };
  } catch (error) {
    if (error instanceof UndecodableFileError) return null;
    throw error;
  }
}

async function isNonAsciiUtf8(source: ByteSource): Promise<boolean> {
  let high = false;
  for await (const chunk of source.scan()) {
    if (chunk.some((b) => b >= 0x80)) {
      high = true;
      break;
    }
  }
  return high && (await decodesWhole(source, 'utf-8'));
}

/** The source without its first `count` bytes (a BOM). */
function skipping(source: ByteSource, count: number): ByteSource {
  return {
    size: source.size - count,
    head: async (length) => (await source.head(length + count)).subarray(count),
    chunks: () => skipBytes(source.chunks(), count),
    scan: () => skipBytes(source.scan(), count),
    whole: async () => (await source.whole()).subarray(count),
  };
}

/**
 * Turns the bytes of a stream into text chunk by chunk in a chosen (already verified) encoding: a character split
 * between two chunks is carried to the next by the decoder. Strict all the same: bytes that do not decode throw
 * UndecodableFileError. (TextDecoder, also for UTF-8: on the bench feed's Japanese text it decoded faster than
 * Buffer#toString.)
 */
export function chunkDecoder(encoding: string): (bytes: Uint8Array, last: boolean) => string {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return (bytes, last) => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      throw new UndecodableFileError([encoding] as TextEncodingName[]);
    }
  };
}

async function* skipBytes(chunks: AsyncIterable<Uint8Array>, count: number): AsyncIterable<Uint8Array> {
  let skip = count;
  for await (const chunk of chunks) {
    const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
    skip = Math.max(0, skip - chunk.length);
    if (body.length > 0) yield body;
  }
}
