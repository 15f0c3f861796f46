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
    throw error;
  }
}

function decodeWhole(bytes: Uint8Array): DecodedFeed {
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16 !== null) {
    const text = strictDecode(bytes, utf16);
    if (text === null) throw new UndecodableFileError([utf16]);
    return { text, encoding: utf16, warnings: [] };
  }
  if (startsWith(bytes, [0x3c, 0, 0, 0]) || startsWith(bytes, [0, 0, 0, 0x3c])) throw new NotTextFileError('utf-32');

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

function canonicalEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  try {
    return new TextDecoder(EXTRA_LABELS[lower] ?? lower).encoding;
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows itself as `<` next to a NUL byte (XML 1.0 appendix F). */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
