// Fetches a column's next page when the column wants more (its scroll is near the end of the loaded
// cards), once per page: not again while a request is on its way, nor twice for the same cards.
import { useEffect, useRef, useState } from 'react';

export function useColumnPaging(cards: readonly unknown[], wantsMore: boolean, requestMore: () => Promise<void>): boolean {
  const [loading, setLoading] = useState(false);
  const inFlight = useRef(false);
  // The cards a page was asked for: the answer brings new cards (a new array), which may ask again.
  const askedFor = useRef<readonly unknown[] | null>(null);
  const request = useRef(requestMore);
  request.current = requestMore;

  useEffect(() => {
    if (!wantsMore || inFlight.current || askedFor.current === cards) return;
    askedFor.current = cards;
    inFlight.current = true;
    setLoading(true);
    void request.current().finally(() => {
      inFlight.current = false;
      setLoading(false);
    });
  }, [cards, wantsMore, loading]); // loading: when a page lands before its request settles, ask again after

  return loading;
}
