/** The body --explain prints is byte for byte what @aws-sdk/client-ec2 sends (loopback capture). */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EC2Client, DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { firstRequestInput } from '../../../src/query/explain.js';
import { describeImagesBody } from '../../../src/query/wire.js';
import type { ImageQuery, PaginationConfig } from '../../../src/types.js';

const EMPTY = '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><imagesSet/></DescribeImagesResponse>';
let server: http.Server;
let client: EC2Client;
const bodies: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => { bodies.push(body); res.writeHead(200, { 'content-type': 'text/xml' }); res.end(EMPTY); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new EC2Client({
    region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'AKIAAMIFINDSELF00001', secretAccessKey: 'x' }, maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  await new Promise((r) => server?.close(r));
});

async function sdkBody(q: ImageQuery, p: PaginationConfig): Promise<string> {
  bodies.length = 0;
  await client.send(new DescribeImagesCommand(firstRequestInput(q, p)));
  return bodies[0]!;
}

describe('explain body vs the SDK', () => {
  const cases: [string, ImageQuery, PaginationConfig][] = [
    ['a preset-like query', { owners: ['099720109477'], filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-*'] }, { Name: 'architecture', Values: ['arm64'] }] }, { PageSize: 1000 }],
    ['every member with awkward characters', { owners: ['self', 'amazon'], imageIds: ['ami-0123abcd'], executableUsers: ['all'], includeDeprecated: true, includeDisabled: false, dryRun: false,
      filters: [{ Name: 'tag:Env Name', Values: ["it's (a) b!c", 'x+y/z=ü~', '\\*lit\\?'] }, { Name: 'tag-key', Values: [] }] }, { StartingToken: 'raw/tok+en==' }],
  ];
  for (const [what, q, p] of cases) {
    test(`when ${what} is sent then the SDK body equals the explained body`, async () => {
      expect(await sdkBody(q, p)).toBe(describeImagesBody(firstRequestInput(q, p)));
    });
  }
});
