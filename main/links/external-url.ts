// Links in imported items are hostile until checked. Only plain http(s) URLs without credentials may
// leave the app; javascript:, file:, smb:, ms-msdt:, search-ms: and anything malformed never reach the
// operating system's URL handler.

export class UnsafeUrlError extends Error {
  constructor(readonly value: string) {
    super(`refused to open "${value.slice(0, 200)}": only http and https links without credentials are opened`);
    this.name = 'UnsafeUrlError';
  }
}

/** Returns the normalised URL, or throws UnsafeUrlError. */
export function checkExternalUrl(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UnsafeUrlError(text);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) {
    throw new UnsafeUrlError(text);
  }
  return url.href;
}

/** The vetted path to shell.openExternal (Electron) or any other opener: nothing else may call it. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<string> {
  const url = checkExternalUrl(value);
  await open(url);
  return url;
}
