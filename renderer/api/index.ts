// Picks the transport once at start-up. Nothing else in the renderer knows which one carries the calls:
// everything receives a TriageApi.
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { TriageApi } from '../../shared/ipc/contract.js';
import type { CallResult } from '../../shared/ipc/result.js';
import { createHttpClient } from './http-client.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one method per channel. Absent in the browser shell. */
    triage?: TriageApi;
  }
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

export function createApi(win: Window = window): TriageApi {
  return win.triage ? fromBridge(win.triage) : createHttpClient();
}

export type { TriageApi };
