// The 状態 select: the same move as dragging the card, for anyone working from the detail panel.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, isStatus, type Status } from '../../../../shared/domain/vocabulary.js';
import { useBoard } from '../board-context.js';

export function StatusSelect({ id, status }: { id: number; status: Status }) {
  const { t } = useTranslation();
  const selectId = useId();
  const cardMovedToColumn = useBoard((s) => s.cardMovedToColumn);
  return (
    <div className="field">
      <label htmlFor={selectId}>{t('detail.status')}</label>
      <select
        id={selectId}
        value={status}
        onChange={(event) => {
          if (isStatus(event.target.value)) void cardMovedToColumn(id, event.target.value);
        }}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
