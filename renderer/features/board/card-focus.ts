// Finds a card's focusable element by id: cards remount when they change column, so focus is restored by
// looking the element up again rather than holding a ref.
export function focusCard(id: number, root: ParentNode = document): boolean {
  const element = root.querySelector<HTMLElement>(`[data-card-id="${String(Math.trunc(id))}"]`);
  if (!element) return false;
  element.focus();
  element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  return true;
}

/** True when focus has nowhere in particular to be: the focused element was removed or nothing was focused. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}
