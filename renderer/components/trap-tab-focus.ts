// Keeps Tab and Shift+Tab inside a modal dialog, as the WAI-ARIA dialog pattern asks. Shared by every
// modal so the rule (and its edge cases) lives in one place.
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button, summary, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Call from the dialog's onKeyDown. `alsoFirst` is an element that can hold focus before the first
 * control (a heading focused on open), so Shift+Tab from it wraps to the last control too.
 */
export function trapTabFocus(event: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null, alsoFirst?: HTMLElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || (alsoFirst && active === alsoFirst))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
