/**
 * The aws CLI line printed by --explain sends the same DescribeImages parameters as ami-find's body.
 * Runs the printed line through bash against a loopback capture server. Needs the aws CLI (a python peer).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { explainQuery } from '../../../src/query/explain.js';
import { parseFilterArg } from '../../../src/query/filters.js';
import { describeImagesBody } from '../../../src/query/wire.js';
import type { ImageQuery, PaginationConfig } from '../../../src/types.js';

const EMPTY = '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><imagesSet/></DescribeImagesResponse>';
let server: http.Server;
let url = '';
const bodies: string[] = [];

beforeAll(async () => {
  if (spawnSync('aws', ['--version']).status !== 0) throw new Error('the aws CLI is required for this test (python peer): install awscli');
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => { bodies.push(body); res.writeHead(200, { 'content-type': 'text/xml' }); res.end(EMPTY); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise((r) => server?.close(r)); });

function params(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** Run a command (the printed line through bash, or aws with argv) and return the one request body it sent. */
async function runAwsLine(line: string, argv?: string[]): Promise<string> {
  bodies.length = 0;
  const env = { PATH: process.env.PATH, HOME: '/nonexistent', AWS_ACCESS_KEY_ID: 'AKIAAMIFINDSELF00001', AWS_SECRET_ACCESS_KEY: 'x',
    AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k', AWS_EC2_METADATA_DISABLED: 'true' };
  const child = argv ? spawn('aws', argv, { env, stdio: ['ignore', 'ignore', 'pipe'] }) : spawn('bash', ['-c', line], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise((r) => child.on('close', r));
  if (code !== 0 || bodies.length !== 1) throw new Error(`aws exited ${code}, ${bodies.length} requests: ${stderr}`);
  return bodies[0]!;
}

async function compare(q: ImageQuery, p: PaginationConfig) {
  const text = explainQuery(q, p, { region: 'us-east-1', endpoint: url });
  const lines = text.split('\n');
  const ours = lines.find((l) => l.startsWith('Action='))!;
  const awsLine = lines.find((l) => l.startsWith('aws '))!;
  expect(params(await runAwsLine(awsLine))).toEqual(params(ours));
}

describe('explain vs the aws CLI', () => {
  test('when filters are plain then the shorthand line sends the same parameters', async () => {
    await compare({ owners: ['099720109477', 'self'], filters: [{ Name: 'name', Values: ['ubuntu/images/*', 'x?y'] }, { Name: 'architecture', Values: ['arm64'] }],
      includeDeprecated: true }, { PageSize: 25 });
  });
  test('when values hold spaces, commas, quotes and & then the JSON line sends the same parameters', async () => {
    await compare({ executableUsers: ['all'], filters: [{ Name: 'name', Values: ['AlmaLinux OS 9*', "it's, \"odd\" & \\*"] }, { Name: 'tag:Env Name', Values: [''] }],
      includeDisabled: false }, { PageSize: 7 });
  });
  test('when image IDs and a botocore starting token are given then the same parameters', async () => {
    const token = Buffer.from('{"NextToken": "T5/+=", "boto_truncate_amount": 1}').toString('base64');
    await compare({ imageIds: ['ami-0123abcd'] }, { PageSize: 7, StartingToken: token });
  });
});

describe('parseFilterArg vs the aws CLI shorthand', () => {
  // The strings go to `aws ec2 describe-images --filters <s1> <s2> ...` and to parseFilterArg; the requests must match.
  // (One known difference: `\\,` is an EC2 backslash pair then a separator for ami-find; see filters.ts.)
  const cases = ['Name=name,Values=a*,b?', 'Values=x,y,Name=architecture', 'Name=description,Values="a, b",c',
    'Name=state,Values=[available,pending]', 'Name=description,Values=a\\,b', 'Name=tag:Env,Values=prod'];
  test('when shorthand filters are parsed then they match what the aws CLI sends for them', async () => {
    const sent = await runAwsLine('', ['ec2', 'describe-images', '--region', 'us-east-1', '--endpoint-url', url, '--filters', ...cases]);
    expect(params(sent)).toEqual(params(describeImagesBody({ Filters: cases.map(parseFilterArg) })));
  });
});
