/** Every failure carries a stable code and an exit code; the library throws, only the CLI exits. */

/** Exit codes; a test checks the README's "Exit codes" table against them. */
export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  NO_MATCH: 3,
  REQUEST_REJECTED: 4,
  CREDENTIALS: 5,
  UNAUTHORIZED: 6,
  THROTTLED: 7,
  NETWORK: 8,
  PARTIAL: 9,
  SSM_POINTER: 10,
  HANGUP: 129,
  INTERRUPTED: 130,
  TERMINATED: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One-line descriptions of the exit codes, for help and the README table. */
export const EXIT_DESCRIPTIONS: Record<ExitCode, string> = {
  0: 'success (for --dry-run: the request would have succeeded)',
  1: 'internal error (a bug: please report it), or EC2 broke pagination (the same NextToken twice)',
  2: 'usage error: bad flag, value, date, filter name, preset, resume token or endpoint URL; malformed image ID',
  3: 'the query ran but no image matched',
  4: 'EC2 rejected the request: invalid parameter or filter value, unknown (well-formed) image ID',
  5: 'no credentials, or the credentials are invalid or expired',
  6: 'not authorized (UnauthorizedOperation; also --dry-run without permission)',
  7: 'throttled or service unavailable after all retries (or once the SDK\'s retry quota ran out)',
  8: 'network failure: endpoint unreachable, unknown region host, connection reset, connect or read timeout, an answer cut short or not EC2 XML (a captive portal)',
  9: 'some regions or profiles failed (one stderr line each: not enabled, not authorized, throttled, unreachable); the images of the others were printed',
  10: 'SSM (--ssm, ssm): the parameter does not exist, does not hold an AMI ID, or points at an image that is deprecated or not visible',
  129: 'hung up (SIGHUP: the terminal closed); the resume token is printed on stderr',
  130: 'interrupted (Ctrl-C, SIGINT); the resume token is printed on stderr',
  143: 'terminated (SIGTERM); the resume token is printed on stderr',
};

/** An error with a stable machine-readable code, an exit code and an optional hint line. */
export class AmiFindError extends Error {
  /** `code`: stable, e.g. 'E_BAD_TOKEN'; `hint`: advice shown after the message. */
  constructor(readonly code: string, readonly exitCode: ExitCode, message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AmiFindError';
  }
}

/** A usage error (exit 2). */
export function usageError(message: string, hint?: string, code = 'E_USAGE'): AmiFindError {
  return new AmiFindError(code, EXIT.USAGE, message, hint);
}
