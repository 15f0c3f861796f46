// Which frames may call the IPC contract: only the app's own main frame, loaded from app://triage/.
// This rejects IPC from subframes, about:blank or data: frames and any other window that might appear,
// and parses the URL rather than comparing prefixes ("app://triage.evil/" is not ours).

export const APP_SCHEME = 'app';
export const APP_HOST = 'triage';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || !frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
