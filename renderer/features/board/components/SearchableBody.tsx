// The open item's body with the search terms' hits marked inside the fact evidence marks (two styles:
// search.css), the first hit scrolled into view when the item opens or the search changes, and n / N
// (or 次 / 前) going to the next / previous hit while the focus is in the detail panel.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import type { ItemDetail } from '../../../../shared/domain/item.js';
import { EvidenceText } from '../../facts/components/EvidenceText.js';
import { bodyOffset } from '../../facts/evidence.js';
import { useBoard } from '../board-context.js';
import { selectSearch } from '../board-selectors.js';
import { hasSearchTerms, searchHits, stepHit } from '../search-hits.js';
import { SearchHitBar, SearchHitText } from './SearchHitText.js';

/** Keys typed into a field are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function SearchableBody({ detail, activeField }: { detail: ItemDetail; activeField: CorrectableField | null }) {
  const searchText = useBoard(selectSearch);
  const offset = bodyOffset(detail.title, detail.body);
  // Found in the body alone, then placed at the body's offset in the item's text (the evidence segments' offsets).
  const hits = useMemo(
    () => searchHits(detail.body, searchText).map((h) => ({ start: h.start + offset, end: h.end + offset })),
    [detail.body, searchText, offset],
  );
  const hasTerms = useMemo(() => hasSearchTerms(searchText), [searchText]);
  const [current, setCurrent] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  // A new item or a new search starts at its first hit.
  useEffect(() => setCurrent(0), [detail.id, searchText]);

  useEffect(() => {
    if (hits.length === 0) return;
    const mark = ref.current?.querySelector(`mark[data-hit="${current}"]`);
    // jsdom has no layout and no scrollIntoView.
    mark?.scrollIntoView?.({ block: 'center' });
  }, [current, hits]);

  useEffect(() => {
    const panel = ref.current?.closest('[role="dialog"]');
    if (!panel || hits.length === 0) return;
    const onKey = (event: Event) => {
      const press = event as KeyboardEvent;
      if (press.ctrlKey || press.metaKey || press.altKey || isTyping(press.target)) return;
      if (press.key !== 'n' && press.key !== 'N') return;
      press.preventDefault();
      setCurrent((at) => stepHit(at, hits.length, press.key === 'N' ? -1 : 1));
    };
    panel.addEventListener('keydown', onKey);
    return () => panel.removeEventListener('keydown', onKey);
  }, [hits.length]);

  return (
    <div ref={ref}>
      {hasTerms && <SearchHitBar count={hits.length} current={current} onStep={(step) => setCurrent((at) => stepHit(at, hits.length, step))} />}
      <EvidenceText
        detail={detail}
        activeField={activeField}
        renderText={(text, start) => <SearchHitText text={text} offset={start} hits={hits} current={current} />}
      />
    </div>
  );
}
