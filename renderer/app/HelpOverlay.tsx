// The keyboard shortcuts, shown with ? (or the ヘルプ button). A small modal dialog; focus returns to where
// it was when it closes.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['↑ ↓', 'help.navigateCards'],
  ['← →', 'help.navigateColumns'],
  ['Enter', 'help.open'],
  ['Shift+→ / Shift+←', 'help.moveCard'],
  ['1–5', 'help.moveToColumn'],
  ['s', 'bulk.helpSeverity'],
  ['c', 'bulk.helpCategory'],
  ['x', 'bulk.helpToggle'],
  ['Ctrl+Click / ⌘+Click', 'bulk.helpClick'],
  ['Shift+Click', 'bulk.helpRange'],
  ['Ctrl+A / ⌘A', 'bulk.helpColumn'],
  ['Esc', 'bulk.helpClear'],
  ['1–5 · s · c', 'bulk.helpBulk'],
  ['s · c · 1–5', 'bulk.helpDetail'],
  ['Ctrl+Z / ⌘Z', 'bulk.helpUndo'],
  ['/', 'help.search'],
  ['n / Shift+N', 'help.nextHit'],
  ['h', 'help.history'],
  ['p', 'help.paste'],
  ['Esc', 'help.closePanels'],
  ['?', 'help.toggleHelp'],
] as const;

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Tab') event.preventDefault(); // the close button is the only stop: focus stays inside
  }

  return (
    <div className="overlay">
      <section className="help" role="dialog" aria-modal="true" aria-labelledby="help-title" onKeyDown={onKeyDown}>
        {/* The close button heads the dialog: it takes the focus, and a focused button at the foot of a long
            list would scroll the title out of view. */}
        <div className="help-bar">
          <h2 id="help-title">{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">{t('help.keys')}</th>
              <th scope="col">{t('help.action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={action}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{t(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
