/**
 * Sends commands through the SDK's cached middleware handler (client config `cacheMiddleware`)
 * while still giving each request its own options: its abort signal, and ami-find's page request
 * for the fast parser (fields, json, onNextToken).
 *
 * Why the cache: without it every send() builds the whole middleware stack again (smithy's
 * getMiddlewareList), ~8 KB of objects per request that V8's scavenges promote to the old
 * generation. Over a 1M-image listing that grew the heap by ~8 MB before the first full
 * collection, and peak RSS with the length of the listing (issue 6).
 *
 * What the cache costs: the handler, and the handler context every middleware sees, are built once
 * per command class and shared by every request, including two in flight at once (read-ahead). So
 * nothing of one request may travel in send()'s own options (they turn the cache off), in a
 * per-command middleware (only the first command's is used), or in the context. Instead:
 *  - send() files the request's options under its command's input object, which every step of the
 *    stack passes on as `args.input` (sendOptionsOf);
 *  - the innermost middleware maps the HTTP request about to go out (one per attempt, signed) to the
 *    abort signal, and the client's request handler, wrapped, hands that signal to the SDK's
 *    handler as send()'s `abortSignal` option did (NodeHttpHandler.handle(request, { abortSignal }));
 *  - send() rejects as soon as the signal aborts: the SDK's retry middleware reads its signal from
 *    the shared context, so it no longer cuts a retry delay short by itself.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { DeserializeMiddleware, HttpHandlerOptions, MetadataBearer, RequestHandler } from '@smithy/types';
import type { PageRequestOptions } from '../types.js';

/** What one request carries besides its input. */
export interface SendOptions {
  signal?: AbortSignal;
  /** For the fast DescribeImages parser (fast/middleware.ts); the SDK's parser ignores it. */
  page?: PageRequestOptions;
}

const ATTACH = 'amiFindRequestSignal';
const byInput = new WeakMap<object, SendOptions>();
const wrapped = new WeakSet<object>();

/** The options send() filed for the request whose input this is (a middleware's `args.input`). */
export function sendOptionsOf(input: unknown): SendOptions | undefined {
  return typeof input === 'object' && input !== null ? byInput.get(input) : undefined;
}

/**
 * Let `client` carry per-request options (idempotent): wraps its request handler and adds the
 * innermost middleware that tells the handler which signal a request has.
 */
export function usePerRequestOptions(client: EC2Client): void {
  type Handler = RequestHandler<object, unknown, HttpHandlerOptions>;
  const config = client.config as unknown as { requestHandler: Handler };
  const inner = config.requestHandler;
  if (wrapped.has(inner)) return;
  const signals = new WeakMap<object, AbortSignal>();
  const handle: Handler['handle'] = (request, options) => {
    const signal = signals.get(request);
    return inner.handle(request, signal === undefined ? options : { ...options, abortSignal: signal });
  };
  // Everything but handle() is the SDK's handler itself, called on itself (destroy, metadata, config updates).
  const handler = new Proxy(inner, {
    get(target, key) {
      if (key === 'handle') return handle;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  wrapped.add(handler);
  config.requestHandler = handler;

  const attach: DeserializeMiddleware<object, MetadataBearer> = (next) => (args) => {
    const signal = sendOptionsOf(args.input)?.signal;
    if (signal !== undefined && typeof args.request === 'object' && args.request !== null) signals.set(args.request, signal);
    return next(args);
  };
  // After the deserializer, so after signing and inside the retry loop: the request each attempt sends.
  client.middlewareStack.addRelativeTo(attach, { name: ATTACH, relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
}

/**
 * Send `command` on a client set up by usePerRequestOptions, with `opts` for this request only.
 * The command's input object must not be in another send at the same time (it is the key).
 */
export async function send<Output>(client: EC2Client, command: { readonly input: object }, opts: SendOptions = {}): Promise<Output> {
  const { input } = command;
  const { signal } = opts;
  if (byInput.has(input)) throw new Error('send: this command input is already being sent; give each request its own input object');
  if (signal?.aborted) throw abortError(signal);
  byInput.set(input, opts);
  const sent = (client.send as (c: unknown) => Promise<Output>)(command);
  // Filed until the request is over, not until send() returns: after an abort, a retry may still start.
  sent.then(() => byInput.delete(input), () => byInput.delete(input));
  if (signal === undefined) return sent;
  let onAbort = (): void => {};
  try {
    return await new Promise<Output>((resolve, reject) => {
      onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      sent.then(resolve, reject);
    });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The error the SDK's HTTP handler rejects an aborted request with: named AbortError, the reason as its cause. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('Request aborted', { cause: signal.reason }), { name: 'AbortError' });
}
