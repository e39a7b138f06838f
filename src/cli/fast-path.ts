/**
 * The startup fast path (issue 6: `--help` and `--version` within 1.5x of `node -e 0`). It answers
 * the argument lists that only ask for help or the version (`--help`, `-h`, `--version`, `-V`,
 * `<subcommand> --help|-h`) without loading commander, whose import alone costs more than the
 * whole answer; anything else, including any extra word, goes to commander. Help text comes from
 * help.ts, the renderer commander prints through too (program.ts). Every ESM module costs about
 * 1 ms to load, so this one imports nothing at the top, and loads version.ts or help.ts only for
 * its own answer.
 */
import type { CliIo } from './io.js';
import type { OptionSpec } from './options.js';

/** The help flag every command has (commander handles it). */
export const HELP_OPTION = {
  flags: '-h, --help', key: 'help', group: 'General', complete: 'none', description: 'show help',
} as const satisfies OptionSpec;

/** The version flag of the main command (commander handles it). */
export const VERSION_OPTION = {
  flags: '-V, --version', key: 'version', group: 'General', complete: 'none', description: 'print the version',
} as const satisfies OptionSpec;

/** The short and long flag words of a spec: `-o, --output <format>` gives `['-o', '--output']`. */
export function flagWords(spec: OptionSpec): string[] {
  return spec.flags.split(/[ ,|]+/).filter((w) => w.startsWith('-'));
}

/** What the fast path reads and writes: the environment and stdout. */
export interface FastPathIo {
  env: Readonly<Record<string, string | undefined>>;
  /** Columns of the terminal stdout is, or undefined when it is none (commander then uses 80). */
  columns(): number | undefined;
  /** Write all of `text` to stdout; a promise when part of it is still queued (main awaits it before returning). */
  write(text: string): void | Promise<void>;
}

/**
 * node:fs as a plain module object. Why not `import from 'node:fs'`: that builds the module's ESM
 * facade, which reads every export, the lazy fs.ReadStream getter included, and so loads
 * node:stream, several ms of the budget (creating process.stdout loads it too, which is why the
 * fast path writes to fd 1 itself). process.getBuiltinModule exists from Node 20.16; without it
 * the fast path falls back to process.stdout (same output, a few ms slower).
 */
export function builtinFs(): typeof import('node:fs') | undefined {
  return typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:fs') : undefined;
}

/** Whether fd 1 is certainly no terminal: not a character device, or /dev/null. */
function stdoutSurelyNotTerminal(fs: typeof import('node:fs')): boolean {
  const { fstatSync, statSync } = fs;
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return true;
    const devNull = statSync('/dev/null');
    return out.dev === devNull.dev && out.ino === devNull.ino;
  } catch {
    return false; // no fstat or no /dev/null (Windows): let process.stdout tell
  }
}

/** Write all of `text` to fd 1 synchronously; a full non-blocking pipe gets the rest through process.stdout. */
function writeStdout(fs: typeof import('node:fs'), text: string): void | Promise<void> {
  const bytes = Buffer.from(text);
  const { writeSync } = fs;
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (err) {
    // EAGAIN: the stream queues the rest and flushes it. Otherwise (EPIPE, EBADF) the reader is gone.
    if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return writeStream(bytes.subarray(done));
  }
  return undefined;
}

/** Write through process.stdout; resolves once the chunk has left the process (a closed pipe ends the wait too). */
function writeStream(chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.on('error', () => resolve());
    process.stdout.write(chunk, () => resolve());
  });
}

/**
 * The real process for the fast path. Like boundary.ts it reads process.env and asks whether
 * stdout is a terminal, but without creating process.stdout unless stdout may be a terminal.
 */
export function processFastPathIo(): FastPathIo {
  const fs = builtinFs();
  const terminalColumns = () => (process.stdout.isTTY ? process.stdout.columns : undefined);
  if (!fs) return { env: process.env, columns: terminalColumns, write: writeStream };
  return {
    env: process.env,
    columns: () => (stdoutSurelyNotTerminal(fs) ? undefined : terminalColumns()),
    write: (text) => writeStdout(fs, text),
  };
}

/** An injected CliIo (tests) seen by the fast path: its boundary's env and its stdout stream. */
export function cliFastPathIo(io: CliIo): FastPathIo {
  const out = io.stdout as Partial<NodeJS.WriteStream>;
  return {
    env: io.env,
    columns: () => (out.isTTY ? out.columns : undefined),
    write: (text) => new Promise<void>((resolve) => { io.stdout.write(text, () => resolve()); }),
  };
}

/** The text to print on stdout (exit 0) when `argv` only asks for help or the version, else undefined. */
export async function fastAnswer(argv: readonly string[], io: FastPathIo): Promise<string | undefined> {
  // Commander handles the version flag while parsing options, before it reads any env variable.
  if (argv.length === 1 && flagWords(VERSION_OPTION).includes(argv[0]!)) {
    return `${(await import('./version.js')).packageVersion()}\n`;
  }
  const last = argv[argv.length - 1];
  if (argv.length < 1 || argv.length > 2 || last === undefined || !flagWords(HELP_OPTION).includes(last)) return undefined;
  return (await import('./help.js')).helpAnswer(argv.slice(0, -1), io.env, io.columns);
}
