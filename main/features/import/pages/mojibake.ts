/**
 * Finds lines that are damaged text rather than content (H7). Saved Japanese pages get damaged in two typical
 * ways, both visible in shared/samples/000: Shift_JIS whose lead bytes were lost (the trail bytes survive as
 * ASCII, `gbvy[W` was トップページ), and text decoded out of step after a character the converter did not know
 * (①② in CP932), which turns into strings of rare kanji, row-2 symbols and Cyrillic (`△修梁松霾鵝У響`).
 * Real Japanese text uses rare (JIS level-2) kanji one at a time (改竄, 瑕疵); damage produces them in clusters,
 * so the test looks at short windows, not at single characters.
 */

export type LineDamage = 'strong' | 'weak' | null;

const LEVEL2_KANJI: ReadonlySet<string> = buildLevel2Kanji();

// Symbols from JIS row 2 and combining marks that ordinary prose does not use, least of all at a line start.
const RARE_SYMBOLS: ReadonlySet<string> = new Set([
  ...'∩∪⊂⊃⊆⊇∈∋∧∨¬⇒⇔∀∃∠⊥⌒∂∇≡≪≫√∽∝∵∫∬ゞゝヾヽ〃仝￣‖∥',
]);

const WINDOW = 5;
const STRONG_WEIGHT = 3;

/**
 * 'strong': the line is damaged. 'weak': one odd character, which alone proves nothing but next to a damaged
 * line is part of the same damage. null: clean.
 */
export function lineDamage(text: string): LineDamage {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (hasJapanese(trimmed)) return japaneseDamage(trimmed);
  return asciiDamage(trimmed);
}

/** Weak lines next to a strong one (ignoring blank lines) are part of the same damaged block. */
export function spreadDamage(damage: readonly LineDamage[], isBlank: (index: number) => boolean): boolean[] {
  const result = damage.map((d) => d === 'strong');
  const neighbours = (index: number, step: number): number => {
    let i = index + step;
    while (i >= 0 && i < damage.length && isBlank(i)) i += step;
    return i;
  };
  damage.forEach((d, index) => {
    if (d !== 'weak') return;
    const before = damage[neighbours(index, -1)];
    const after = damage[neighbours(index, 1)];
    if (before === 'strong' || after === 'strong') result[index] = true;
  });
  return result;
}

function japaneseDamage(text: string): LineDamage {
  // A lost Shift_JIS lead byte leaves its trail byte as ASCII right before the text: `.レジットカード情報`.
  // Opening brackets and quotes are left out: `[注意喚起]…` and `'…'` are how real titles begin.
  if (/^[.@`^_|~\\\]}][\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text)) return 'strong';
  const chars = [...text];
  const weights = chars.map((c, index) => charWeight(c, index === 0));
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i] ?? 0;
    let window = 0;
    for (let j = i; j < i + WINDOW && j < weights.length; j++) window += weights[j] ?? 0;
    if (window >= STRONG_WEIGHT) return 'strong';
  }
  return total > 0 ? 'weak' : null;
}

function charWeight(c: string, atStart: boolean): number {
  if (c === '\uFFFD') return 2;
  if (/[\u0370-\u03FF\u0400-\u04FF]/u.test(c)) return 2;
  if (RARE_SYMBOLS.has(c) || /\p{M}/u.test(c)) return atStart ? 2 : 1;
  if (LEVEL2_KANJI.has(c)) return 1;
  return 0;
}

// Trail bytes of Shift_JIS kana and kanji read as ASCII give tokens like `ZLeBKoiX`, `\[VpbN`, `PMS^JIS`: case
// flipping inside short words and bracket or caret characters between letters. Paths (`C:\Windows`) are spared
// by leaving the backslash out, and only short lines count: prose in English is never judged here.
const ASCII_TOKEN = /[A-Za-z[\]^`{|}~\\_]{3,}/g;
const MAX_ASCII_LINE = 40;

function asciiDamage(text: string): LineDamage {
  if (text.length > MAX_ASCII_LINE) return null;
  const letters = (text.match(/[A-Za-z]/g) ?? []).length;
  if (letters < 3) return null;
  let suspicious = 0;
  for (const token of text.match(ASCII_TOKEN) ?? []) {
    if (isGarbledToken(token)) suspicious += (token.match(/[A-Za-z]/g) ?? []).length;
  }
  if (suspicious === 0) return null;
  return suspicious * 2 >= letters ? 'strong' : 'weak';
}

function isGarbledToken(token: string): boolean {
  const letters = (token.match(/[A-Za-z]/g) ?? []).length;
  if (letters >= 2 && /[[\]^`{|}~]/.test(token)) return true;
  if (token.length > 12) return false;
  const flips = token.match(/[a-z][A-Z]/g)?.length ?? 0;
  return flips >= 2;
}

function hasJapanese(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}

/** JIS X 0208 level-2 kanji and the CP932 extension kanji, read from the Shift_JIS code table itself. */
function buildLevel2Kanji(): Set<string> {
  const decoder = new TextDecoder('shift_jis');
  const set = new Set<string>();
  const leads = [...range(0x98, 0x9f), ...range(0xe0, 0xea), 0xed, 0xee, 0xfa, 0xfb, 0xfc];
  for (const lead of leads) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) {
      // Row 0x98 holds the last level-1 kanji up to 0x9872; level 2 begins at 0x989F.
      if (lead === 0x98 && trail < 0x9f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if ([...char].length === 1 && /\p{Script=Han}/u.test(char)) set.add(char);
    }
  }
  return set;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
