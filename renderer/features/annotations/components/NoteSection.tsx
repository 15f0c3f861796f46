// メモ: the officer's Markdown note, shown rendered; 編集 opens a text area with a live preview beside it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemNote } from '../../../../shared/domain/annotations.js';
import { formatTimestamp } from '../../../components/format-date.js';
import { useAnnotations } from '../annotations-context.js';
import { NoteMarkdown } from './NoteMarkdown.js';

export function NoteSection({ itemId, note, onOpenLink }: { itemId: number; note: ItemNote | null; onOpenLink: (url: string) => void }) {
  const { t } = useTranslation();
  const noteSaved = useAnnotations((s) => s.noteSaved);
  const saving = useAnnotations((s) => s.saving);
  const [draft, setDraft] = useState<string | null>(null);
  const headingId = useId();
  const editorId = useId();

  async function save() {
    if (draft === null) return;
    if (await noteSaved(itemId, draft)) setDraft(null);
  }

  return (
    <section className="detail-section annotation-note" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('annotations.note')}</h3>
      {draft === null ? (
        <>
          {note ? (
            <>
              <NoteMarkdown source={note.body} onOpenLink={onOpenLink} />
              <p className="muted note-meta">{t('annotations.noteUpdated', { when: formatTimestamp(note.updatedAt), who: note.updatedBy })}</p>
            </>
          ) : (
            <p className="muted">{t('annotations.noteEmpty')}</p>
          )}
          <button type="button" className="button" onClick={() => setDraft(note?.body ?? '')}>
            {note ? t('annotations.noteEdit') : t('annotations.noteAdd')}
          </button>
        </>
      ) : (
        <div className="note-editor">
          <label htmlFor={editorId}>{t('annotations.noteLabel')}</label>
          <textarea
            id={editorId}
            className="note-input"
            rows={6}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter saves; Escape leaves the editor (not the whole detail panel).
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setDraft(null);
              }
            }}
          />
          <p className="muted note-help">{t('annotations.noteHelp')}</p>
          <div className="note-preview" aria-label={t('annotations.notePreview')} role="region">
            <span className="note-preview-label">{t('annotations.notePreview')}</span>
            <NoteMarkdown source={draft} onOpenLink={onOpenLink} />
          </div>
          <div className="note-actions">
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
              {t('annotations.noteSave')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
              {t('annotations.noteCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
