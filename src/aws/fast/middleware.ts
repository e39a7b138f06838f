/**
 * Plugs the fast DescribeImages parser into an EC2Client as two deserialize-step middlewares
 * around the SDK's own deserializer (smithy middleware stack, `deserializerMiddleware`):
 *
 *   merge (outer) -> SDK deserializerMiddleware -> capture (inner) -> HTTP handler
 *
 * `capture` sees the raw response of a DescribeImagesCommand. On a 2xx it reads the body and
 * parses it (parse-bytes.ts); when that succeeds it hands the SDK an empty body, so the SDK still builds
 * `$metadata` (request id, status) itself, and `merge` puts the parsed members in front of that
 * `$metadata`, in the key order the SDK uses. Everything else (non-2xx responses, other
 * commands, bodies the fast parser does not take, body read errors) reaches the SDK unchanged,
 * so retries (finalizeRequest step, outside these), signing, credentials, endpoints and error
 * types all stay the SDK's. The switch back to the SDK's parser is simply not installing this:
 * `--parser sdk` / AMI_FIND_PARSER=sdk. What a request asks of the parser (fields, json,
 * onNextToken) comes with the request itself: its PageRequestOptions, given to send() (../send.ts).
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';
import { failingStream, isSuccessStatus, type RawResponse } from '../response-check.js';
import { sendOptionsOf } from '../send.js';
import { peekNextToken } from './next-token.js';
import type { DescribeImagesBody } from './parse.js';
import { parseDescribeImagesBody } from './parse-bytes.js';

/** Optional hooks; `onFallback` hears why a page went to the SDK's parser (for --debug). */
export interface FastParserOptions {
  onFallback?: (reason: string) => void;
  /**
   * Sees every 2xx body before anything else reads it, and may throw to fail the attempt instead
   * (the client's check that it is whole EC2 XML: ../response-check.ts).
   */
  checkBody?: (bytes: Uint8Array, response: RawResponse, request: unknown) => void;
}

const CAPTURE = 'amiFindFastDescribeImagesCapture';
const MERGE = 'amiFindFastDescribeImagesMerge';

/** Install the fast DescribeImages response parser on `client` (idempotent). */
export function useFastDescribeImagesParser(client: EC2Client, opts: FastParserOptions = {}): void {
  const parsed = new WeakMap<object, DescribeImagesBody>();
  // One body buffer reused page after page (a second request in flight at once gets the SDK's collector).
  const buffer: Scratch = { bytes: new Uint8Array(0), busy: false };
  const { streamCollector, utf8Encoder } = client.config;

  const capture: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse | undefined;
    if (context.commandName !== 'DescribeImagesCommand' || !response || !isSuccessStatus(response.statusCode)) return result;
    let bytes: Uint8Array;
    let scratch = false;
    try {
      if (response.body instanceof Uint8Array) bytes = response.body;
      else if (response.body == null) bytes = new Uint8Array(0);
      else if (!buffer.busy && isAsyncIterable(response.body)) {
        buffer.busy = scratch = true;
        bytes = await collectInto(buffer, response.body);
      } else bytes = await streamCollector(response.body);
    } catch (err) {
      if (scratch) buffer.busy = false;
      // Let the SDK's deserializer meet the same stream error, so it decorates it as it always does.
      response.body = failingStream(err);
      return result;
    }
    try {
      opts.checkBody?.(bytes, response, args.request);
      // What the caller asked of this request (PageRequestOptions), filed by send() (../send.ts).
      const request = sendOptionsOf(args.input)?.page;
      if (request?.onNextToken !== undefined) {
        request.onNextToken(peekNextToken(bytes));
        // Why: a request the hook started is only a chain of promises so far; one turn of the
        // event loop puts it on the wire, so it travels while this page is parsed.
        await new Promise(setImmediate);
      }
      if (bytes.byteLength > 0) {
        const outcome = parseDescribeImagesBody(bytes, utf8Encoder, request?.fields, { json: request?.json });
        if (outcome.ok) {
          parsed.set(response, outcome.value);
          response.body = new Uint8Array(0);
          return result;
        }
        opts.onFallback?.(outcome.reason);
      }
      // The SDK parses these bytes later: never hand it the reused buffer.
      response.body = scratch ? Uint8Array.prototype.slice.call(bytes) : bytes;
      return result;
    } finally {
      if (scratch) buffer.busy = false;
    }
  };

  const merge: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const result = await next(args);
    const response = result.response as object | undefined;
    const value = response === undefined ? undefined : parsed.get(response);
    if (value === undefined || result.output === undefined) return result;
    parsed.delete(response!);
    const output = value as DescribeImagesBody & MetadataBearer;
    output.$metadata = result.output.$metadata;
    return { ...result, output };
  };

  client.middlewareStack.addRelativeTo(capture, { name: CAPTURE, relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
  client.middlewareStack.addRelativeTo(merge, { name: MERGE, relation: 'before', toMiddleware: 'deserializerMiddleware', override: true });
}

/** A reusable body buffer; `busy` while one response owns it. */
interface Scratch {
  bytes: Uint8Array;
  busy: boolean;
}

function isAsyncIterable(x: unknown): x is AsyncIterable<Uint8Array> {
  return typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/**
 * Read a body stream into the scratch buffer (grown when too small) and return the filled part.
 * Why: the SDK's collector allocates a fresh copy of every 1 MB page, and that churn of external
 * memory drove most of the full garbage collections of a long listing (issue 6).
 */
async function collectInto(scratch: Scratch, body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  let length = 0;
  for await (const chunk of body) {
    if (length + chunk.byteLength > scratch.bytes.byteLength) {
      const grown = new Uint8Array(Math.max(length + chunk.byteLength, scratch.bytes.byteLength * 2, 1 << 20));
      grown.set(scratch.bytes.subarray(0, length));
      scratch.bytes = grown;
    }
    scratch.bytes.set(chunk, length);
    length += chunk.byteLength;
  }
  return scratch.bytes.subarray(0, length);
}
