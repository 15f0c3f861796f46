// Renders a tree into a detached container under jsdom, with React's act() so effects have run.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function render(tree: ReactNode) {
  initI18n();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(tree));
  return {
    container,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

export { act };
