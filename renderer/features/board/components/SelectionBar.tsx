// The bar over the board while cards are selected: 「N件を選択中」 and the bulk actions (status, category,
// severity, tags added or removed), each one change to every selected item, undone as a whole from the
// toast or with Ctrl+Z.
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange } from '../../../../shared/domain/bulk-change.js';
import { CATEGORIES, SEVERITIES, STATUSES, isStatus, type Category } from '../../../../shared/domain/vocabulary.js';
import { useBoard } from '../board-context.js';

const NONE = '';

/** Tags typed in one field: split at commas (also the Japanese 、 and full-width ，), blanks dropped. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,、，]/u).map((t) => t.trim()).filter((t) => t !== ''))];
}

function changeOf(field: 'status' | 'category' | 'severity', value: string): BulkChange | null {
  if (field === 'status') return isStatus(value) ? { status: value } : null;
  if (field === 'category') return (CATEGORIES as readonly string[]).includes(value) ? { category: value as Category } : null;
  const severity = SEVERITIES.find((s) => String(s) === value);
  return severity === undefined ? null : { severity };
}

export function SelectionBar() {
  const { t } = useTranslation();
  const count = useBoard((s) => s.selection.length);
  const busy = useBoard((s) => s.bulkBusy);
  const error = useBoard((s) => s.bulkError);
  const bulkChangeRequested = useBoard((s) => s.bulkChangeRequested);
  const selectionCleared = useBoard((s) => s.selectionCleared);
  const bulkErrorDismissed = useBoard((s) => s.bulkErrorDismissed);
  const [tagText, setTagText] = useState('');
  if (count === 0 && !error) return null;
  const tags = splitTags(tagText);

  function onTags(mode: 'add' | 'remove') {
    if (tags.length === 0) return;
    void bulkChangeRequested(mode === 'add' ? { addTags: tags } : { removeTags: tags });
    setTagText('');
  }

  // The select goes back to its prompt at once: it is a command, not a field holding a value.
  const onPick = (field: 'status' | 'category' | 'severity') => (event: ChangeEvent<HTMLSelectElement>) => {
    const change = changeOf(field, event.target.value);
    event.target.value = NONE;
    if (change) void bulkChangeRequested(change);
  };

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && count > 0) {
      event.preventDefault();
      selectionCleared();
    }
  }

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('bulk.bar')} aria-busy={busy} onKeyDown={onKeyDown}>
      {count > 0 && (
        <>
          <strong className="selection-count" aria-live="polite">
            {t('bulk.selected', { count })}
          </strong>
          <label className="selection-action">
            <span>{t('bulk.status')}</span>
            <select aria-label={t('bulk.status')} defaultValue={NONE} disabled={busy} onChange={onPick('status')}>
              <option value={NONE}>{t('bulk.choose')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="selection-action">
            <span>{t('bulk.category')}</span>
            <select aria-label={t('bulk.category')} defaultValue={NONE} disabled={busy} onChange={onPick('category')}>
              <option value={NONE}>{t('bulk.choose')}</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`vocab.category.${category}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="selection-action">
            <span>{t('bulk.severity')}</span>
            <select aria-label={t('bulk.severity')} defaultValue={NONE} disabled={busy} onChange={onPick('severity')}>
              <option value={NONE}>{t('bulk.choose')}</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={String(severity)}>
                  {t(`vocab.severity.${severity}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="selection-action">
            <input
              type="text"
              aria-label={t('bulk.tags')}
              placeholder={t('bulk.tagsPlaceholder')}
              value={tagText}
              maxLength={400}
              disabled={busy}
              onChange={(e) => setTagText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  onTags('add');
                }
              }}
            />
            <button type="button" className="button" disabled={busy || tags.length === 0} onClick={() => onTags('add')}>
              {t('bulk.addTags')}
            </button>
            <button type="button" className="button" disabled={busy || tags.length === 0} onClick={() => onTags('remove')}>
              {t('bulk.removeTags')}
            </button>
          </span>
          <button type="button" className="button button--quiet" onClick={selectionCleared}>
            {t('bulk.clear')}
          </button>
          {busy && <span className="muted">{t('bulk.busy')}</span>}
        </>
      )}
      {error && (
        <span className="selection-error" role="alert">
          {t('bulk.failed', { message: error })}{' '}
          <button type="button" className="button button--quiet" onClick={bulkErrorDismissed}>
            {t('app.dismiss')}
          </button>
        </span>
      )}
    </div>
  );
}
