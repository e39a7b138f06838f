/** The standalone server (`npm run ec2-local`): one ready line on stdout, flags applied. Runs the built dist/ (npm test builds first). */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { client } from './support.js';

const MAIN = resolve('dist/test/ec2-local/main.js');

interface Running { child: ChildProcess; url: string; stdout: () => string }

function start(args: string[]): Promise<Running> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) before this test`);
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolvePromise, reject) => {
    child.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^listening (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m !== null) resolvePromise({ child, url: m[1], stdout: () => out });
    });
    child.on('exit', (code) => reject(new Error(`ec2-local exited with ${code}: ${err}`)));
  });
}

async function stop(r: Running): Promise<void> {
  const exited = new Promise((res) => r.child.once('exit', res));
  r.child.kill('SIGTERM');
  await exited;
}

test('when started with a free port then it prints exactly one listening line and serves the SDK', async () => {
  const r = await start(['--fixture', '--port', '0']);
  try {
    const out = await client({ url: r.url }).send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(out.Images?.length).toBeGreaterThan(0);
    expect(r.stdout()).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+\n$/);
  } finally {
    await stop(r);
  }
});

test('when fault flags are given then the server applies them', async () => {
  const r = await start(['--fixture', '--empty-pages', '1', '--latency', '100']);
  try {
    const started = Date.now();
    const out = await client({ url: r.url }).send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect([out.Images, typeof out.NextToken]).toEqual([[], 'string']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  } finally {
    await stop(r);
  }
});

test('when --fail-first is given then the first attempt gets the injected error', async () => {
  const r = await start(['--fixture', '--fail-first', '1', '--fail-code', 'InternalError']);
  try {
    const e = await client({ url: r.url }).send(new DescribeImagesCommand({})).catch((err: { name: string; $metadata: { httpStatusCode: number } }) => err);
    expect([(e as { name: string }).name, (e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode]).toEqual(['InternalError', 500]);
  } finally {
    await stop(r);
  }
});

test('when --fixed-order and --short-page-rate 0 are given then pages are full and in catalogue order', async () => {
  const r = await start(['--fixture', '--fixed-order', '--short-page-rate', '0']);
  try {
    const c = client({ url: r.url }, 'us-west-2');
    const first = await c.send(new DescribeImagesCommand({ MaxResults: 5 }));
    expect(first.Images?.map((i) => i.ImageId)).toEqual([0, 1, 2, 4, 5].map((n) => `ami-b${n.toString(16).padStart(16, '0')}`));
  } finally {
    await stop(r);
  }
});

test('when --order-seed is given then the order follows the seed, the same for the same seed', async () => {
  const listing = async (seed: string) => {
    const r = await start(['--fixture', '--order-seed', seed]);
    try {
      const out = await client({ url: r.url }, 'us-west-2').send(new DescribeImagesCommand({}));
      return (out.Images ?? []).map((i) => i.ImageId);
    } finally {
      await stop(r);
    }
  };
  const [a, b, c] = [await listing('1'), await listing('2'), await listing('1')];
  expect(c).toEqual(a);
  expect(b).not.toEqual(a);
  expect([...b].sort()).toEqual([...a].sort());
});

test('when --short-page-rate is out of range then the server refuses to start', async () => {
  await expect(start(['--fixture', '--short-page-rate', '2'])).rejects.toThrow(/--short-page-rate must be between 0 and 1/);
});
