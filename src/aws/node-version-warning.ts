/**
 * The AWS SDK warns once per process under Node < 22 while a client is constructed
 * (@aws-sdk/core emitWarningIfUnsupportedVersion); a library must not set its caller's environment
 * to turn it off, so exactly that warning is dropped here.
 */

/** Run `construct` (synchronous) with the SDK's Node version warning dropped; every other warning goes through. */
export function withoutNodeVersionWarning<T>(construct: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = function emitWarning(this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const text = typeof warning === 'string' ? warning : warning?.message;
    if (typeof text === 'string' && text.startsWith('NodeVersionSupportWarning')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return construct();
  } finally {
    process.emitWarning = emit;
  }
}
