// Start-up: pick the transport, create the stores, render. Styles come from the CSS file (the CSP allows
// no inline style or script).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/app.css';
import { createApi } from './api/index.js';
import { App } from './app/App.js';
import { createAppStores } from './app/app-stores.js';
import { initI18n } from './i18n/index.js';

initI18n();
const stores = createAppStores(createApi());
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
);
