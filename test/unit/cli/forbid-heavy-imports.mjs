// Node --import hook for test/unit/cli/startup.test.ts: resolving commander, the AWS SDK or any
// module of src/aws fails, and so does reading the SDK bundle (dist/sdk/aws-sdk.cjs) or the CLI
// bundle past the fast path (dist/cli/bundle/run-command.cjs, which holds commander), so a process
// that still succeeds under it provably never loaded them.
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';

// The bundles are read with readFileSync (src/code-cache.ts): no import hook sees it.
const read = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  if (/aws-sdk\.cjs|run-command\.cjs/.test(String(path))) throw new Error(`forbidden read: ${path}`);
  return read.call(this, path, ...rest);
};
syncBuiltinESMExports();

const hooks = `
export async function resolve(specifier, context, next) {
  if (/^(commander|@aws-sdk\\/|@smithy\\/)|(^|\\/)aws\\//.test(specifier)) throw new Error('forbidden import: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
