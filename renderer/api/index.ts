// Picks the transport once at start-up. Nothing else in the renderer knows which one carries the calls
// and the pushed events: everything receives a TriageApi and a SubscribeToEvents.
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { TriageApi } from '../../shared/ipc/contract.js';
import type { SubscribeToEvents } from '../../shared/ipc/events.js';
import type { CallResult } from '../../shared/ipc/result.js';
import { createHttpClient } from './http-client.js';
import { createHttpEvents } from './http-events.js';
import { createHttpUpload, type FileUpload } from './http-upload.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one method per channel, plus onEvent. Absent in the browser shell. */
    triage?: TriageApi & { onEvent: SubscribeToEvents };
  }
}

export interface Transport {
  api: TriageApi;
  subscribe: SubscribeToEvents;
  /** The browser shell sends chosen files as raw uploads; Electron sends their contents over IPC. */
  upload?: FileUpload;
  /** The desktop app: main can open the system print dialog (a browser tab prints a PDF instead). */
  desktop: boolean;
}

/**
 * Wraps the preload bridge so that even a rejected IPC call (the main process crashed, a handler threw
 * past dispatch) arrives as a CallResult, as the contract promises.
 */
function fromBridge(bridge: TriageApi): TriageApi {
  const calls = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown): Promise<CallResult<unknown>> => {
        try {
          const call = bridge[channel] as (input: unknown) => Promise<CallResult<unknown>>;
          return await call(input);
        } catch (error) {
          return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
        }
      },
    ]),
  );
  return calls as TriageApi;
}

export function createTransport(win: Window = window): Transport {
  const bridge = win.triage;
  if (bridge) return { api: fromBridge(bridge), subscribe: (listener) => bridge.onEvent(listener), desktop: true };
  // The client first: it takes the launch token out of the URL fragment, the event stream then reuses it.
  const api = createHttpClient();
  return { api, subscribe: createHttpEvents(), upload: createHttpUpload(), desktop: false };
}

export type { SubscribeToEvents, TriageApi };
