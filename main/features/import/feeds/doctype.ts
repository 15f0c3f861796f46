// A feed's DOCTYPE is where every XML entity attack lives: external entities (XXE, F1), parameter entities and
// external DTDs (F2), and the nested definitions of billion laughs and quadratic blow-up (F3, F4). Feeds need
// none of it, so the DOCTYPE is blanked out before tokenizing: no declaration inside it is ever looked at, and
// `&x;` references to what it declared stay literal text. Blanking keeps every newline, so offsets and line
// numbers after it do not move.

export interface DoctypeOutcome {
  text: string;
  problems: { offset: number; message: string }[];
}

/** Blanks the DOCTYPE of the prolog (the part before the root element), if there is one. */
export function blankDoctype(text: string): DoctypeOutcome {
  const start = findDoctype(text);
  if (start === -1) return { text, problems: [] };
  const { end, closed, declaresEntities } = scanDoctype(text, start);
  const problems: DoctypeOutcome['problems'] = [];
  if (!closed) problems.push({ offset: start, message: 'the DOCTYPE is never closed; the rest of the file was ignored' });
  if (declaresEntities) {
    problems.push({
      offset: start,
      message: 'the DOCTYPE declares entities; they are never loaded or expanded and their references stay as text',
    });
  }
  const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return { text: text.slice(0, start) + blank + text.slice(end), problems };
}

/** Offset of `<!DOCTYPE` when it comes before the first element, after declarations, comments and spaces. */
function findDoctype(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 3;
    } else {
      return text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE' ? i : -1;
    }
  }
}

/**
 * Finds the `>` that ends the DOCTYPE, skipping quoted strings, comments and the `[ … ]` internal subset, in one
 * pass with no recursion: a declaration is never interpreted, only stepped over.
 */
function scanDoctype(text: string, start: number): { end: number; closed: boolean; declaresEntities: boolean } {
  let inSubset = false;
  let declaresEntities = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close;
    } else if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
    } else if (inSubset && text.startsWith('<!ENTITY', i)) {
      declaresEntities = true;
      i += 7;
    } else if (c === '[') {
      inSubset = true;
    } else if (c === ']') {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return { end: i + 1, closed: true, declaresEntities };
    }
  }
  return { end: text.length, closed: false, declaresEntities };
}
