// Exposes one method per contract channel as window.triage and nothing else: no ipcRenderer, no generic
// invoke(name). It imports only the list of channel names, so the sandboxed bundle stays tiny.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { TriageApi } from '../../shared/ipc/contract.js';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as TriageApi;

contextBridge.exposeInMainWorld('triage', Object.freeze(api));
