// What a screen reader hears while a card is dragged with the pointer, in the officer's language.
import type { Announcements } from '@dnd-kit/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { isStatus } from '../../../../shared/domain/vocabulary.js';

function titleOf(data: Record<string, unknown> | undefined): string {
  const card = data?.['card'] as CardSummary | undefined;
  return card?.title ?? '';
}

export function useDragAnnouncements(): Announcements {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      onDragStart: ({ active }) => t('board.dragStart', { title: titleOf(active.data.current) }),
      onDragOver: ({ over }) => (isStatus(over?.id) ? t('board.dragOver', { status: t(`status.${over.id}`) }) : undefined),
      onDragEnd: ({ active, over }) =>
        isStatus(over?.id)
          ? t('board.dragEnd', { title: titleOf(active.data.current), status: t(`status.${over.id}`) })
          : t('board.dragCancel'),
      onDragCancel: () => t('board.dragCancel'),
    }),
    [t],
  );
}
