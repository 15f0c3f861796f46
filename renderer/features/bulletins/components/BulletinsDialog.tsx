// The bulletins dialog: the list on the left, the open bulletin on the right. Modal: focus moves in, Tab
// stays inside, Escape closes (asking first about unsaved edits), Ctrl+S saves the draft, and no key
// reaches the board behind it.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { trapTabFocus } from '../../../components/trap-tab-focus.js';
import { useBulletins } from '../bulletins-context.js';
import { BulletinEditor, errorText } from './BulletinEditor.js';
import { BulletinList } from './BulletinList.js';
import { BulletinSettingsForm } from './BulletinSettingsForm.js';
import './bulletins.css';

export function BulletinsDialog({ returnFocusRef }: { returnFocusRef?: RefObject<HTMLElement | null> }) {
  const open = useBulletins((s) => s.open);
  return open ? <Dialog returnFocusRef={returnFocusRef} /> : null;
}

function Dialog({ returnFocusRef }: { returnFocusRef?: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const current = useBulletins((s) => s.current);
  const settings = useBulletins((s) => s.settings);
  const settingsOpened = useBulletins((s) => s.settingsOpened);
  const error = useBulletins((s) => s.error);
  const busy = useBulletins((s) => s.busy);
  const bulletinsClosed = useBulletins((s) => s.bulletinsClosed);
  const draftSaved = useBulletins((s) => s.draftSaved);
  const dialogRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    titleRef.current?.focus();
    return () => {
      const target = previous?.isConnected ? previous : returnFocusRef?.current;
      target?.focus();
    };
  }, [returnFocusRef]);

  // A button disabled while a call runs drops the focus to <body>, outside the dialog: the focus comes
  // back to the dialog, and keys pressed meanwhile still belong to it, never to the board behind.
  useEffect(() => {
    if (busy === null && document.activeElement === document.body) titleRef.current?.focus();
  }, [busy]);
  useEffect(() => {
    function onWindowKeyDown(event: globalThis.KeyboardEvent) {
      if (dialogRef.current?.contains(event.target as Node)) return; // handled by onKeyDown below
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        bulletinsClosed(t('bulletins.confirmDiscard'));
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void draftSaved();
      }
    }
    window.addEventListener('keydown', onWindowKeyDown, true);
    return () => window.removeEventListener('keydown', onWindowKeyDown, true);
  }, [bulletinsClosed, draftSaved, t]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // The board's shortcuts (/, h, p, Ctrl+Z, arrows) must not act behind the modal.
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      bulletinsClosed(t('bulletins.confirmDiscard'));
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
      // Also keeps the browser's "save page" dialog away.
      event.preventDefault();
      void draftSaved();
      return;
    }
    trapTabFocus(event, dialogRef.current, titleRef.current);
  }

  return (
    <div className="overlay">
      <section ref={dialogRef} className="bulletins" role="dialog" aria-modal="true" aria-labelledby="bulletins-title" aria-busy={busy !== null} onKeyDown={onKeyDown}>
        <div className="bulletins-bar">
          <h2 id="bulletins-title" ref={titleRef} tabIndex={-1}>
            {t('bulletins.title')}
          </h2>
          <span className="bulletins-bar-actions">
            <button type="button" className="button button--quiet" aria-pressed={settings !== null} disabled={busy !== null} onClick={() => void settingsOpened()}>
              {t('bulletins.settings.button')}
            </button>
            <button type="button" className="button" onClick={() => bulletinsClosed(t('bulletins.confirmDiscard'))}>
              {t('bulletins.close')}
            </button>
          </span>
        </div>
        <div className="bulletins-body">
          <BulletinList />
          <div className="bulletins-main">
            {settings ? (
              <BulletinSettingsForm settings={settings} />
            ) : current ? (
              <BulletinEditor key={current.bulletin.id} bulletin={current.bulletin} />
            ) : (
              <>
                <p className="bulletin-alert" role="alert">
                  {error && errorText(error, t)}
                </p>
                <p className="muted">{busy === 'create' || busy === 'open' ? t('bulletins.loading') : t('bulletins.pick')}</p>
              </>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
