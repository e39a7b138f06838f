/**
 * Importing the library has no side effects (house style rule 12): no @aws-sdk / @smithy module is
 * loaded, no process listener is added, no environment variable is read, nothing keeps Node alive.
 * Runs the built dist/src/index.js in a fresh Node with a loader hook that refuses SDK modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const INDEX = resolve('dist/src/index.js');

// Refuse to resolve any SDK module: importing the library must not need one.
const HOOKS = `export async function resolve(specifier, context, next) {
  if (/^@(aws-sdk|smithy)\\//.test(specifier)) throw new Error('SDK module loaded at import time: ' + specifier);
  return next(specifier, context);
}`;

const PROBE = `
import { createRequire, register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));
const events = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'warning', 'uncaughtException', 'unhandledRejection'];
const count = () => events.map((e) => process.listenerCount(e));
const before = count();
const reads = [];
const realEnv = process.env;
process.env = new Proxy(realEnv, { get(t, k) { if (typeof k === 'string') reads.push(k); return Reflect.get(t, k); } });
const lib = await import(${JSON.stringify(INDEX)});
process.env = realEnv;
const cjsSdk = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/@aws-sdk/') || k.includes('/node_modules/@smithy/'));
console.log(JSON.stringify({ cjsSdk, exports: Object.keys(lib).sort(), listenersBefore: before, listenersAfter: count(), envReads: reads }));
`;

describe('library import', () => {
  test('when index.js is imported then no SDK module loads, no listener is added, no env is read, and Node exits', () => {
    if (!existsSync(INDEX)) throw new Error(`${INDEX} is missing: run \`npm run build\` first`);
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', PROBE], { encoding: 'utf8', timeout: 15000 });
    expect([child.status, child.stderr]).toEqual([0, '']);
    const result = JSON.parse(child.stdout) as { cjsSdk: string[]; exports: string[]; listenersBefore: number[]; listenersAfter: number[]; envReads: string[] };
    expect(result.exports).toEqual(expect.arrayContaining(['findImages', 'encodeResumeToken', 'decodeStartingToken', 'createEc2PageSource', 'toAmiFindError', 'AmiFindError']));
    expect(result.cjsSdk).toEqual([]);
    expect(result.listenersAfter).toEqual(result.listenersBefore);
    // Node's own module loader reads NODE_V8_COVERAGE and WATCH_REPORT_DEPENDENCIES; nothing else may.
    expect(result.envReads.filter((k) => !/^(NODE_V8_COVERAGE|WATCH_REPORT_DEPENDENCIES)$/.test(k))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10000);
  });
});
