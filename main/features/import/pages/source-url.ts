/**
 * The item's own link: the first http(s) URL of a `【URL】` (or 出典, 参考, ソース…) section, else a line that
 * is nothing but a URL, else the link on the title (HTML). URLs inside ordinary text are not the source: in
 * 000 the bullet list `・https://api.saisoncard.co.jp` shows which sites are genuine, it does not cite one.
 * Only http and https leave here; `javascript:`, `file:` and the like never become a source URL.
 */

const SECTION = /^(?:【\s*(?:URL|ＵＲＬ|出典|参考|参照|ソース|情報源|リンク|原文|元記事|発表|公表)[^】]{0,10}】|(?:URL|出典|参考URL|参照|ソース|source)\s*[:：])/i;
const ANY_SECTION = /^【[^】]{1,30}】/;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'「」『』（）()【】、。]+/i;
// A source section holds its URL at once; looking further only costs time on long bodies.
const SECTION_REACH = 5;
const URL_LINE = /^https?:\/\/\S+$/i;

export function findSourceUrl(body: readonly string[], titleHref: string | null): string | null {
  for (let i = 0; i < body.length; i++) {
    const line = (body[i] ?? '').normalize('NFKC').trim();
    if (!SECTION.test(line)) continue;
    // The URL is on the section line itself or on the lines under it, up to the next section.
    for (let j = i; j < body.length && j <= i + SECTION_REACH; j++) {
      const candidate = (body[j] ?? '').normalize('NFKC').trim();
      if (j > i && ANY_SECTION.test(candidate)) break;
      const url = safeUrl(URL_IN_TEXT.exec(candidate)?.[0] ?? null);
      if (url) return url;
    }
  }
  for (const raw of body) {
    const line = raw.normalize('NFKC').trim();
    if (URL_LINE.test(line)) {
      const url = safeUrl(line);
      if (url) return url;
    }
  }
  return safeUrl(titleHref);
}

export function safeUrl(raw: string | null): string | null {
  if (raw === null) return null;
  const trimmed = raw.trim().replace(/[.,;:!?)\]}>」』】]+$/u, '');
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Credentials in a URL are a phishing trick (`https://bank.example@evil.example`), not a source.
    if (url.username !== '' || url.password !== '') return null;
    return trimmed;
  } catch {
    return null;
  }
}
