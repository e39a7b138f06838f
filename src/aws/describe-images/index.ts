/**
 * The DescribeImages response parser of an EC2 client: the fast scanner (parse.ts), or the SDK's
 * own with `parser: 'sdk'`; either way a 2xx body is first checked to be whole EC2 XML
 * (response-check.ts). Installed as deserialize-step middlewares around the SDK's deserializer:
 *
 *   merge (fast only) -> SDK deserializerMiddleware -> capture -> HTTP handler
 *
 * `capture` reads and checks a 2xx body and, with the fast parser, parses it and hands the SDK an
 * empty body, so the SDK still builds `$metadata`; `merge` puts the parsed members in front of it.
 * Errors, retries, signing and pages the scanner does not take stay the SDK's.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';
import type { Parser } from '../../query/vocabulary.js';
import { parseDescribeImagesBody, type DescribeImagesBody } from './parse.js';
import { checkDescribeImagesBody, failingStream, type RawResponse } from './response-check.js';

export interface ParserOptions {
  /** 'fast' (the default) or 'sdk', the documented escape hatch (--parser sdk). */
  parser?: Parser;
  /** Hears why a page went to the SDK's parser (for --debug). */
  log?: (line: string) => void;
}

const CAPTURE = 'amiFindDescribeImagesCapture';
const MERGE = 'amiFindFastDescribeImagesMerge';

/** Install the DescribeImages response parser on `client`. */
export function installDescribeImagesParser(client: EC2Client, opts: ParserOptions = {}): void {
  const fast = opts.parser !== 'sdk';
  const parsed = new WeakMap<object, DescribeImagesBody>();
  const { streamCollector, utf8Encoder } = client.config;

  const capture: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse | undefined;
    if (context.commandName !== 'DescribeImagesCommand' || !response || !isSuccessStatus(response.statusCode)) return result;
    let bytes: Uint8Array;
    try {
      bytes = response.body instanceof Uint8Array ? response.body
        : response.body == null ? new Uint8Array(0) : await streamCollector(response.body);
    } catch (err) {
      // The SDK's deserializer meets the same stream error and decorates it as it always does.
      response.body = failingStream(err);
      return result;
    }
    checkDescribeImagesBody(bytes, response, args.request);
    response.body = bytes;
    if (!fast) return result;
    const outcome = parseDescribeImagesBody(bytes, utf8Encoder);
    if (outcome.ok) {
      parsed.set(response, outcome.value);
      response.body = new Uint8Array(0);
    } else {
      opts.log?.(`fast parser: page left to the SDK parser (${outcome.reason})`);
    }
    return result;
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

/** Whether an HTTP status is a success the SDK parses as a result (it treats >= 300 as an error). */
function isSuccessStatus(status: unknown): boolean {
  return typeof status === 'number' && status >= 200 && status < 300;
}
