// Its own module so every repository that looks items up (triage, facts) can throw it without importing
// each other; dispatch() turns it into the contract's not-found result.
export class ItemNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`item ${id} does not exist`);
    this.name = 'ItemNotFoundError';
  }
}
