// タグ: the item's tags as chips, each with a remove button, and an input that suggests tags already in use
// (a combobox: ↓/↑ choose, Enter adds the chosen or the typed tag, Escape closes the list).
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeTag } from '../../../../shared/domain/annotations.js';
import { useAnnotations } from '../annotations-context.js';

const MAX_SUGGESTIONS = 8;

export function TagsSection({ itemId, tags }: { itemId: number; tags: readonly string[] }) {
  const { t } = useTranslation();
  const knownTags = useAnnotations((s) => s.knownTags);
  const tagsRequested = useAnnotations((s) => s.tagsRequested);
  const tagAdded = useAnnotations((s) => s.tagAdded);
  const tagRemoved = useAnnotations((s) => s.tagRemoved);
  const saving = useAnnotations((s) => s.saving);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [invalid, setInvalid] = useState(false);
  const headingId = useId();
  const listId = useId();

  useEffect(() => {
    void tagsRequested();
  }, [tagsRequested]);

  const typed = normalizeTag(text)?.toLowerCase() ?? '';
  const suggestions = knownTags
    .filter((k) => !tags.includes(k.tag) && (typed === '' || k.tag.toLowerCase().includes(typed)))
    .slice(0, MAX_SUGGESTIONS);
  const showList = open && suggestions.length > 0;

  async function add(raw: string) {
    if (normalizeTag(raw) === null) {
      setInvalid(raw.trim() !== '');
      return;
    }
    setInvalid(false);
    if (await tagAdded(itemId, raw)) {
      setText('');
      setActive(-1);
      setOpen(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      // While an IME is composing, Enter confirms the conversion, not the tag.
      event.preventDefault();
      const chosen = showList && active >= 0 ? suggestions[active]?.tag : undefined;
      void add(chosen ?? text);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation(); // closes the list, not the detail panel
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <section className="detail-section annotation-tags" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('annotations.tags')}</h3>
      {tags.length === 0 ? (
        <p className="muted">{t('annotations.tagsEmpty')}</p>
      ) : (
        <ul className="tag-chips" aria-labelledby={headingId}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <bdi>{tag}</bdi>
              <button type="button" className="tag-chip-remove" aria-label={t('annotations.tagRemove', { tag })} disabled={saving} onClick={() => void tagRemoved(itemId, tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-combobox">
        <input
          type="text"
          role="combobox"
          aria-label={t('annotations.tagAdd')}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={invalid || undefined}
          placeholder={t('annotations.tagPlaceholder')}
          value={text}
          maxLength={160}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setInvalid(false);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {showList && (
          <ul id={listId} role="listbox" className="tag-suggestions" aria-label={t('annotations.tagSuggestions')}>
            {suggestions.map((s, index) => (
              <li
                key={s.tag}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // mousedown, not click: the input keeps focus (its blur would close the list first).
                onMouseDown={(e) => {
                  e.preventDefault();
                  void add(s.tag);
                }}
              >
                {t('annotations.tagSuggestion', { tag: s.tag, count: s.count })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {invalid && (
        <p className="annotation-error" role="alert">
          {t('annotations.tagInvalid')}
        </p>
      )}
    </section>
  );
}
