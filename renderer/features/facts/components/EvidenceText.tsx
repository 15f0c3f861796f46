// The item's body with the evidence of its facts marked. Segments are React text nodes inside <mark>:
// imported text is never parsed as HTML, highlighted or not.
import { Fragment, type ReactNode } from 'react';
import type { ItemDetail } from '../../../../shared/domain/item.js';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import { itemText, type Span } from '../../../../shared/domain/facts.js';
import { bodyOffset, markSegments } from '../evidence.js';
import { FACT_FIELDS, evidenceOf } from '../fact-fields.js';

interface Props {
  detail: ItemDetail;
  activeField: CorrectableField | null;
  /**
   * Renders a segment's text (start: its offset in the item's text), so another feature can mark more
   * inside it, as the board marks search hits; plain text by default.
   */
  renderText?: (text: string, start: number) => ReactNode;
}

export function EvidenceText({ detail, activeField, renderText = (text) => text }: Props) {
  const text = itemText(detail.title, detail.body);
  const suggested = detail.facts.suggested;
  const all: Span[] = suggested ? FACT_FIELDS.flatMap(({ field }) => evidenceOf(suggested, field)) : [];
  const active: Span[] = suggested && activeField ? evidenceOf(suggested, activeField) : [];
  const segments = markSegments(text, bodyOffset(detail.title, detail.body), text.length, all, active);
  return (
    <div className="detail-body">
      {segments.map((s) =>
        s.mark === 'none' ? (
          <Fragment key={s.start}>{renderText(s.text, s.start)}</Fragment>
        ) : (
          <mark key={s.start} className={s.mark === 'active' ? 'evidence evidence--active' : 'evidence'}>
            {renderText(s.text, s.start)}
          </mark>
        ),
      )}
    </div>
  );
}
