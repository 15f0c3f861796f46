import { isUtf8 } from 'node:buffer';
import Encoding from 'encoding-japanese';
import type { ByteSource } from './byte-source.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'iso-2022-jp';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** What kind of non-text content was recognised; the UI turns it into a localised message. */
export type NotTextKind = 'png' | 'jpeg' | 'gif' | 'zip' | 'sqlite' | 'pdf' | 'gzip' | 'utf-32' | 'binary';

export class NotTextFileError extends Error {
  readonly code = 'NOT_TEXT_FILE';
  constructor(readonly kind: NotTextKind) {
    super(describeNotText(kind));
    this.name = 'NotTextFileError';
  }
}

export class UndecodableFileError extends Error {
  readonly code = 'UNDECODABLE_FILE';
  constructor(readonly tried: readonly TextEncodingName[]) {
    super(`the file is not valid text in any supported encoding (tried ${tried.join(', ')})`);
    this.name = 'UndecodableFileError';
  }
}

interface Signature {
  kind: NotTextKind;
  bytes: readonly number[];
}

// UTF-32 BOMs come first: FF FE 00 00 would otherwise pass for a UTF-16LE BOM followed by a NUL.
const BINARY_SIGNATURES: readonly Signature[] = [
  { kind: 'utf-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { kind: 'utf-32', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'sqlite', bytes: [...'SQLite format 3\0'].map((c) => c.charCodeAt(0)) },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
];

const BOMS: readonly { encoding: TextEncodingName; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

// Text files may carry a stray NUL (C7, stripped later with a warning); binary formats are full of NULs and
// other C0 controls. Small counts are tolerated so that a short text file with a few NULs still reads.
const CONTROL_SAMPLE_BYTES = 8192;
const MAX_CONTROL_RATIO = 0.1;
const TOLERATED_CONTROLS = 8;

const ESC = 0x1b;

/**
 * Turns file bytes into text, refusing rather than guessing: every decoder runs in fatal mode, so a wrong
 * guess throws instead of storing mojibake or U+FFFD that was never in the file.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw new NotTextFileError(signature.kind);

  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) {
    const body = bytes.subarray(bom.bytes.length);
    const text = tryDecode(body, bom.encoding);
    if (text === null) throw new UndecodableFileError([bom.encoding]);
    return { text, encoding: bom.encoding };
  }

  if (isControlHeavy(bytes)) throw new NotTextFileError('binary');

  // ISO-2022-JP is pure 7-bit, so it would pass the UTF-8 check as ASCII full of escape sequences.
  if (bytes.includes(ESC) && Encoding.detect(bytes) === 'JIS') {
    const text = tryDecode(bytes, 'iso-2022-jp');
    if (text !== null) return { text, encoding: 'iso-2022-jp' };
  }

  // Legacy Japanese text is almost never valid UTF-8, so a strict UTF-8 success is trustworthy.
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const tried: TextEncodingName[] = ['utf-8'];
  for (const encoding of orderLegacyCandidates(bytes)) {
    tried.push(encoding);
    const text = tryDecode(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  throw new UndecodableFileError(tried);
}

function orderLegacyCandidates(bytes: Uint8Array): TextEncodingName[] {
  const detected = Encoding.detect(bytes, ['SJIS', 'EUCJP', 'JIS']);
  if (detected === 'EUCJP') return ['euc-jp', 'shift_jis'];
  // Shift_JIS first otherwise: it is what Japanese Excel writes, and its decoder in ICU is CP932
  // (NEC and IBM extensions such as ①, ㈱ and 髙 included).
  return ['shift_jis', 'euc-jp'];
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    // ignoreBOM keeps the decoder from silently eating a second BOM; we strip the real one ourselves.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function isControlHeavy(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, CONTROL_SAMPLE_BYTES);
  let controls = 0;
  for (const b of sample) if (isBinaryControl(b)) controls++;
  return controls > TOLERATED_CONTROLS && controls / sample.length > MAX_CONTROL_RATIO;
}

// C0 controls that text does not use: tab, LF, VT, FF and CR are layout, and ESC introduces ISO-2022-JP shifts.
function isBinaryControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== ESC;
}

function describeNotText(kind: NotTextKind): string {
  switch (kind) {
    case 'zip':
      return 'not a text file: it is a ZIP archive (an .xlsx workbook is one; save it as CSV first)';
    case 'utf-32':
      return 'not a supported text file: UTF-32 is not supported; save it as UTF-8';
    case 'binary':
      return 'not a text file: it is full of NUL and other control bytes';
    default:
      return `not a text file: it is a ${kind.toUpperCase()} file`;
  }
}

/** How much of a stream the encoding guess looks at (the whole file for anything smaller). */
export const ENCODING_SAMPLE_BYTES = 1024 * 1024;

export interface StreamEncoding {
  encoding: TextEncodingName;
  /** Bytes of BOM at the start of the stream, not part of the text. */
  bomLength: number;
}

/**
 * decodeText's choice for a file read in chunks: the same signatures, BOMs and order of candidates, with the
 * content guesses made on the first ENCODING_SAMPLE_BYTES, and each candidate checked against the whole
 * stream (strict UTF-8 at memory speed, legacy decoders in fatal mode), so a Shift_JIS byte deep in a file
 * that starts in ASCII still makes it Shift_JIS. Memory stays one chunk whatever the file size.
 */
export async function detectStreamEncoding(source: ByteSource): Promise<StreamEncoding> {
  const head = await source.head(ENCODING_SAMPLE_BYTES);
  const signature = BINARY_SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (signature) throw new NotTextFileError(signature.kind);
  const bom = BOMS.find((b) => startsWith(head, b.bytes));
  // A wrong byte after a BOM is found while decoding, and fails the file then.
  if (bom) return { encoding: bom.encoding, bomLength: bom.bytes.length };
  if (isControlHeavy(head)) throw new NotTextFileError('binary');

  if (head.includes(ESC) && Encoding.detect(head) === 'JIS' && (await decodesWhole(source, 'iso-2022-jp'))) {
    return { encoding: 'iso-2022-jp', bomLength: 0 };
  }
  if (await decodesWhole(source, 'utf-8')) return { encoding: 'utf-8', bomLength: 0 };
  const tried: TextEncodingName[] = ['utf-8'];
  for (const encoding of orderLegacyCandidates(head)) {
    tried.push(encoding);
    if (await decodesWhole(source, encoding)) return { encoding, bomLength: 0 };
  }
  throw new UndecodableFileError(tried);
}

/** Whether every byte of the stream decodes strictly in `encoding` (any WHATWG label), read chunk by chunk. */
export async function decodesWhole(source: ByteSource, encoding: string): Promise<boolean> {
  if (encoding === 'utf-8') {
    let carry: Uint8Array = new Uint8Array(0);
    for await (const chunk of source.scan()) {
      // The character a chunk boundary split is checked with the first bytes of the next chunk, apart, so the
      // chunk itself is never copied (a copy per megabyte was a visible share of a large feed's check).
      let from = 0;
      if (carry.length > 0) {
        from = Math.min(chunk.length, utf8SequenceLength(carry[0] ?? 0) - carry.length);
        const joined = Buffer.concat([carry, chunk.subarray(0, from)]);
        if (completeUtf8Length(joined) < joined.length) {
          if (from === chunk.length) {
            carry = joined;
            continue;
          }
          return false;
        }
        if (!isUtf8(joined)) return false;
      }
      const rest = chunk.subarray(from);
      const complete = completeUtf8Length(rest);
      if (!isUtf8(rest.subarray(0, complete))) return false;
      carry = Uint8Array.from(rest.subarray(complete));
    }
    return carry.length === 0;
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of source.scan()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Bytes of the UTF-8 sequence a lead byte starts (1 for anything that is not a lead byte). */
function utf8SequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Length of `bytes` without a UTF-8 sequence cut short at its end (chunk boundaries split characters). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 4; i--) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) return length;
    if (b >= 0xc0) {
      const width = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + width > length ? i : length;
    }
  }
  return length;
}
