/**
 * The CLI's streams and process hooks, injectable so in-process tests can run main() without a process.
 */
import type { Writable } from 'node:stream';
import { safeLines } from '../output/safe-text.js';
import { redactUrls } from '../redact-url.js';
import { readBoundary, type Boundary } from './boundary.js';

/** The signals that stop a listing the way Ctrl-C does: rows kept, the resume token printed. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** Streams, boundary facts and signal hooks main() works with. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** stderr as a TTY stream, for the spinner and picker (undefined in tests). */
  stderrTTY?: NodeJS.WriteStream;
  /** stdin as a TTY stream, for the picker's keys (undefined when not a terminal, and in tests). */
  stdinTTY?: NodeJS.ReadStream;
  boundary: Boundary;
  /**
   * Subscribe to Ctrl-C, SIGTERM and SIGHUP; returns an unsubscribe function. While subscribed, the
   * signals no longer end the process: the handler decides (every repeat reaches it too).
   */
  onInterrupt(handler: (signal: StopSignal) => void): () => void;
}

/** The real process's streams and stop signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrTTY: process.stderr.isTTY ? process.stderr : undefined,
    stdinTTY: process.stdin.isTTY ? process.stdin : undefined,
    boundary: readBoundary(),
    onInterrupt(handler) {
      const listeners = STOP_SIGNALS.map((signal) => [signal, () => handler(signal)] as const);
      for (const [signal, listener] of listeners) process.on(signal, listener);
      return () => { for (const [signal, listener] of listeners) process.off(signal, listener); };
    },
  };
}

/**
 * Resolves once everything written to `stream` has left the process (handed to the OS), or the
 * stream is gone. Why: a write to a full pipe is queued inside Node, and process.exit() drops the
 * queue: `ami-find show <60 ids> -o json | wc -c` printed 64 KiB of 84 KiB (issue 15). The write
 * callback of an empty chunk runs after every chunk queued before it.
 */
export function drained(stream: Writable): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed || stream.errored || stream.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    // A reader that goes away while we wait (EPIPE) ends the wait, never the process.
    stream.on('error', () => {});
    stream.once('error', done);
    stream.once('close', done);
    try { stream.write('', done); } catch { done(); }
  });
}

/** Wait until stdout and stderr have delivered everything written to them (before the process exits). */
export async function drainedAll(io: Pick<CliIo, 'stdout' | 'stderr'>): Promise<void> {
  await Promise.all([drained(io.stdout), drained(io.stderr)]);
}

/**
 * Write a line (or lines) to stderr, ignoring a closed stderr. Every line is made safe for a
 * terminal (src/output/safe-text.ts: control, bidi and invisible characters escaped, for messages
 * that echo image text, EC2's messages or what was typed) and URL passwords are hidden (src/redact-url.ts).
 */
export function say(io: CliIo, text: string): void {
  const safe = safeLines(redactUrls(text.endsWith('\n') ? text.slice(0, -1) : text));
  try { io.stderr.write(`${safe}\n`); } catch { /* stderr closed: nothing to do */ }
}
