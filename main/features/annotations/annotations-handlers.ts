// The annotations part of the handler table (issue #5, the detail): thin wiring from the contract's
// channels to the repositories. Inputs arrive validated (tags already normalised by the contract's schema).
import type { Channel } from '../../../shared/ipc/contract.js';
import type { Connection } from '../../db/database.js';
import type { Handlers } from '../../handlers.js';
import {
  addTags,
  linkItems,
  listItemTags,
  listTags,
  removeTags,
  setNote,
  unlinkItems,
  type Actor,
} from './annotations-repository.js';
import { historyFile } from './history-export.js';
import { listHistory } from './history-repository.js';

type AnnotationChannel = Extract<Channel, 'items.setNote' | 'items.addTags' | 'items.removeTags' | 'items.link' | 'items.unlink' | 'tags.list' | 'history.export'>;

export interface AnnotationHandlerDeps {
  db: Connection;
  /** Who is recorded in the history. */
  actor: string;
  now?: () => Date;
}

export function createAnnotationHandlers(deps: AnnotationHandlerDeps): Pick<Handlers, AnnotationChannel> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const actor = (): Actor => ({ by: deps.actor, at: now().toISOString() });
  return {
    'items.setNote': (input) => setNote(db, input.id, input.body, actor()),
    'items.addTags': async (input) => {
      await db.withTransaction((tx) => addTags(tx, [input.id], input.tags, actor()));
      return listItemTags(db, input.id);
    },
    'items.removeTags': async (input) => {
      await db.withTransaction((tx) => removeTags(tx, [input.id], input.tags, actor()));
      return listItemTags(db, input.id);
    },
    'items.link': (input) => linkItems(db, input.id, input.otherId, input.note ?? null, actor()),
    'items.unlink': (input) => unlinkItems(db, input.id, input.otherId, actor()),
    'tags.list': (input) => listTags(db, { prefix: input.prefix, limit: input.limit }),
    'history.export': async (input) => {
      const scope = { itemId: input.itemId, from: input.from, to: input.to };
      return historyFile(await listHistory(db, scope), input.format, scope);
    },
  };
}
