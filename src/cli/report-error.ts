/**
 * Turns any failure into one stderr line `ami-find: <message>` (plus an optional hint line) and an
 * exit code. Stack traces only with --debug. Only run-command.ts calls it.
 */
import { CommanderError } from 'commander';
import { AmiFindError, EXIT } from '../errors.js';
import { say, type CliIo, type StopSignal } from './io.js';
import { SUBCOMMANDS } from './options.js';

/** A listing that stopped early (a stop signal, or `failure`) after printing its rows; a resume token goes in the hint. */
export class ListingStopped extends Error {
  constructor(readonly signal: StopSignal | undefined, readonly failure: unknown, readonly resumeToken: string | undefined) {
    super('listing stopped');
  }
}

/** The exit code and stderr line for the signal that stopped a listing. */
const STOPPED: Record<StopSignal, { code: number; line: string }> = {
  SIGINT: { code: EXIT.INTERRUPTED, line: 'ami-find: interrupted' },
  SIGTERM: { code: EXIT.TERMINATED, line: 'ami-find: interrupted (SIGTERM)' },
  SIGHUP: { code: EXIT.HANGUP, line: 'ami-find: interrupted (SIGHUP)' },
};

/** `resume with: --starting-token <token>`, for stderr. */
export function resumeLine(token: string): string {
  return `resume with: --starting-token ${token}`;
}

/** Commander's message without its "error: " prefix, on one line. */
function commanderMessage(err: CommanderError): string {
  return oneLine(err.message.replace(/^error:\s*/i, ''));
}

function hintFor(err: CommanderError): string {
  // `ami-find --latest show ...`: the optional [n] took the subcommand's name.
  const sub = /'--latest \[n\]' argument '([^']*)' is invalid/.exec(err.message)?.[1];
  if (sub !== undefined && SUBCOMMANDS.some((c) => c.name === sub)) return `--latest does not apply to ${sub}`;
  if (/--latest/.test(err.message)) return 'give the preset before --latest, or write --latest=N';
  return "see 'ami-find --help'";
}

/** Print the error the CLI's way and return the exit code. */
export async function reportError(err: unknown, io: CliIo, debug: boolean): Promise<number> {
  if (err instanceof ListingStopped) {
    const stop = err.signal !== undefined ? STOPPED[err.signal] : undefined;
    if (stop !== undefined) say(io, stop.line);
    const code = stop?.code ?? (await reportError(err.failure, io, debug));
    if (err.resumeToken !== undefined) say(io, `hint: ${resumeLine(err.resumeToken)}`);
    return code;
  }
  if (err instanceof CommanderError) {
    // 0 for help and version, otherwise a usage error.
    if (err.exitCode === 0) return EXIT.OK;
    say(io, `ami-find: ${commanderMessage(err)}\nhint: ${hintFor(err)}`);
    return EXIT.USAGE;
  }
  // The AWS error mapping loads only when needed.
  const e = err instanceof AmiFindError ? err : (await import('../aws/errors.js')).toAmiFindError(err);
  say(io, `ami-find: ${oneLine(e.message)}`);
  if (e.hint) say(io, `hint: ${oneLine(e.hint)}`);
  if (debug) say(io, String((e.cause as Error | undefined)?.stack ?? e.stack ?? ''));
  return e.exitCode;
}

/** Collapse a message onto one line. */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
