// Search hits as React text nodes, each hit in <mark>: the segments come from main's highlighter and are
// rendered as text only (never as HTML), so an item's markup-like text stays inert.
import type { HighlightSegment } from '../../../../shared/domain/board-query.js';

export function Highlighted({ segments, text }: { segments: HighlightSegment[] | null | undefined; text: string }) {
  if (!segments || !segments.some((s) => s.hit)) return <>{text}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
