// The search box: the board follows what is typed, 200 ms after the last key. It starts from the query
// the board restored (the address) and follows a saved view or "clear" that changes the text.
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEARCH_CHARS } from '../../shared/domain/board-query.js';
import { useBoard } from '../features/board/board-context.js';

const DEBOUNCE_MS = 200;

export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const searchChanged = useBoard((s) => s.searchChanged);
  const storeText = useBoard((s) => s.query.text);
  const [text, setText] = useState(storeText);

  useEffect(() => {
    setText((typed) => (typed.trim() === storeText ? typed : storeText));
  }, [storeText]);

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
      maxLength={MAX_SEARCH_CHARS}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
