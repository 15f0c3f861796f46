// Pure helpers over the board's columns, shared by the store (optimistic moves) and the components.
import type { BoardCard } from '../../../shared/domain/board-query.js';
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn } from '../../../shared/ipc/contract.js';

export function findCard(columns: readonly BoardColumn[], id: number): BoardCard | undefined {
  for (const column of columns) {
    const card = column.cards.find((c) => c.id === id);
    if (card) return card;
  }
  return undefined;
}

/** The server's order: newest publication first, undated last, then newest id first. */
function compareCards(a: BoardCard, b: BoardCard): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? 1 : -1;
  }
  return b.id - a.id;
}

/**
 * Puts the card in the column of its status (in the server's order), taking it out of wherever it was.
 * Counts follow. Columns are new objects only where something changed.
 */
export function placeCard(columns: readonly BoardColumn[], card: BoardCard): BoardColumn[] {
  return columns.map((column) => {
    const had = column.cards.some((c) => c.id === card.id);
    const wants = column.status === card.status;
    if (!had && !wants) return column;
    const others = had ? column.cards.filter((c) => c.id !== card.id) : column.cards;
    if (!wants) return { ...column, cards: others, count: Math.max(0, column.count - 1) };
    const index = others.findIndex((c) => compareCards(card, c) < 0);
    const cards = index === -1 ? [...others, card] : [...others.slice(0, index), card, ...others.slice(index)];
    return { ...column, cards, count: had ? column.count : column.count + 1 };
  });
}

export function neighbourStatus(status: Status, step: 1 | -1): Status | undefined {
  return STATUSES[STATUSES.indexOf(status) + step];
}
