// The Japanese font every printed bulletin uses, shipped with the app through @fontsource/noto-sans-jp so
// every machine prints alike and printing needs no network. The package slices the font by unicode-range
// (~125 slices a weight); only the slices holding a character of the document are embedded, as data:
// URLs, which keeps a bulletin's HTML around 0.5–2 MB instead of 8 MB. Chromium then embeds the glyphs
// it used in the PDF.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface FontSlice {
  weight: number;
  file: string;
  ranges: [number, number][];
}

export const FONT_FAMILY = 'Noto Sans JP';
const WEIGHTS = [400, 700] as const;

let slices: FontSlice[] | null = null;
const dataUrls = new Map<string, string>();

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@fontsource/noto-sans-jp/package.json'));
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
    const from = Number.parseInt(start ?? '0', 16);
    return [from, end === undefined ? from : Number.parseInt(end, 16)];
  });
}

function loadSlices(): FontSlice[] {
  if (slices) return slices;
  const dir = packageDir();
  slices = WEIGHTS.flatMap((weight) => {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
      const body = m[1] ?? '';
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
      return file && range ? [{ weight, file: join(dir, 'files', file), ranges: parseRanges(range) }] : [];
    });
  });
  return slices;
}

function dataUrl(file: string): string {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

function codePointsOf(text: string): number[] {
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0) ?? 0);
  return [...codePoints];
}

/**
 * @font-face rules for the slices that hold the characters of `text` (regular) and of `boldText` (bold:
 * headings, emphasis, table heads). Bold text is short, so its few slices cost little, and real bold
 * glyphs print better than Chromium's synthesised ones (which end up as Type 3 fonts in the PDF).
 */
export function fontFacesFor(text: string, boldText = ''): string {
  const regular = codePointsOf(text);
  const bold = codePointsOf(boldText);
  return loadSlices()
    .filter((s) => (s.weight === 700 ? bold : regular).some((p) => s.ranges.some(([a, b]) => p >= a && p <= b)))
    .map(
      (s) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${s.weight};` +
        `src:url(${dataUrl(s.file)}) format('woff2');unicode-range:${s.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')};}`,
    )
    .join('\n');
}
