// Exposes one method per contract channel as window.triage, plus onEvent for main's pushed events, and
// nothing else: no ipcRenderer, no generic invoke(name). It imports only the list of channel names, so
// the sandboxed bundle stays tiny.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { TriageApi } from '../../shared/ipc/contract.js';
import { EVENT_CHANNEL, type AppEvent, type SubscribeToEvents } from '../../shared/ipc/events.js';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as TriageApi;

const onEvent: SubscribeToEvents = (listener) => {
  // The IPC event object stays here: the page receives only the event's data.
  const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => void ipcRenderer.off(EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('triage', Object.freeze({ ...api, onEvent }));
