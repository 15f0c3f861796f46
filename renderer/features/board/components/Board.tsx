// The triage board: five columns in STATUSES order, cards moved by drag and drop or from the keyboard.
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { isStatus } from '../../../../shared/domain/vocabulary.js';
import { useBoard } from '../board-context.js';
import { findCard } from '../board-columns.js';
import { selectColumns, selectLastMove, selectLoading, selectSelectedId } from '../board-selectors.js';
import { focusCard, focusIsLost } from '../card-focus.js';
import { cardKeyCommand } from '../card-keys.js';
import { BoardColumn, type FocusRequest } from './BoardColumn.js';
import { Card } from './Card.js';
import { useDragAnnouncements } from './use-drag-announcements.js';
import { useSelectionKeys } from './use-selection-keys.js';

export function Board() {
  const { t } = useTranslation();
  const columns = useBoard(selectColumns);
  const selectedId = useBoard(selectSelectedId);
  const lastMove = useBoard(selectLastMove);
  const loading = useBoard(selectLoading);
  const cardOpened = useBoard((s) => s.cardOpened);
  const cardMovedToColumn = useBoard((s) => s.cardMovedToColumn);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [dragged, setDragged] = useState<CardSummary | null>(null);
  // A keyboard move to a card the virtualized column has not rendered: the column scrolls to it and focuses it.
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const announcements = useDragAnnouncements();
  const selectionKeys = useSelectionKeys();
  // Distance 5 px: a click (or a shaky click) opens the card instead of starting a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  // Roving tabindex: one card of the board is in the Tab order; arrows move between the others.
  const tabbableId = useMemo(() => {
    if (activeId !== null && findCard(columns, activeId)) return activeId;
    return columns.find((c) => c.cards.length > 0)?.cards[0]?.id ?? null;
  }, [columns, activeId]);

  // Kept in the DOM however far its column scrolls: focus must not vanish with an unmounted card, nor a drag.
  const pinnedIds = useMemo(
    () => [tabbableId, dragged?.id].filter((id): id is number => typeof id === 'number'),
    [tabbableId, dragged],
  );

  // A moved card remounts in its new column (in the same commit as lastMove changes) and the focus it had
  // is lost: give it back, so a keyboard user can go on moving it.
  const activeIdRef = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (lastMove && lastMove.id === activeIdRef.current && focusIsLost() && boardRef.current) {
      focusCard(lastMove.id, boardRef.current);
    }
  }, [lastMove]);

  function onFocusCard(id: number) {
    activeIdRef.current = id;
    setActiveId(id);
  }

  function onCardKeyDown(event: KeyboardEvent<HTMLElement>, card: CardSummary) {
    const command = cardKeyCommand(columns, card, event);
    if (!command) return;
    if (selectionKeys.run(command, card, event)) return;
    event.preventDefault();
    if (command.type === 'focus' && boardRef.current) {
      if (!focusCard(command.id, boardRef.current)) setFocusRequest((r) => ({ id: command.id, seq: (r?.seq ?? 0) + 1 }));
    }
    else if (command.type === 'open') void cardOpened(card.id);
    else if (command.type === 'move') void cardMovedToColumn(card.id, command.to);
  }

  function onDragStart(event: DragStartEvent) {
    const card = findCard(columns, Number(event.active.id));
    setDragged(card ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const to = event.over?.id;
    if (isStatus(to)) void cardMovedToColumn(Number(event.active.id), to);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.cardInstructions') } }}
    >
      <div className="board" ref={boardRef} aria-label={t('board.label')} role="group" aria-busy={loading}>
        {columns.map((column) => (
          <BoardColumn
            key={column.status}
            column={column}
            tabbableId={tabbableId}
            selectedId={selectedId}
            pinnedIds={pinnedIds}
            focusRequest={focusRequest}
            onOpen={(id) => void cardOpened(id)}
            onFocusCard={onFocusCard}
            onCardKeyDown={onCardKeyDown}
          />
        ))}
      </div>
      <DragOverlay>
        {dragged && (
          <div className="card card--overlay">
            <Card card={dragged} />
          </div>
        )}
      </DragOverlay>
      {selectionKeys.menu}
    </DndContext>
  );
}
