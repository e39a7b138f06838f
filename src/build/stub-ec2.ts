/**
 * For the build's warm-ups (warm-sdk.ts, warm-cli.ts): an HTTP server on loopback that answers
 * every request with one DescribeImages page, for as long as `use` runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Run `use` with the URL of a stub answering `page` to every request; the stub closes after it. */
export async function withStubEc2<T>(page: string, use: (endpoint: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}
