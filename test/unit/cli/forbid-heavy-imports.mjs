// Node --import hook for test/unit/cli/startup.test.ts: resolving commander, the AWS SDK or any
// module of src/aws (which loads the SDK bundle through require, out of this hook's sight) fails,
// so a process that still succeeds under it provably never loaded them.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (/^(commander|@aws-sdk\\/|@smithy\\/)|(^|\\/)aws\\//.test(specifier)) throw new Error('forbidden import: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
