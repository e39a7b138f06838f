/**
 * The limit: fetch the same pages over HTTP (keep-alive, one at a time, as the paginators do)
 * and throw the bytes away, with no signing and no decoding.
 * Usage: node dist/bench/raw-fetch.js <url> <pages>
 */
import { Agent, request } from 'node:http';
import { pageToken } from './page-token.js';

const [url = '', pagesArg = '1'] = process.argv.slice(2);
const pages = Number(pagesArg);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function fetchPage(index: number): Promise<number> {
  const body = `Action=DescribeImages&Version=2016-11-15&MaxResults=1000${index > 0 ? `&NextToken=${pageToken(index)}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let total = 0;
for (let i = 0; i < pages; i++) total += await fetchPage(i);
agent.destroy();
process.stdout.write(`${total}\n`);
