/**
 * The library prints nothing: under Node < 22 the AWS SDK warns "NodeVersionSupportWarning" on
 * stderr once per process when a client is made. The CLI sets the SDK's off switch; the library
 * drops exactly that warning, and leaves the caller's environment and other warnings alone.
 * (Under Node 22 and later the SDK does not warn, and these tests check only that nothing else is printed.)
 */
import { fileURLToPath } from 'node:url';
import { requireBuilt, runShell, useFixtureEndpoint } from './cli-support.js';

const INDEX = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));

/** A program that lists the fixture's own images through the built library, then maybe warns itself. */
const PROGRAM = `
const { findImages } = await import(process.env.INDEX);
let n = 0;
for await (const image of findImages({ owners: ['self'] }, { aws: { region: 'us-east-1', endpoint: process.env.ENDPOINT } })) n++;
console.log(n, process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'unset');
if (process.argv[1] === 'warn') process.emitWarning('the caller\\'s own warning');
`;

describe('library stderr', () => {
  const local = useFixtureEndpoint();
  const run = (arg: string) => {
    requireBuilt();
    const env: NodeJS.ProcessEnv = { ...local.env, INDEX, ENDPOINT: local.server.url, PROGRAM };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    return runShell(`exec "${process.execPath}" --input-type=module -e "$PROGRAM" ${arg}`, env);
  };

  test('when the library lists images then stderr is empty and the environment is untouched', async () => {
    const r = await run('quiet');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^[1-9]\d* unset\n$/);
  });

  test('when the caller emits a warning of its own then it is printed', async () => {
    const r = await run('warn');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Warning: the caller's own warning");
    expect(r.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
