// The tag filter: type a tag and press Enter to keep items carrying it (any of the tags added). The tags
// in force show as chips under the bar (FilterChips), where each is removed. Known tags, when given,
// are offered as the input's suggestions.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILTER_TAGS, MAX_TAG_CHARS } from '../../../../shared/domain/board-query.js';
import { normalizeTag } from '../active-filters.js';

interface Props {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions?: readonly string[];
}

export function TagFilter({ tags, onChange, suggestions = [] }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const listId = useId();

  function add() {
    const tag = normalizeTag(draft).slice(0, MAX_TAG_CHARS).trim();
    setDraft('');
    if (tag && !tags.includes(tag) && tags.length < MAX_FILTER_TAGS) onChange([...tags, tag]);
  }

  return (
    <label className={`filter-field${tags.length > 0 ? ' filter-active' : ''}`}>
      <span>{t('search.filter.tags')}</span>
      <input
        type="text"
        aria-label={t('search.filter.tags')}
        value={draft}
        maxLength={MAX_TAG_CHARS * 2}
        placeholder={t('search.filter.tagsPlaceholder')}
        list={suggestions.length > 0 ? listId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // IME composition ends with an Enter that must not add a half-converted tag.
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            add();
          }
        }}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      )}
    </label>
  );
}
