// After a move: 「…」を確認中へ移動しました, with 元に戻す; after a bulk change: 3件の状態を「対象外」に変更しました,
// with 元に戻す for the whole batch. The toast shows the latest of the two, the one Ctrl+Z undoes. The live
// region stays mounted so screen readers announce each new message; the message itself fades after a
// while (Ctrl+Z still undoes).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLATED, WithIsolated } from '../../../components/WithIsolated.js';
import { useBoard } from '../board-context.js';
import { selectLastMove } from '../board-selectors.js';
import { latestActionIsBulk, type LastBulk } from '../selection-slice.js';

const VISIBLE_MS = 8000;

function useBulkMessage(bulk: LastBulk | null): string {
  const { t } = useTranslation();
  if (!bulk) return '';
  if (bulk.undone) {
    return bulk.skipped > 0 ? t('bulk.undoneSkipped', { count: bulk.count, skipped: bulk.skipped }) : t('bulk.undone', { count: bulk.count });
  }
  const { change } = bulk;
  if ('addTags' in change || 'removeTags' in change) {
    const tags = ('addTags' in change ? change.addTags : change.removeTags).join('、');
    if (bulk.batchId === null) return t('bulk.tagsUnchanged');
    return t('addTags' in change ? 'bulk.tagsAdded' : 'bulk.tagsRemoved', { count: bulk.count, tags });
  }
  const [field, value] =
    'status' in change
      ? [t('bulk.fieldStatus'), t(`status.${change.status}`)]
      : 'severity' in change
        ? [t('bulk.fieldSeverity'), t(`vocab.severity.${change.severity}`)]
        : [t('bulk.fieldCategory'), change.category === null ? t('search.unknown') : t(`vocab.category.${change.category}`)];
  return bulk.batchId === null ? t('bulk.unchanged', { value }) : t('bulk.changed', { count: bulk.count, field, value });
}

export function MoveToast() {
  const { t } = useTranslation();
  const lastMove = useBoard(selectLastMove);
  const lastBulk = useBoard((s) => s.lastBulk);
  const bulkIsLatest = useBoard(latestActionIsBulk);
  const lastMoveUndone = useBoard((s) => s.lastMoveUndone);
  const bulkMessage = useBulkMessage(lastBulk);
  const [hiddenKey, setHiddenKey] = useState<string | null>(null);
  // Moves and bulk changes count their own sequences: the key tells one message from the next.
  const key = bulkIsLatest && lastBulk ? `bulk-${lastBulk.seq}` : lastMove ? `move-${lastMove.seq}` : null;

  useEffect(() => {
    if (key === null) return;
    const timer = window.setTimeout(() => setHiddenKey(key), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  const visible = key !== null && key !== hiddenKey;
  return (
    <div className="toast-region" role="status" aria-label={t('toast.label')}>
      {visible && bulkIsLatest && lastBulk && (
        <div className="toast">
          <span>{bulkMessage}</span>
          {!lastBulk.undone && lastBulk.batchId !== null && (
            <button type="button" className="button button--quiet" onClick={() => void lastMoveUndone()}>
              {t('toast.undo')}
            </button>
          )}
        </div>
      )}
      {visible && !bulkIsLatest && lastMove && (
        <div className="toast">
          <span>
            <WithIsolated
              template={t(lastMove.undone ? 'toast.undone' : 'toast.moved', {
                title: ISOLATED,
                status: t(`status.${lastMove.to}`),
              })}
              value={lastMove.title}
            />
          </span>
          {!lastMove.undone && (
            <button type="button" className="button button--quiet" onClick={() => void lastMoveUndone()}>
              {t('toast.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
