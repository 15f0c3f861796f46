/**
 * The encoding of a saved HTML page (H2), in the order the HTML standard uses: a byte-order mark, then a
 * `<meta charset>` or `http-equiv` Content-Type declaration, then detection. Unlike a browser, a declaration is
 * checked against the bytes: pages are often re-saved in another encoding with the old meta left in place, so a
 * declaration that the bytes contradict loses, and the conflict is reported instead of showing mojibake.
 */
import { decodeText } from '../decode-text.js';

export interface DecodedPage {
  text: string;
  encoding: string;
  warnings: string[];
}

// The standard prescans 1024 bytes; saved pages put long comments and scripts first, so a little more is read.
const PRESCAN_BYTES = 4096;

export function decodeHtmlBytes(bytes: Uint8Array): DecodedPage {
  const declared = declaredCharsets(bytes);
  const warnings: string[] = [];
  const distinct = [...new Set(declared.map((d) => canonicalEncoding(d) ?? d.toLowerCase()))];
  if (distinct.length > 1) warnings.push(`the page declares more than one charset (${declared.join(', ')}); the first one that fits the bytes is used`);

  const bom = bomEncoding(bytes);
  if (bom !== null) {
    const decoded = decodeText(bytes);
    const first = declared[0];
    const meta = first === undefined ? null : canonicalEncoding(first);
    if (first !== undefined && meta !== decoded.encoding && !(meta === 'utf-16le' && bom.startsWith('utf-16'))) {
      warnings.push(`the page declares charset "${first}" but starts with a ${bom.toUpperCase()} byte-order mark; it was read as ${decoded.encoding}`);
    }
    return { ...decoded, warnings };
  }

  for (const label of declared) {
    const encoding = canonicalEncoding(label);
    if (encoding === null) {
      warnings.push(`the page declares an unknown charset "${label}"`);
      continue;
    }
    // A meta that says UTF-16 on a page without a BOM is a known authoring error; the standard reads UTF-8.
    const effective = encoding.startsWith('utf-16') ? 'utf-8' : encoding;
    if (effective !== 'utf-8' && hasNonAscii(bytes) && strictDecode(bytes, 'utf-8') !== null) {
      // Legacy Japanese text is almost never valid UTF-8, so valid UTF-8 under a Shift_JIS meta was re-saved.
      warnings.push(`the page declares charset "${label}" but its bytes are UTF-8; it was read as utf-8`);
      return { text: strictDecode(bytes, 'utf-8') ?? '', encoding: 'utf-8', warnings };
    }
    if (!JAPANESE_CAPABLE.has(effective) && hasNonAscii(bytes)) {
      // `iso-8859-1` over Japanese bytes: a Western decoder accepts any byte, so only detection can tell.
      // Hiragana is the tell: Japanese prose always has it, Western bytes read as Shift_JIS almost never do.
      const detected = tryDetect(bytes);
      if (detected !== null && /[\u3041-\u3096]/.test(detected.text)) {
        warnings.push(`the page declares charset "${label}" but its text is ${detected.encoding}; it was read as ${detected.encoding}`);
        return { ...detected, warnings };
      }
    }
    const text = strictDecode(bytes, effective);
    if (text !== null) return { text, encoding: effective, warnings };
    const detected = decodeText(bytes);
    warnings.push(`the page declares charset "${label}" but is not valid ${effective}; it was read as ${detected.encoding}`);
    return { ...detected, warnings };
  }
  return { ...decodeText(bytes), warnings };
}

/** Charset labels from `<meta charset>` and `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function declaredCharsets(bytes: Uint8Array): string[] {
  // Latin-1 keeps every byte as one character, so the ASCII markup is readable whatever the real encoding;
  // NULs are dropped so that a UTF-16 page's markup reads too.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1').replaceAll('\0', '');
  const withoutComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const found: string[] = [];
  for (const tag of withoutComments.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (match?.[1]) found.push(match[1]);
  }
  return found;
}

export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

const JAPANESE_CAPABLE: ReadonlySet<string> = new Set(['utf-8', 'shift_jis', 'euc-jp', 'iso-2022-jp']);

function tryDetect(bytes: Uint8Array): { text: string; encoding: string } | null {
  try {
    return decodeText(bytes);
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
