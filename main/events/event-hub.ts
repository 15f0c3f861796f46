// Fan-out of pushed events from services to whatever transports are listening (the Electron window, the
// browser shell's event streams). Services publish; they never know who listens.
import type { AppEvent } from '../../shared/ipc/events.js';

export class EventHub {
  private readonly listeners = new Set<(event: AppEvent) => void>();

  publish(event: AppEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken transport (a closed window, a dropped stream) must not stop the others or the import.
        console.error('[triage-desk] event listener failed:', error);
      }
    }
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
