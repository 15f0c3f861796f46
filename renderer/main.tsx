// Start-up: pick the transport, create the stores (they listen to main's events), render. Styles come from
// the CSS file (the CSP allows no inline script; inline style only for the bulletin preview's sandboxed frame).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/app.css';
import { createTransport } from './api/index.js';
import { App } from './app/App.js';
import { createAppStores } from './app/app-stores.js';
import { initI18n } from './i18n/index.js';

initI18n();
const { api, subscribe, upload, desktop } = createTransport();
const stores = createAppStores(api, subscribe, { upload, desktop });
// The board's first page is asked for now, while React mounts, not from an effect after it: on a 100,000-item
// database the answer and the first render no longer wait for each other.
void stores.board.getState().boardRequested();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
);
