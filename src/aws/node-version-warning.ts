/**
 * The AWS SDK warns once per process under Node < 22 ("NodeVersionSupportWarning", emitted by
 * @aws-sdk/core's emitWarningIfUnsupportedVersion while a client is constructed). The CLI turns it
 * off with the SDK's documented variable (bin/ami-find.js); a library must not set its caller's
 * environment, so the client is constructed with exactly that warning dropped, and no other.
 * https://github.com/aws/aws-sdk-js-v3/blob/main/packages/core/src/submodules/client/emitWarningIfUnsupportedVersion.ts
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
