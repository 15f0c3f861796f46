// Bigram tokens for Japanese full-text search in FTS5, produced here in JS because FTS5's built-in
// tokenizers cannot: unicode61 keeps a run of kanji as one token (so 漏洩 inside 情報漏洩 is never found),
// and trigram cannot match a term shorter than three characters (漏洩, 誤送, 県). Measured against the
// alternatives by main/bench/search-options-bench.ts on 20,000 items (12 M characters): trigram, with an
// instr() scan for short terms, built in 3.4 s into 80 MB but took 60–210 ms per 1- or 2-character term;
// these bigrams built in 7.5 s into 33 MB and answer every term length in 0.3–5 ms with the same hits as
// a brute-force scan; a one-character prefix index (prefix='1') gained nothing measurable for 13 s, 58 MB.
//
// The indexed text (already normalizeForSearch-ed) is split at spaces into runs. Each character of a run
// gives exactly one token: the bigram starting at it, or, for the last character of the run, the
// character alone. So FTS5 positions are character positions, and
//   - a term of 2+ characters is the phrase of its bigrams ("個人情報" → "個人 人情 情報");
//   - a term of 1 character is the prefix query "県" * (every occurrence starts exactly one token);
//   - a quoted phrase with spaces adds the run-final unigram of each inner word, which pins the word to
//     the end of its run ("apache struts" → "ap pa ac ch he e st tr ru ut ts").
// Every match is therefore exactly a substring of the normalised text, which the tests check against
// a brute-force scan. The tokens are handed to FTS5's 'ascii' tokenizer, which splits only at ASCII
// spaces and punctuation; ASCII punctuation inside a token is therefore moved to its full-width form
// (U+FF01–FF5E), which cannot collide with real text because NFKC has already folded those forms away.

const FULLWIDTH_OFFSET = 0xfee0;

function encodeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0x21 && code <= 0x7e && !/[0-9a-z]/.test(ch)) {
    return String.fromCharCode(code + FULLWIDTH_OFFSET);
  }
  return ch;
}

function codePoints(run: string): string[] {
  // Array.from splits by code point: a bigram never holds half of a surrogate pair.
  return Array.from(run, encodeChar);
}

/**
 * The token stream FTS5 indexes for one normalised field. Written as one pass over the UTF-16 units,
 * without arrays: it runs over every character of every imported item (1.3-2x faster than split/map/join).
 */
export function indexTokens(normalized: string): string {
  let out = '';
  let previous = '';
  for (let i = 0; i < normalized.length; ) {
    const code = normalized.charCodeAt(i);
    let ch: string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < normalized.length) {
      ch = normalized.slice(i, i + 2);
      i += 2;
    } else {
      ch = normalized[i]!;
      i += 1;
      if (code === 0x20) {
        // End of a run: its last character stands alone.
        if (previous) out += out ? ` ${previous}` : previous;
        previous = '';
        continue;
      }
      if (code >= 0x21 && code <= 0x7e && !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a))) {
        ch = String.fromCharCode(code + FULLWIDTH_OFFSET);
      }
    }
    if (previous) out += out ? ` ${previous}${ch}` : previous + ch;
    previous = ch;
  }
  if (previous) out += out ? ` ${previous}` : previous;
  return out;
}

export interface PhraseTokens {
  tokens: string[];
  /** The last token is a prefix (a one-character word at the end of the phrase). */
  prefix: boolean;
}

/** The FTS5 phrase that finds exactly the texts containing `normalizedTerm` (non-empty, normalised). */
export function phraseTokens(normalizedTerm: string): PhraseTokens {
  const runs = normalizedTerm.split(' ').filter((run) => run.length > 0);
  const tokens: string[] = [];
  let prefix = false;
  runs.forEach((run, index) => {
    const chars = codePoints(run);
    for (let i = 0; i < chars.length - 1; i++) tokens.push(chars[i]! + chars[i + 1]!);
    const last = index === runs.length - 1;
    if (!last || chars.length === 1) tokens.push(chars[chars.length - 1]!);
    if (last && chars.length === 1) prefix = true;
  });
  return { tokens, prefix };
}

/** FTS5 syntax for one phrase. Tokens hold no ASCII punctuation (see above), so no quote can end the string early. */
export function phraseExpression(phrase: PhraseTokens): string {
  return `"${phrase.tokens.join(' ').replaceAll('"', '""')}"${phrase.prefix ? ' *' : ''}`;
}
