// Opens the database and builds the handler table: everything an entry point (Electron, the browser
// shell, tests) needs, with no Electron in sight.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Connection } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { EventHub } from './events/event-hub.js';
import { defaultExtractor } from './features/facts/default-extractor.js';
import { FactsRefresher } from './features/facts/facts-refresher.js';
import { createHandlers, type HandlerDeps, type Handlers } from './handlers.js';

export interface Services {
  db: Connection;
  events: EventHub;
  handlers: Handlers;
  facts: FactsRefresher;
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
  options: Pick<HandlerDeps, 'transport' | 'openExternal' | 'spawnParser' | 'printPdf' | 'printDialog' | 'uploads'> & { version?: string },
): Promise<Services> {
  const db = await openDatabase(databasePath);
  const events = new EventHub();
  const facts = new FactsRefresher(db, defaultExtractor, events);
  const handlers = createHandlers({
    facts,
    events,
    db,
    version: options.version ?? readAppVersion(),
    transport: options.transport,
    actor: currentActor(),
    openExternal: options.openExternal,
    spawnParser: options.spawnParser,
    printPdf: options.printPdf,
    printDialog: options.printDialog,
    uploads: options.uploads,
  });
  // Items imported before this version of the extractor (or by the CLI) are read now, in the background.
  facts.schedule();
  return {
    db,
    events,
    handlers,
    facts,
    close: async () => {
      await facts.stop();
      await db.close();
    },
  };
}
