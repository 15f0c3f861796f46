// Keeps derived data up to date in the background — the search index and item_facts — after each import, and once at start (an extractor
// newer than the stored facts re-reads every item). Imports return as soon as their rows are committed;
// the facts follow, with progress pushed as 'facts.progress', so a 100,000-item import is not held up by
// reading every notice before the board can show it.
import type { Connection } from '../../db/database.js';
import type { EventHub } from '../../events/event-hub.js';
import { syncSearchIndex } from '../search/search-index-repository.js';
import { refreshStaleFacts, type FactExtractor } from './facts-repository.js';

export class FactsRefresher {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly db: Connection,
    private readonly extractor: FactExtractor,
    private readonly events?: EventHub,
  ) {}

  /** Starts a refresh, or asks the running one to go round once more (new rows may have landed behind it). */
  schedule(): void {
    if (this.controller.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no refresh is running or pending (tests, shutdown, the CLI). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops between batches; what was read stays stored. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        // The search index first: a search right after an import then finds the new items at once, and
        // the facts (slower to read) follow.
        await syncSearchIndex(this.db);
        await refreshStaleFacts(this.db, this.extractor, {
          signal: this.controller.signal,
          onProgress: ({ done, total }) => this.events?.publish({ name: 'facts.progress', payload: { done, total } }),
        });
      } catch (error) {
        // A failing batch must not take the app down; the next schedule() retries from where it stopped.
        console.error('[triage-desk] reading facts failed:', error);
        return;
      }
    } while (this.again && !this.controller.signal.aborted);
  }
}
