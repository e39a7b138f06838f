/**
 * The process boundary: the one place that reads process.env and asks which streams are terminals.
 * Everything past this point receives these values as data.
 */

/** Environment and terminal facts the CLI decides from. */
export interface Boundary {
  env: Readonly<Record<string, string | undefined>>;
  stdinTTY: boolean;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  now: Date;
}

/** Read the real process's environment and TTY state. */
export function readBoundary(): Boundary {
  return {
    env: { ...process.env },
    stdinTTY: process.stdin.isTTY === true,
    stdoutTTY: process.stdout.isTTY === true,
    stderrTTY: process.stderr.isTTY === true,
    now: new Date(),
  };
}
