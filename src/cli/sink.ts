/**
 * stdout as a data sink that notices a closed pipe. `ami-find ... | head -1` must end at once and
 * quietly: on EPIPE we stop fetching pages and exit 0, like any well-behaved Unix filter.
 */
import type { Writable } from 'node:stream';

/** A writer over stdout that records when the reader went away and honours backpressure. */
export class StdoutSink {
  #closed = false;
  #onClose: (() => void)[] = [];
  readonly #listener = (err: NodeJS.ErrnoException) => {
    // EPIPE: the reader closed the pipe (head, less quitting). Anything else is also the end of output.
    void err;
    this.#close();
  };

  constructor(private readonly out: Writable) {
    out.on('error', this.#listener);
  }

  /** True once the reader is gone; callers stop producing. */
  get closed(): boolean {
    // Why check errored/destroyed too: a failed write marks the stream errored at once, while its
    // 'error' event only fires on a later tick (node lib/internal/streams/writable.js onwrite).
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
    const ok = this.out.write(chunk);
    if (ok || this.closed) return;
    await new Promise<void>((resolve) => {
      const done = () => { this.out.off('drain', done); this.out.off('close', done); this.out.off('error', done); resolve(); };
      this.out.once('drain', done);
      this.out.once('close', done);
      this.out.once('error', done);
    });
  }

  /** Stop listening (the stream stays open for the process to flush). */
  release(): void {
    // Keep a no-op error listener: a late EPIPE must not crash the process after we are done.
    this.out.off('error', this.#listener);
    this.out.on('error', () => {});
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const fn of this.#onClose.splice(0)) fn();
  }
}
