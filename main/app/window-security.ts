// Electron's security checklist in one place: locked-down web preferences for every window, and guards
// on every web contents against navigation, new windows, webviews, permissions and network requests.
import { app, session } from 'electron';
import { APP_SCHEME } from '../security/trusted-sender.js';

export function installWindowGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The renderer is a single page; any navigation is content trying to take the window somewhere.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links leave only through the 'links.open' channel, after the officer confirmed them.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Nothing the app shows may reach the network: only its own scheme and devtools are allowed through.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.split(':', 1)[0];
    callback({ cancel: scheme !== APP_SCHEME && scheme !== 'devtools' });
  });
}
