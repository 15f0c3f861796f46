// How big a virtualized list's scroll element is. TanStack Virtual reads clientWidth/clientHeight and then
// follows a ResizeObserver; an element without layout yet (a hidden view, jsdom) reports 0 × 0 and the
// virtualizer would render nothing at all. Until the element has a real size we assume a viewport of
// FALLBACK_HEIGHT, so the first rows are there (a few dozen, never the whole list) and the real size
// replaces the guess as soon as layout gives one.
import { observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

export const FALLBACK_HEIGHT = 800;

type Rect = { width: number; height: number };

export function observeRectWithFallback<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => {
    cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT });
  });
}
