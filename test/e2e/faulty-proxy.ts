/**
 * A small HTTP proxy in front of the local EC2 endpoint that breaks chosen answers the ways real
 * networks do: never answering (stall before the headers), sending half a body then going silent,
 * answering 200 with an HTML page (a captive portal), or cutting the XML short with an honest
 * Content-Length. Requests are forwarded unchanged (Host included: the endpoint checks no signature).
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How an answer is broken. */
export type Fault = 'stall-headers' | 'half-body' | 'html' | 'truncated';

/** Which requests get the fault: the first `after` pass, then `times` are broken (default: all the rest). */
export interface FaultPlan {
  fault: Fault;
  after?: number;
  times?: number;
}

export interface FaultyProxy {
  url: string;
  /** Requests received since the last plan was set. */
  readonly requests: number;
  /** Requests broken since the last plan was set. */
  readonly faulted: number;
  /** Break answers from now on as `plan` says (undefined: forward every answer unchanged); resets the counts. */
  setPlan(plan: FaultPlan | undefined): void;
  close(): Promise<void>;
}

/** The captive portal's page. */
export const PORTAL_HTML = '<!DOCTYPE html>\n<html><head><title>Sign in to Hotel WiFi</title></head>'
  + '<body><form action="/login"><input name="room"></form></body></html>\n';

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Start a proxy to `target` (the local endpoint's URL) on a free localhost port. */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const to = new URL(target);
  let plan: FaultPlan | undefined;
  let requests = 0;
  let faulted = 0;
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> => new Promise((resolve, reject) => {
    const up = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    up.on('error', reject);
    up.end(body);
  });

  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    requests += 1;
    const n = requests;
    const p = plan;
    const breaks = p !== undefined && n > (p.after ?? 0) && n <= (p.after ?? 0) + (p.times ?? Infinity);
    if (breaks) faulted += 1;
    if (breaks && p.fault === 'stall-headers') return; // never answer; the socket stays open
    if (breaks && p.fault === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(PORTAL_HTML) });
      res.end(PORTAL_HTML);
      return;
    }
    const up = await forward(req, body);
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    if (breaks && p.fault === 'half-body') {
      // Headers promise the whole body; half of it comes, then silence.
      res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) });
      res.write(up.body.subarray(0, up.body.length >> 1));
      return;
    }
    const sent = breaks && p.fault === 'truncated' ? up.body.subarray(0, up.body.length >> 1) : up.body;
    res.writeHead(up.status, { ...headers, 'content-length': String(sent.length) });
    res.end(sent);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      answer(req, res, Buffer.concat(chunks)).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() { return requests; },
    get faulted() { return faulted; },
    setPlan(next) {
      plan = next;
      requests = 0;
      faulted = 0;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
