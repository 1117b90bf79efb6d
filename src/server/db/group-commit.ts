/**
 * Group commit: callers add items and wait until theirs is written; items that arrive while a write is in
 * progress are written together by the next one. Under light load every item is written at once, alone; under
 * heavy load one transaction carries many, so the cost per item falls as the load rises. No timer: nothing
 * waits longer than the write in progress plus its own.
 */
export class GroupCommit<T> {
  private pending: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    /** Most items per write (a statement's parameter count is bounded). */
    private readonly maxBatch = 200,
  ) {}

  /** Resolves once the item is written (rejects when its write failed). */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves when everything added so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // Let the items of requests handled in the same turn of the loop join the first batch.
    await Promise.resolve();
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.write(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.writing = undefined;
  }
}
