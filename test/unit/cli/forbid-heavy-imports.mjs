// Node --import hook for test/unit/cli/startup.test.ts: importing the AWS SDK, src/aws, a run
// function (run-*.js) or a completion module fails, and so does reading the SDK bundle (required, which
// no import hook sees), so a process that still succeeds under it provably never loaded them.
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';

const read = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  if (/aws-sdk\.cjs/.test(String(path))) throw new Error(`forbidden read: ${path}`);
  return read.call(this, path, ...rest);
};
syncBuiltinESMExports();

const hooks = `
export async function resolve(specifier, context, next) {
  if (/^(@aws-sdk\\/|@smithy\\/)|(^|\\/)(aws|completion)\\/|\\/run-[a-z-]+\\.js$/.test(specifier)) throw new Error('forbidden import: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
