// The only file that calls ipcMain.handle. Each contract channel is registered once; the sender frame is
// checked before anything else, then dispatch() validates the input and runs the handler.
import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../shared/ipc/events.js';
import type { EventHub } from '../events/event-hub.js';
import { CHANNELS } from '../../shared/ipc/channels.js';
import { fail } from '../../shared/ipc/result.js';
import { dispatch } from '../dispatch.js';
import type { Handlers } from '../handlers.js';
import { isTrustedSender } from '../security/trusted-sender.js';

/** Pushes main's events (import progress) to the app window, for as long as it lives. */
export function forwardEvents(events: EventHub, contents: WebContents): void {
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}

export function registerIpcBridge(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame)) {
        return fail('untrusted-sender', 'this window may not call the app');
      }
      return dispatch(handlers, channel, raw);
    });
  }
}
