// Picks the encoding of a feed. XML says how: a byte order mark first, then the `encoding=` of the XML
// declaration. But a declaration is only a claim, and feeds lie (a template says UTF-8, the CMS writes Shift_JIS),
// so it is believed only when the bytes decode strictly with it; otherwise the shared detection of decodeText
// decides and a warning says the declaration was overridden (F8, feedparser's CharacterEncodingOverride).
import { decodeText, NotTextFileError, UndecodableFileError } from '../decode-text.js';

export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `shift_jis`, `euc-jp`, `iso-2022-jp`, `utf-16le`…). */
  encoding: string;
  warnings: string[];
}

// Names Japanese tools write that are not WHATWG labels; everything else is left to TextDecoder's label table.
const EXTRA_LABELS: Readonly<Record<string, string>> = {
  cp932: 'shift_jis',
  'ms-932': 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  'shift-jis': 'shift_jis',
  eucjp: 'euc-jp',
  'euc_jp': 'euc-jp',
  'x-eucjp': 'euc-jp',
  'iso2022jp': 'iso-2022-jp',
  jis: 'iso-2022-jp',
};

const DECLARATION = /^<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]{1,40})\s*["']/;

/** Decodes feed bytes, or throws NotTextFileError / UndecodableFileError like decodeText. */
export function decodeFeedBytes(bytes: Uint8Array): DecodedFeed {
  try {
    return decodeWhole(bytes);
  } catch (error) {
    if (!(error instanceof UndecodableFileError)) throw error;
    // A download cut off mid-character would make the whole feed undecodable and lose every complete item in
    // it (F9). A character is at most 4 bytes, so without its last 1–3 bytes the rest may decode; that is said.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        const decoded = decodeWhole(bytes.subarray(0, bytes.length - cut));
        decoded.warnings.push('the file ends in the middle of a character; the partial character was dropped');
        return decoded;
      } catch (retry) {
        if (!(retry instanceof UndecodableFileError)) throw retry;
      }
    }
    const lossy = decodeNearlyUtf8(bytes);
    if (lossy !== null) return lossy;
    throw error;
  }
}

// A UTF-8 feed with a stray byte or two (a bad paste, a damaged sector) is read with those bytes replaced, like a
// browser would, rather than refused whole. Past this many, the file is not UTF-8 and stays refused.
const MAX_REPLACED_BYTES = 16;

/**
 * UTF-8 that is valid but for a few bytes, when the file says UTF-8 or says nothing: decoded with U+FFFD in their
 * place and a warning that says how many. Anything else (Shift_JIS with a bad byte, binary) gives null.
 */
function decodeNearlyUtf8(bytes: Uint8Array): DecodedFeed | null {
  const declared = readDeclaredEncoding(bytes);
  if (declared !== null && canonicalEncoding(declared) !== 'utf-8') return null;
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start));
  const written = Buffer.from(bytes.subarray(start)).toString('latin1').split('\u00ef\u00bf\u00bd').length - 1;
  const replaced = text.split('\uFFFD').length - 1 - written;
  if (replaced <= 0 || replaced > MAX_REPLACED_BYTES) return null;
  const what = replaced === 1 ? 'a byte sequence that is' : `${replaced} byte sequences that are`;
  return { text, encoding: 'utf-8', warnings: [`the file has ${what} not valid UTF-8; each was replaced by "\uFFFD"`] };
}

