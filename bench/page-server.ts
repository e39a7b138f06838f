/**
 * The benchmark's endpoint: answers DescribeImages with pages rendered before the clock starts,
 * so that what is measured is the client, not the server. Tokens are `p<index>`. For very large
 * catalogues a few rendered pages are reused as templates, with the page number written into
 * each image ID so that every page still carries distinct IDs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageToken } from './page-token.js';

export interface PageServer {
  url: string;
  /** Milliseconds (performance.now()) at which the first request of the current run arrived. */
  firstRequestAt: number | undefined;
  requests: number;
  resetRun(): void;
  close(): Promise<void>;
}

export interface PageServerOptions {
  /**
   * Pre-rendered page bodies (UTF-8), in order. With `pages` larger, they are reused as templates
   * and must all carry a next token (rendered with `lastPage` beyond their count).
   */
  templates: Buffer[];
  /** Total pages served (default: templates.length). */
  pages?: number;
}

const ID_MARK = Buffer.from('<imageId>ami-');
const TOKEN_MARK = Buffer.from('<nextToken>');
const TOKEN_ELEMENT_LENGTH = `<nextToken>${pageToken(0)}</nextToken>`.length;

/** Offsets, in a template, of the first ID character after each `<imageId>ami-`. */
function idOffsets(page: Buffer): number[] {
  const out: number[] = [];
  for (let i = page.indexOf(ID_MARK); i !== -1; i = page.indexOf(ID_MARK, i + 1)) out.push(i + ID_MARK.length);
  return out;
}

/** Start the page server on a free loopback port. */
export async function startPageServer(opts: PageServerOptions): Promise<PageServer> {
  const { templates } = opts;
  const total = opts.pages ?? templates.length;
  const offsets = total > templates.length ? templates.map(idOffsets) : [];
  const state: PageServer = {
    url: '', firstRequestAt: undefined, requests: 0,
    resetRun() { this.firstRequestAt = undefined; this.requests = 0; },
    close: async () => undefined,
  };
  const bodyFor = (index: number): Buffer => {
    const t = index % templates.length;
    if (total <= templates.length) return templates[t]!;
    const copy = Buffer.from(templates[t]!);
    // Distinct IDs on reused templates: the page number, in hex, over the first 5 ID characters.
    const stamp = Buffer.from(index.toString(16).padStart(5, '0').slice(-5));
    for (const at of offsets[t]!) stamp.copy(copy, at);
    const tokenAt = copy.lastIndexOf(TOKEN_MARK);
    if (index + 1 >= total) return Buffer.concat([copy.subarray(0, tokenAt), copy.subarray(tokenAt + TOKEN_ELEMENT_LENGTH)]);
    copy.write(pageToken(index + 1), tokenAt + TOKEN_MARK.length);
    return copy;
  };
  const server: Server = createServer((req, res) => {
    if (state.firstRequestAt === undefined) state.firstRequestAt = performance.now();
    state.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const token = new URLSearchParams(Buffer.concat(chunks).toString()).get('NextToken');
      const index = token ? Number(token.slice(1)) : 0;
      const body = bodyFor(Math.min(index, total - 1));
      res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': `bench-${index}`, 'content-length': body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return state;
}
