/**
 * The CLI's streams and process hooks, injectable so in-process tests can run main() without a process.
 */
import type { Writable } from 'node:stream';
import { safeLines } from '../output/safe-text.js';
import { redactUrls } from '../redact-url.js';
import { readBoundary, type Boundary } from './boundary.js';

/** Streams, boundary facts and signal hooks main() works with. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** stderr as a TTY stream, for the spinner and picker (undefined in tests). */
  stderrTTY?: NodeJS.WriteStream;
  /** stdin as a TTY stream, for the picker's keys (undefined when not a terminal, and in tests). */
  stdinTTY?: NodeJS.ReadStream;
  boundary: Boundary;
  /** Subscribe to Ctrl-C; returns an unsubscribe function. */
  onInterrupt(handler: () => void): () => void;
}

/** The real process's streams and SIGINT. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrTTY: process.stderr.isTTY ? process.stderr : undefined,
    stdinTTY: process.stdin.isTTY ? process.stdin : undefined,
    boundary: readBoundary(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => { process.off('SIGINT', handler); };
    },
  };
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
