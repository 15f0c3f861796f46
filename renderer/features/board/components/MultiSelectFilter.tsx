// One multi-value filter (kinds, categories, severities, statuses, sources, tags): a button saying what is
// chosen and opens a group of checkboxes. Keyboard: Enter/Space opens it and focuses the first box, Tab
// or ↑/↓ move between boxes, Space ticks, Escape closes and returns to the button; leaving it closes it.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface FilterOption<V> {
  value: V;
  label: string;
  /** Items with this value, where known cheaply (the sources list); shown beside the label. */
  count?: number;
}

interface Props<V> {
  label: string;
  options: readonly FilterOption<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
  /** Called each time the list opens (the sources are asked for then, so they are current). */
  onOpen?: () => void;
  /** Shown in the list when there are no options. */
  emptyText?: string;
}

export function MultiSelectFilter<V extends string | number | null>({ label, options, selected, onChange, onOpen, emptyText }: Props<V>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);

  // A chosen value the options do not list (a saved view naming a source since deleted) still shows, so
  // it can be unticked.
  const shown: FilterOption<V>[] = [...options, ...selected.filter((v) => !options.some((o) => o.value === v)).map((value) => ({ value, label: String(value) }))];
  const labelOf = (value: V) => shown.find((o) => o.value === value)?.label ?? String(value);
  const summary =
    selected.length === 0
      ? t('search.filter.anyOf')
      : selected.length === 1
        ? labelOf(selected[0] as V)
        : t('search.filter.chosen', { first: labelOf(selected[0] as V), more: selected.length - 1 });

  function toggle(value: V, on: boolean) {
    // Kept in the options' order, so the query (and the address) does not depend on the clicking order.
    const next = shown.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v)));
    onChange(next);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation(); // the detail panel and the board also close on Escape
      close(true);
      return;
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open) {
      // Up and down move between the choices, as in a menu; Tab still works.
      const boxes = [...(listRef.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
      const at = boxes.indexOf(document.activeElement as HTMLInputElement);
      const next = boxes[Math.min(boxes.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  }

  return (
    <div className={`filter-field multi-filter${selected.length > 0 ? ' filter-active' : ''}`} onKeyDown={onKeyDown} onBlur={onBlur}>
      <span id={`${id}-label`}>{label}</span>
      <button
        ref={buttonRef}
        type="button"
        className="multi-filter-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        <span id={`${id}-summary`}>{summary}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div ref={listRef} id={`${id}-list`} className="multi-filter-list" role="group" aria-labelledby={`${id}-label`}>
          {shown.length === 0 && <p className="muted">{emptyText}</p>}
          {shown.map((option) => (
            <label key={String(option.value)} className="multi-filter-option">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
              <span>{option.label}</span>
              {option.count !== undefined && <span className="multi-filter-count">{option.count.toLocaleString()}</span>}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
