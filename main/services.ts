// Opens the database and builds the handler table: everything an entry point (Electron, the browser
// shell, tests) needs, with no Electron in sight.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Connection } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { EventHub } from './events/event-hub.js';
import { createHandlers, type HandlerDeps, type Handlers } from './handlers.js';

export interface Services {
  db: Connection;
  events: EventHub;
  handlers: Handlers;
  close: () => Promise<void>;
}

export function readAppVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function currentActor(): string {
  try {
    return userInfo().username || 'officer';
  } catch {
    return 'officer';
  }
}

export async function openServices(
  databasePath: string,
  options: Pick<HandlerDeps, 'transport' | 'openExternal' | 'spawnParser'> & { version?: string },
): Promise<Services> {
  const db = await openDatabase(databasePath);
  const events = new EventHub();
  const handlers = createHandlers({
    events,
    db,
    version: options.version ?? readAppVersion(),
    transport: options.transport,
    actor: currentActor(),
    openExternal: options.openExternal,
    spawnParser: options.spawnParser,
  });
  return { db, events, handlers, close: () => db.close() };
}
