/**
 * Turns any failure into one stderr line `ami-find: <message>` (plus an optional hint line) and an
 * exit code. Stack traces only with --debug.
 */
import { CommanderError } from 'commander';
import { AmiFindError, EXIT } from '../errors.js';
import { say, type CliIo } from './io.js';
import { SUBCOMMANDS } from './options.js';

/** The exit code for a commander failure: 0 for help/version, otherwise a usage error. */
export function commanderExitCode(err: CommanderError): number {
  return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
}

/** Commander's message without its "error: " prefix, on one line. */
export function commanderMessage(err: CommanderError): string {
  return err.message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();
}

function hintFor(err: CommanderError): string {
  // `ami-find --latest show ...`: the optional [n] took the subcommand's name.
  const sub = /'--latest \[n\]' argument '([^']*)' is invalid/.exec(err.message)?.[1];
  if (sub !== undefined && SUBCOMMANDS.some((c) => c.name === sub)) return `--latest does not apply to ${sub}`;
  if (/--latest/.test(err.message)) return 'give the preset before --latest, or write --latest=N';
  return "see 'ami-find --help'";
}

/** Map an unknown error to an AmiFindError through the AWS error mapping (loaded only when needed). */
export async function toError(err: unknown): Promise<AmiFindError> {
  if (err instanceof AmiFindError) return err;
  const { toAmiFindError } = await import('../aws/errors.js');
  return toAmiFindError(err);
}

/** Print the error the CLI's way and return the exit code. */
export async function reportError(err: unknown, io: CliIo, debug: boolean): Promise<number> {
  if (err instanceof CommanderError) {
    const code = commanderExitCode(err);
    if (code !== EXIT.OK) say(io, `ami-find: ${commanderMessage(err)}\nhint: ${hintFor(err)}`);
    return code;
  }
  const e = await toError(err);
  say(io, `ami-find: ${oneLine(e.message)}`);
  if (e.hint) say(io, `hint: ${oneLine(e.hint)}`);
  if (debug) say(io, String((e.cause as Error | undefined)?.stack ?? e.stack ?? ''));
  return e.exitCode;
}

/** Collapse a message onto one line. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
