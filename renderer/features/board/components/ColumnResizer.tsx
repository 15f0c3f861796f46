// The handle on a column header's right edge: drag it with the pointer, or focus it and use the arrows
// (Shift for bigger steps, Home/End for the bounds); a double-click fits the column to its text. A
// focusable separator with a value, as ARIA describes a splitter.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, widthAfterKey } from '../column-widths.js';

interface Props {
  label: string;
  width: number;
  onResize: (width: number, persist: boolean) => void;
  onFit: () => void;
}

export function ColumnResizer({ label, width, onResize, onFit }: Props) {
  const drag = useRef<{ startX: number; startWidth: number; pointerId: number; width: number } | null>(null);

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection while dragging
    event.stopPropagation();
    // Captured, the moves keep coming here when the pointer leaves the thin handle.
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, pointerId: event.pointerId, width };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    current.width = current.startWidth + event.clientX - current.startX;
    onResize(current.width, false);
  }

  function onPointerEnd(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture?.(event.pointerId);
    onResize(current.width, true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = widthAfterKey(width, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    onResize(next, true);
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="column-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={onFit}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
