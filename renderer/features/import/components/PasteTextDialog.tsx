// 「テキストを貼り付けて取り込む」: a modal dialog with a large textarea. The officer pastes a news page's list
// or article; main splits it into items by date and heading. Focus starts in the textarea, Tab stays inside,
// Escape or キャンセル closes, and focus goes back to where it was.
//
// Pasted HTML is taken as plain text: a textarea only ever receives the clipboard's text/plain, and nothing
// here reads the clipboard itself.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport } from '../import-context.js';
import { selectBusy, selectPasteOpen } from '../import-selectors.js';
import { MAX_PASTED_CHARS } from '../import-store.js';
import { trapTabFocus } from '../../../components/trap-tab-focus.js';


export function PasteTextDialog() {
  const open = useImport(selectPasteOpen);
  return open ? <PasteDialog /> : null;
}

function PasteDialog() {
  const { t, i18n } = useTranslation();
  const busy = useImport(selectBusy);
  const pasteClosed = useImport((s) => s.pasteClosed);
  const textImportRequested = useImport((s) => s.textImportRequested);
  const [text, setText] = useState('');
  const dialogRef = useRef<HTMLElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    textareaRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const tooLong = text.length > MAX_PASTED_CHARS;
  const sendable = text.trim() !== '' && !tooLong && !busy;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sendable) void textImportRequested(text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      pasteClosed();
      return;
    }
    trapTabFocus(event, dialogRef.current);
  }

  return (
    <div className="overlay">
      <section
        ref={dialogRef}
        className="paste"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-hint`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{t('paste.title')}</h2>
        <p id={`${id}-hint`}>{t('paste.hint')}</p>
        <form onSubmit={onSubmit}>
          <textarea
            ref={textareaRef}
            className="paste-text"
            aria-label={t('paste.textLabel')}
            aria-describedby={`${id}-count`}
            aria-invalid={tooLong}
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-count`} className={tooLong ? 'paste-count paste-count--over' : 'paste-count'}>
            {t(tooLong ? 'paste.countOver' : 'paste.count', { chars: number.format(text.length), limit: number.format(MAX_PASTED_CHARS) })}
          </p>
          <div className="paste-actions">
            <button type="submit" className="button button--primary" disabled={!sendable}>
              {t('paste.submit')}
            </button>
            <button type="button" className="button" onClick={pasteClosed}>
              {t('paste.cancel')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
