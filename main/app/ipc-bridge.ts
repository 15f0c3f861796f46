// The only file that calls ipcMain.handle. Each contract channel is registered once; the sender frame is
// checked before anything else, then dispatch() validates the input and runs the handler.
import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels.js';
import { fail } from '../../shared/ipc/result.js';
import { dispatch } from '../dispatch.js';
import type { Handlers } from '../handlers.js';
import { isTrustedSender } from '../security/trusted-sender.js';

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
