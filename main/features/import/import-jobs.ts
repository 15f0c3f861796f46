// Imports the renderer can cancel: each running import is known by the id the renderer gave it.
import type { EventHub } from '../../events/event-hub.js';
import type { ImportOptions, ImportProgress } from './import-files.js';

export class ImportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventHub) {}

  /** Options for one import: a cancel signal and progress published as 'import.progress' events. */
  async run<T>(jobId: string | undefined, work: (options: Pick<ImportOptions, 'signal' | 'onProgress'>) => Promise<T>): Promise<T> {
    if (!jobId) return work({});
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      return await work({
        signal: controller.signal,
        onProgress: (progress: ImportProgress) => this.events.publish({ name: 'import.progress', payload: { jobId, ...progress } }),
      });
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }
}
