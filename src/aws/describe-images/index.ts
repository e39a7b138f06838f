/**
 * The DescribeImages response parser of an EC2 client (docs/ARCHITECTURE.md): middlewares around
 * the SDK's deserializer, `merge -> deserializerMiddleware -> capture -> HTTP handler`. `capture`
 * checks a 2xx body (response-check.ts) and, unless `parser: 'sdk'`, parses it (parse.ts) and hands
 * the SDK an empty body, so the SDK still builds `$metadata`; `merge` puts the parsed members before
 * it. Errors, retries and pages the scanner does not take stay the SDK's.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';
import type { Parser } from '../../query/vocabulary.js';
import type { JsonLayout } from '../../types.js';
import { imagesOf } from './image-text.js';
import { JsonTextWriter } from './json-text.js';
import { parseDescribeImagesBody, type DescribeImagesBody } from './parse.js';
import { projectedResultShape } from './shapes.js';
import { checkDescribeImagesBody, failingStream, type RawResponse } from './response-check.js';

export interface ParserOptions {
  /** 'fast' (the default) or 'sdk', the documented escape hatch (--parser sdk). */
  parser?: Parser;
  /** Hears why a page went to the SDK's parser (for --debug). */
  log?: (line: string) => void;
  /** The Image members to build (AwsClientOptions.fields); undefined: every member. */
  fields?: readonly string[];
  /** Each image as its JSON text in this layout (AwsClientOptions.json, json-text.ts); `fields` is then ignored. */
  json?: JsonLayout;
}

const CAPTURE = 'amiFindDescribeImagesCapture';
const MERGE = 'amiFindFastDescribeImagesMerge';

/** Install the DescribeImages response parser on `client`. */
export function installDescribeImagesParser(client: EC2Client, opts: ParserOptions = {}): void {
  const fast = opts.parser !== 'sdk';
  const parsed = new WeakMap<object, DescribeImagesBody>();
  const { streamCollector, utf8Encoder } = client.config;
  const json = fast && opts.json !== undefined ? new JsonTextWriter(opts.json) : undefined;
  const shape = opts.fields === undefined || json !== undefined ? undefined : projectedResultShape(opts.fields);
  const scratch: Scratch = { bytes: new Uint8Array(0), busy: false };
  let pages = 0;

  const capture: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse | undefined;
    if (context.commandName !== 'DescribeImagesCommand' || !response || !isSuccessStatus(response.statusCode)) return result;
    // After the first page, as V8 has sized the young generation for one.
    if (++pages === 2) holdYoungGeneration();
    const reuse = fast && !scratch.busy && isAsyncIterable(response.body);
    let bytes: Uint8Array;
    try {
      scratch.busy = reuse;
      bytes = response.body instanceof Uint8Array ? response.body
        : response.body == null ? new Uint8Array(0)
        : reuse ? await collectInto(scratch, response.body as AsyncIterable<Uint8Array>) : await streamCollector(response.body);
    } catch (err) {
      scratch.busy = false;
      // The SDK's deserializer meets the same stream error and decorates it as it always does.
      response.body = failingStream(err);
      return result;
    }
    try {
      checkDescribeImagesBody(bytes, response, args.request);
      response.body = bytes;
      if (!fast) return result;
      const text = json?.page(bytes);
      if (text !== undefined) {
        // The object parse.ts would build: NextToken (when present) first, then Images.
        parsed.set(response, { ...(text.nextToken !== undefined && { NextToken: text.nextToken }), Images: imagesOf(text) as DescribeImagesBody['Images'] });
        response.body = new Uint8Array(0);
        return result;
      }
      if (json) opts.log?.('json text: page parsed as objects (outside the converter\'s subset)');
      const outcome = parseDescribeImagesBody(bytes, utf8Encoder, shape);
      if (outcome.ok) {
        parsed.set(response, outcome.value);
        response.body = new Uint8Array(0);
      } else {
        opts.log?.(`fast parser: page left to the SDK parser (${outcome.reason})`);
        // The SDK parses these bytes after this returns: never hand it the reused buffer.
        if (reuse) response.body = bytes.slice();
      }
      return result;
    } finally {
      if (reuse) scratch.busy = false;
    }
  };

  const merge: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const result = await next(args);
    const value = parsed.get(result.response as object);
    if (value === undefined || result.output === undefined) return result;
    const output = value as DescribeImagesBody & MetadataBearer;
    output.$metadata = result.output.$metadata;
    return { ...result, output };
  };

  client.middlewareStack.addRelativeTo(capture, { name: CAPTURE, relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
  if (fast) client.middlewareStack.addRelativeTo(merge, { name: MERGE, relation: 'before', toMiddleware: 'deserializerMiddleware', override: true });
}

/**
 * Stop V8 growing its young generation once pages arrive: each page's objects die young, and a
 * grown young generation holds more of them. Measured at 1M images, peak RSS with / without:
 * `ids` 123 / 162 MB, `json` 109 / 153, `ndjson` 116 / 148; wall time within noise. The 150 MB
 * targets (docs/PERFORMANCE.md) need it for `ids` and `json`. No-op before Node 20.16.
 */
function holdYoungGeneration(): void {
  const v8 = process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined;
  v8?.setFlagsFromString('--semi-space-growth-factor=1');
}

/** Whether an HTTP status is a success the SDK parses as a result (it treats >= 300 as an error). */
function isSuccessStatus(status: unknown): boolean {
  return typeof status === 'number' && status >= 200 && status < 300;
}

/** A body buffer reused page after page; `busy` while one response owns it. */
interface Scratch {
  bytes: Uint8Array;
  busy: boolean;
}

function isAsyncIterable(x: unknown): x is AsyncIterable<Uint8Array> {
  return typeof (x as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';
}

/**
 * Read a body into the scratch buffer (grown when too small). Why: the SDK's collector allocates a
 * fresh copy of every ~1.3 MB page, external memory that only full collections free.
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