function decodeWhole(bytes: Uint8Array): DecodedFeed {
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16 !== null) {
    const text = strictDecode(bytes, utf16);
    if (text === null) throw new UndecodableFileError([utf16]);
    return { text, encoding: utf16, warnings: [] };
  }
  const utf32 = sniffUtf32(bytes);
  if (utf32 !== null) {
    // A file cut off inside a character loses that character, as for every other encoding (F9).
    const whole = bytes.length - (bytes.length % 4);
    const text = decodeUtf32(bytes.subarray(0, whole), utf32);
    // Not a UTF-32 file after all (a code point past U+10FFFF or a surrogate): as before, not a text file we read.
    if (text === null) throw new NotTextFileError('utf-32');
    const cut = whole < bytes.length ? ['the file ends in the middle of a character; the partial character was dropped'] : [];
    return { text, encoding: utf32, warnings: cut };
  }

  const warnings: string[] = [];
  const declared = readDeclaredEncoding(bytes);
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (declared !== null && !hasBom) {
    const encoding = canonicalEncoding(declared);
    // A UTF-16 declaration readable as ASCII contradicts itself: the bytes are not UTF-16.
    const usable = encoding !== null && !encoding.startsWith('utf-16');
    const text = usable ? strictDecode(bytes, encoding) : null;
    // A failed strict decode disproves a declaration, but a successful one does not prove it: UTF-8 Japanese
    // often happens to be valid Shift_JIS, and single-byte encodings accept anything. Valid non-ASCII UTF-8 is
    // the stronger evidence (legacy Japanese text almost never is), so it overrides any other declaration.
    if (encoding !== null && text !== null && (encoding === 'utf-8' || !isNonAsciiUtf8(bytes))) {
      return { text, encoding, warnings };
    }
    const detected = decodeText(bytes);
    const reason =
      encoding === null
        ? `the declared encoding "${declared}" is not supported`
        : text === null
          ? `the file says encoding "${declared}" but its bytes are not valid ${encoding}`
          : `the file says encoding "${declared}" but its bytes are UTF-8`;
    warnings.push(`${reason}; it was read as ${detected.encoding}`);
    return { text: detected.text, encoding: detected.encoding, warnings };
  }

  const detected = decodeText(bytes);
  const agrees = (label: string | null): boolean =>
    label === detected.encoding || (label?.startsWith('utf-16') === true && detected.encoding.startsWith('utf-16'));
  if (declared !== null && hasBom && !agrees(canonicalEncoding(declared))) {
    warnings.push(`the file says encoding "${declared}" but starts with a ${detected.encoding} byte order mark, which wins`);
  }
  // XML reads a file that declares nothing as UTF-8 (or UTF-16 with its BOM); anything else is a guess, said so.
  if (declared === null && !hasBom && detected.encoding !== 'utf-8' && !detected.encoding.startsWith('utf-16')) {
    warnings.push(`the file declares no encoding and is not UTF-8; it was read as ${detected.encoding}, detected from its content`);
  }
  return { text: detected.text, encoding: detected.encoding, warnings };
}

/** The `encoding=` of the XML declaration, read from the start of the file. */
export function readDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 512);
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  // latin1 maps every byte to one character, so the ASCII of the declaration reads the same in any encoding.
  else text = Buffer.from(startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head).toString('latin1');
  return DECLARATION.exec(text)?.[1] ?? null;
}

export function canonicalEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  try {
    return new TextDecoder(EXTRA_LABELS[lower] ?? lower).encoding;
  } catch {
    return null;
  }
}

/**
 * UTF-32 by its BOM or, without one, by `<` in four bytes (XML 1.0 appendix F). Rare in feeds, but XML allows it
 * and TextDecoder does not read it (WHATWG dropped UTF-32), so it is decoded here.
 */
export function sniffUtf32(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | null {
  if (startsWith(bytes, [0, 0, 0xfe, 0xff]) || startsWith(bytes, [0, 0, 0, 0x3c])) return 'utf-32be';
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0x3c, 0, 0, 0])) return 'utf-32le';
  return null;
}

/** Strict UTF-32 of whole 4-byte units: null on a surrogate or a value past U+10FFFF. */
function decodeUtf32(bytes: Uint8Array, encoding: 'utf-32le' | 'utf-32be'): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, encoding === 'utf-32le');
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (i === 0 && cp === 0xfeff) continue;
    chunk.push(cp);
    // fromCodePoint takes its arguments on the stack: a few thousand at a time.
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** UTF-16 without a BOM shows itself as `<` next to a NUL byte (XML 1.0 appendix F). */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[3] !== 0) return 'utf-16be';
  return null;
}

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80) && strictDecode(bytes, 'utf-8') !== null;
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
