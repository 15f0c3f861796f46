// The same folder Electron's app.getPath('userData') gives for productName "Triage Desk", so the app, the
// browser shell and the CLI share one database unless told otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Triage Desk';
export const DATABASE_FILE = 'triage-desk.sqlite';

export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** `TRIAGE_DESK_DB` overrides the default for every entry point; `--db` overrides both. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRIAGE_DESK_DB ?? join(userDataFolder(env), DATABASE_FILE);
}
