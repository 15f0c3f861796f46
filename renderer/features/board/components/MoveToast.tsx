// After a move: 「…」を確認中へ移動しました, with 元に戻す. The live region stays mounted so screen readers
// announce each new message; the message itself fades after a while (Ctrl+Z still undoes).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLATED, WithIsolated } from '../../../components/WithIsolated.js';
import { useBoard } from '../board-context.js';
import { selectLastMove } from '../board-selectors.js';

const VISIBLE_MS = 8000;

export function MoveToast() {
  const { t } = useTranslation();
  const lastMove = useBoard(selectLastMove);
  const lastMoveUndone = useBoard((s) => s.lastMoveUndone);
  const [hiddenSeq, setHiddenSeq] = useState<number | null>(null);

  useEffect(() => {
    if (!lastMove) return;
    const timer = window.setTimeout(() => setHiddenSeq(lastMove.seq), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [lastMove]);

  const visible = lastMove !== null && lastMove.seq !== hiddenSeq;
  return (
    <div className="toast-region" role="status" aria-label={t('toast.label')}>
      {visible && (
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
