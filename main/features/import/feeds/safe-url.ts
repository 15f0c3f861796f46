// Which feed links may become clickable (F11). Everything in a feed is hostile: a `javascript:` or `file:` link
// that reached `shell.openExternal` or an <a href> would run code or open local files, so only absolute
// http(s) URLs pass, checked with the WHATWG parser rather than a prefix test, and the rest stays inert text.

// Controls, invisible and bidi-override characters can make a URL look like another one (an RLO turns
// `moc.evil` into `evil.com` on screen), and whitespace never belongs in a real link.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const DECEPTIVE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/u;

// `new URL` would also accept `https:\\host` and `http:host` (it repairs them into `https://host/`), so the raw
// text must already be spelled as a normal absolute http(s) URL.
const ABSOLUTE_HTTP = /^https?:\/\/[^/?#\\]/i;

/** The link itself when it is a plain absolute http(s) URL with a host, otherwise null. */
export function toSafeHttpUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || text.length > 8192) return null;
  if (DECEPTIVE.test(text) || !ABSOLUTE_HTTP.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  // The text as the feed wrote it (not url.href), so it compares equal to the same link in a CSV snapshot.
  return text;
}
