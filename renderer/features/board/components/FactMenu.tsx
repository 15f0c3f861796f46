// The small menu that `s` (severity) and `c` (category) open on a focused card: each choice has a key
// (1–4 for severities, A–L for categories, read from KeyboardEvent.code so a Japanese keyboard or the IME's
// direct input gives the same keys), ↑↓ and Enter also choose, Esc closes. Focus returns to the card.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange } from '../../../../shared/domain/bulk-change.js';
import { CATEGORIES, SEVERITIES } from '../../../../shared/domain/vocabulary.js';

export type FactMenuField = 'severity' | 'category';

interface Choice {
  /** What the key prints in the menu. */
  label: string;
  /** The KeyboardEvent.code values that choose it. */
  codes: string[];
  change: BulkChange;
  text: string;
}

const LETTERS = 'ABCDEFGHIJKL';

function useChoices(field: FactMenuField): Choice[] {
  const { t } = useTranslation();
  if (field === 'severity') {
    return SEVERITIES.map((severity) => ({
      label: String(severity),
      codes: [`Digit${severity}`, `Numpad${severity}`],
      change: { severity },
      // The vocabulary's label starts with the number the key already shows.
      text: t(`vocab.severity.${severity}`).replace(/^\d\s*/, ''),
    }));
  }
  return CATEGORIES.map((category, index) => ({
    label: LETTERS[index] ?? '',
    codes: [`Key${LETTERS[index] ?? ''}`],
    change: { category },
    text: t(`vocab.category.${category}`),
  }));
}

interface Props {
  field: FactMenuField;
  /** How many items the choice goes to (the selection), or null for the focused card alone. */
  selectionCount: number | null;
  onChoose: (change: BulkChange) => void;
  onClose: () => void;
}

export function FactMenu({ field, selectionCount, onChoose, onClose }: Props) {
  const { t } = useTranslation();
  const choices = useChoices(field);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const target = selectionCount === null ? t('bulk.menuTargetCard') : t('bulk.menuTargetSelection', { count: selectionCount });
  const title = field === 'severity' ? t('bulk.menuSeverity', { target }) : t('bulk.menuCategory', { target });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    listRef.current?.querySelector<HTMLElement>('[data-choice="0"]')?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-choice="${active}"]`)?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Every key stops here: the board and the page's shortcuts (h, p, /) must not act behind the menu.
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    const chosen = choices.find((c) => c.codes.includes(event.code));
    if (chosen && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onChoose(chosen.change);
      return;
    }
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + choices.length) % choices.length);
    }
  }

  return (
    <div className="overlay overlay--light" onClick={onClose}>
      <section className="fact-menu" role="dialog" aria-modal="true" aria-label={title} onKeyDown={onKeyDown} onClick={(e) => e.stopPropagation()}>
        <h2 className="fact-menu-title">{title}</h2>
        <div role="menu" aria-label={title} ref={listRef} className="fact-menu-list">
          {choices.map((choice, index) => (
            <button
              key={choice.label}
              type="button"
              role="menuitem"
              className="fact-menu-item"
              tabIndex={index === active ? 0 : -1}
              data-choice={index}
              aria-keyshortcuts={choice.label}
              onClick={() => onChoose(choice.change)}
              onFocus={() => setActive(index)}
            >
              <kbd>{choice.label}</kbd> <span>{choice.text}</span>
            </button>
          ))}
        </div>
        <p className="muted fact-menu-hint">{t('bulk.menuHint')}</p>
      </section>
    </div>
  );
}
