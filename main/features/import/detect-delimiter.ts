export interface DelimiterChoice {
  delimiter: string;
  /** Character index where the header row starts: after an Excel `sep=` line, else 0. */
  headerStart: number;
}

const CANDIDATES = [',', '\t', ';'] as const;

// Excel writes `sep=;` as the first line when the list separator is not a comma; some tools quote it.
const SEP_LINE = /^"?sep=([^\r\n"])"?[ ]*(?:\r\n|\r|\n|$)/i;

/**
 * Chooses the field delimiter. A declared `sep=` line wins; otherwise the header row decides, because it is
 * the one line we know must contain every delimiter and that officers rarely fill with free text.
 */
export function detectDelimiter(text: string): DelimiterChoice {
  const sep = SEP_LINE.exec(text);
  if (sep?.[1] !== undefined) return { delimiter: sep[1], headerStart: sep[0].length };
  return { delimiter: pickByHeaderCounts(text), headerStart: 0 };
}

function pickByHeaderCounts(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    // Quotes toggle; a doubled "" toggles twice and so changes nothing, as in the CSV grammar.
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') break;
    else if (counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  // Strictly greater, so ties keep the earlier candidate: comma, the common case, then tab.
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
