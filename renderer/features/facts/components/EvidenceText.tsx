// The item's body with the evidence of its facts marked. Segments are React text nodes inside <mark>:
// imported text is never parsed as HTML, highlighted or not.
import { Fragment } from 'react';
import type { ItemDetail } from '../../../../shared/domain/item.js';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import { itemText, type Span } from '../../../../shared/domain/facts.js';
import { bodyOffset, markSegments } from '../evidence.js';
import { FACT_FIELDS, evidenceOf } from '../fact-fields.js';

export function EvidenceText({ detail, activeField }: { detail: ItemDetail; activeField: CorrectableField | null }) {
  const text = itemText(detail.title, detail.body);
  const suggested = detail.facts.suggested;
  const all: Span[] = suggested ? FACT_FIELDS.flatMap(({ field }) => evidenceOf(suggested, field)) : [];
  const active: Span[] = suggested && activeField ? evidenceOf(suggested, activeField) : [];
  const segments = markSegments(text, bodyOffset(detail.title, detail.body), text.length, all, active);
  return (
    <div className="detail-body">
      {segments.map((s) =>
        s.mark === 'none' ? (
          <Fragment key={s.start}>{s.text}</Fragment>
        ) : (
          <mark key={s.start} className={s.mark === 'active' ? 'evidence evidence--active' : 'evidence'}>
            {s.text}
          </mark>
        ),
      )}
    </div>
  );
}
