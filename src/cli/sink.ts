/** stdout as a data sink that notices a closed pipe: `ami-find | head -1` stops fetching and exits 0, quietly. */
import type { Writable } from 'node:stream';

/** A writer over stdout that records when the reader went away and honours backpressure. */
export class StdoutSink {
  #closed = false;
  #onClose: (() => void)[] = [];
  // EPIPE (head, less quitting) or any other error: the end of output.
  readonly #listener = () => this.#close();

  constructor(private readonly out: Writable) {
    out.on('error', this.#listener);
  }

  /** True once the reader is gone; callers stop producing. */
  get closed(): boolean {
    // A failed write marks the stream errored at once; its 'error' event comes a tick later.
    if (!this.#closed && (this.out.errored || this.out.destroyed || this.out.writableEnded)) this.#close();
    return this.#closed;
  }

  /** Run `fn` when the reader goes away. */
  onClose(fn: () => void): void {
    this.#onClose.push(fn);
  }

  /** Write a chunk (text, or UTF-8 bytes); resolves at once, or after 'drain' when the pipe is full. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (chunk.length === 0 || this.closed) return;
    if (this.out.write(chunk) || this.closed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'close', 'error']) this.out.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) this.out.once(event, done);
    });
  }

  /** Stop listening, keeping a no-op error listener: a late EPIPE must not crash the process. */
  release(): void {
    this.out.off('error', this.#listener);
    this.out.on('error', () => {});
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const fn of this.#onClose.splice(0)) fn();
  }
}
