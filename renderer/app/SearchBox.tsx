// The search box: the board follows what is typed, 200 ms after the last key.
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../features/board/board-context.js';

const DEBOUNCE_MS = 200;

export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const searchChanged = useBoard((s) => s.searchChanged);
  const [text, setText] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => void searchChanged(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, searchChanged]);

  return (
    <input
      ref={inputRef}
      type="search"
      className="search"
      aria-label={t('header.search')}
      placeholder={t('header.searchPlaceholder')}
      aria-keyshortcuts="/"
      maxLength={200}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
