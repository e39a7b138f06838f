// Node --import hook for test/unit/cli/startup.test.ts: resolving commander, the AWS SDK or any
// module of src/aws fails, and so does reading the SDK bundle (dist/sdk/aws-sdk.cjs), so a process
// that still succeeds under it provably never loaded them.
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';

// The SDK bundle is read with readFileSync (src/aws/sdk-bundle/code-cache.ts): no import hook sees it.
const read = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  if (String(path).includes('aws-sdk.cjs')) throw new Error(`forbidden read: ${path}`);
  return read.call(this, path, ...rest);
};
syncBuiltinESMExports();

const hooks = `
export async function resolve(specifier, context, next) {
  if (/^(commander|@aws-sdk\\/|@smithy\\/)|(^|\\/)aws\\//.test(specifier)) throw new Error('forbidden import: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
