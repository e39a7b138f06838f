/**
 * The one IO object (like gh's IOStreams): streams, environment, TTY facts, terminal width, the
 * colour gate, the theme, the spinner and stop signals. Only processIo() reads the real process.
 */
import type { Writable } from 'node:stream';
import type { Theme } from '../output/style.js';
import { safeLines } from '../output/safe-text.js';
import { redactUrls } from '../redact-url.js';
import { startSpinner, type Spinner } from '../ui/spinner.js';

/** The signals that stop a listing the way Ctrl-C does: rows kept, the resume token printed. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** Chalk's colour levels: 0 none, 1 16 colours, 2 256, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** What the CLI reads from the process, given as data. */
export interface IoParts {
  stdout: Writable;
  stderr: Writable;
  /** stdin and stderr as terminal streams, for the picker and the spinner (undefined off a terminal). */
  stdinTTY?: NodeJS.ReadStream;
  stderrTTY?: NodeJS.WriteStream;
  env: Readonly<Record<string, string | undefined>>;
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  now: Date;
  /** Width of the terminal stdout is, or undefined when it is none. */
  columns(): number | undefined;
  /** Subscribe to the stop signals; while subscribed they no longer end the process. Returns the unsubscribe. */
  onInterrupt(handler: (signal: StopSignal) => void): () => void;
}

/** The IO object every run function receives. */
export interface CliIo extends IoParts {
  /** The one colour gate, for output on `stream`. */
  colorLevel(flag: boolean, stream: 'stdout' | 'stderr'): ColorLevel;
  /** The styles of every human output at the gate's level for `stream` (loads chalk). */
  theme(flag: boolean, stream: 'stdout' | 'stderr'): Promise<Theme>;
  /** A spinner on stderr when `enabled` and stderr is a terminal, else a silent one. */
  spinner(enabled: boolean, color: boolean): Promise<Spinner>;
}

/** The colour level, in commander's `useColor` order: --no-color, NO_COLOR, FORCE_COLOR (0/false off, 1-3 a level), the TTY. */
export function colorLevel(flag: boolean, env: IoParts['env'], isTTY: boolean): ColorLevel {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const force = env.FORCE_COLOR;
  if (force === undefined) return isTTY ? 1 : 0;
  if (force === '0' || force === 'false') return 0;
  return force === '2' ? 2 : force === '3' ? 3 : 1;
}

/** The IO object over `parts` (processIo() for the real process; tests give captured streams). */
export function createIo(parts: IoParts): CliIo {
  const io: CliIo = {
    ...parts,
    colorLevel: (flag, stream) => colorLevel(flag, io.env, io.tty[stream]),
    theme: async (flag, stream) => (await import('../output/style.js')).theme(io.colorLevel(flag, stream)),
    spinner: (enabled, color) => startSpinner(io.stderrTTY, enabled, color),
  };
  return io;
}

/** The real process's streams, facts and stop signals. */
export function processIo(): CliIo {
  return createIo({
    stdout: process.stdout,
    stderr: process.stderr,
    stderrTTY: process.stderr.isTTY ? process.stderr : undefined,
    stdinTTY: process.stdin.isTTY ? process.stdin : undefined,
    env: { ...process.env },
    tty: { stdin: process.stdin.isTTY === true, stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    now: new Date(),
    columns: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    onInterrupt(handler) {
      const listeners = STOP_SIGNALS.map((signal) => [signal, () => handler(signal)] as const);
      for (const [signal, listener] of listeners) process.on(signal, listener);
      return () => { for (const [signal, listener] of listeners) process.off(signal, listener); };
    },
  });
}

/** Resolves once everything written to `stream` has left the process, or the stream is gone (process.exit() drops queued writes). */
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
    // The callback of an empty write runs after every chunk queued before it.
    try { stream.write('', done); } catch { done(); }
  });
}

/** Wait until stdout and stderr have delivered everything written to them (before the process exits). */
export async function drainedAll(io: Pick<CliIo, 'stdout' | 'stderr'>): Promise<void> {
  await Promise.all([drained(io.stdout), drained(io.stderr)]);
}

/** Write line(s) to stderr, made safe for a terminal and with URL passwords hidden; a closed stderr is ignored. */
export function say(io: Pick<CliIo, 'stderr'>, text: string): void {
  const safe = safeLines(redactUrls(text.endsWith('\n') ? text.slice(0, -1) : text));
  try { io.stderr.write(`${safe}\n`); } catch { /* stderr closed: nothing to do */ }
}
