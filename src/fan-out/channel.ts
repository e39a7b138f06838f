/** A many-producer, one-consumer queue: each producer waits until its item is taken, so a slow reader slows only the producers it has not yet read. */

interface Entry<T> {
  value: T;
  taken: () => void;
}

/** Items in arrival order; `close()` ends the consumer's iteration once drained. */
export class Channel<T> {
  private readonly items: Entry<T>[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  /** Queue a value; resolves when the consumer has taken it. */
  put(value: T): Promise<void> {
    return new Promise((taken) => {
      this.items.push({ value, taken });
      this.signal();
    });
  }

  /** No more values will come. */
  close(): void {
    this.closed = true;
    this.signal();
  }

  /** Values as they arrive, until closed and drained. */
  async *take(): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const entry = this.items.shift();
      if (entry !== undefined) {
        entry.taken(); // the producer fetches its next page while this one is written
        yield entry.value;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  /** Release every waiting producer (the consumer went away). */
  release(): void {
    for (const entry of this.items.splice(0)) entry.taken();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
