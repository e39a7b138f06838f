/**
 * Differential harness: the real EC2Client sends DescribeImages to a canned response, once with
 * the SDK's own deserializer and once with the fast parser installed, and the outcomes are compared.
 */
import { Readable } from 'node:stream';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from '@jest/globals';
import { useFastDescribeImagesParser } from '../../../../src/aws/fast/middleware.js';
import { parseDescribeImagesXml } from '../../../../src/aws/fast/parse.js';
import { projectDescribeImagesPage } from '../../../../src/aws/fast/parse-bytes.js';
import { send, usePerRequestOptions } from '../../../../src/aws/send.js';
import { IMAGE_JSON, imageJson } from '../../../../src/image-json.js';
import type { ImageField } from '../../../../src/types.js';

export interface Canned {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export type Settled = { ok: true; value: Record<string, unknown> } | { ok: false; error: Record<string, unknown> };

/** Split the body into uneven chunks, as a socket would (multi-byte characters may straddle them). */
function chunked(body: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0, size = 7; i < body.length; i += size, size = (size * 31) % 65521 + 1) chunks.push(body.subarray(i, i + size));
  return Readable.from(chunks);
}

/** A client whose HTTP handler answers every attempt with `respond(attempt)`. */
export function cannedClient(respond: (attempt: number) => Canned, fast: boolean, fallbacks: string[] = []): EC2Client {
  let attempt = 0;
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    cacheMiddleware: true,
    requestHandler: {
      handle: async () => {
        const c = respond(++attempt);
        const headers = c.headers ?? { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'req-canned-1' };
        return { response: { statusCode: c.status ?? 200, headers, body: chunked(Buffer.from(c.body)) } };
      },
    },
  });
  usePerRequestOptions(client);
  if (fast) useFastDescribeImagesParser(client, { onFallback: (reason) => fallbacks.push(reason) });
  return client;
}

async function settle(p: Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: (await p) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: error as Record<string, unknown> };
  }
}

/** The members the JSON way builds as objects (as `--output ndjson --created-after` would). */
const JSON_WAY_FIELDS: ImageField[] = ['CreationDate', 'Name'];

/**
 * DescribeImages through the SDK's deserializer and through the fast parser, on the same canned
 * response; and a third time the way `--output ndjson` asks (JSON text, few members built),
 * checked here: each image's imageJson() is JSON.stringify of the SDK's image, and the members
 * built equal the SDK's. `transcoded`: how many images got their JSON from the transcoder.
 * `hint`: the NextToken that way's onNextToken heard before parsing, checked to be the SDK's
 * NextToken whenever it is not undefined. `projected`: how many of the PROJECTIONS ways the
 * projection from bytes took, each checked to equal the parser's projection of the decoded text.
 */
export async function describeBothWays(canned: Canned): Promise<{ sdk: Settled; fast: Settled; fallbacks: string[]; transcoded: number; hint: string | undefined; projected: number }> {
  const fallbacks: string[] = [];
  const sdk = await settle(cannedClient(() => canned, false).send(new DescribeImagesCommand({})));
  const fast = await settle(cannedClient(() => canned, true, fallbacks).send(new DescribeImagesCommand({})));
  const hints: (string | undefined)[] = [];
  const page = { fields: JSON_WAY_FIELDS, json: true, onNextToken: (token: string | undefined) => hints.push(token) };
  const json = await settle(send(cannedClient(() => canned, true), new DescribeImagesCommand({}), { page }));
  const projected = expectSameProjections(Buffer.from(canned.body));
  return { sdk, fast, fallbacks, transcoded: expectSameJson(json, sdk), hint: expectRightHint(hints, sdk), projected };
}

/** Field sets the projection from bytes is checked with: `--output ids`, a table's, nested members, none (ndjson). */
export const PROJECTIONS: readonly ImageField[][] = [
  ['ImageId'],
  ['ImageId', 'Name', 'OwnerId', 'Architecture', 'CreationDate', 'DeprecationTime', 'Tags'],
  ['BlockDeviceMappings', 'StateReason', 'ImageWatermarks', 'ScanResults', 'Public', 'ProductCodes'],
  [],
];

/**
 * For each of PROJECTIONS, with and without JSON text: when the projection from bytes takes the
 * page, the parser must take its decoded text too and build the same objects (values, types, key
 * order) and the same JSON text. Returns how many ways the bytes path took.
 */
function expectSameProjections(body: Buffer): number {
  let taken = 0;
  const text = new TextDecoder().decode(body);
  for (const fields of PROJECTIONS) {
    for (const json of [false, true]) {
      const viaBytes = projectDescribeImagesPage(body, fields, json);
      if (viaBytes === undefined) continue;
      taken++;
      const viaText = parseDescribeImagesXml(text, fields, { json, utf8Bytes: body });
      expect(viaText.ok).toBe(true);
      if (!viaText.ok) continue;
      expect(shape(viaBytes)).toEqual(shape(viaText.value));
      expect(JSON.stringify(viaBytes)).toBe(JSON.stringify(viaText.value));
      if (json) {
        const lines = (viaBytes.Images ?? []).map((image) => (IMAGE_JSON in image ? imageJson(image) : undefined));
        expect(lines).toEqual((viaText.value.Images ?? []).map((image) => (IMAGE_JSON in image ? imageJson(image) : undefined)));
      }
    }
  }
  return taken;
}

/** The early NextToken (read ahead of parsing) is heard once on success, and is either unknown or the SDK's. */
function expectRightHint(hints: readonly (string | undefined)[], sdk: Settled): string | undefined {
  if (!sdk.ok) return undefined;
  expect(hints).toHaveLength(1);
  if (hints[0] !== undefined) expect(hints[0]).toBe(sdk.value.NextToken);
  return hints[0];
}

/** The JSON way against the SDK (see describeBothWays); returns how many images the transcoder wrote. */
function expectSameJson(json: Settled, sdk: Settled): number {
  expect(json.ok).toBe(sdk.ok);
  if (!json.ok || !sdk.ok) return 0;
  const images = (json.value.Images ?? []) as Record<PropertyKey, unknown>[];
  const expected = (sdk.value.Images ?? []) as Record<string, unknown>[];
  expect(json.value.NextToken).toBe(sdk.value.NextToken);
  expect(images.length).toBe(expected.length);
  let transcoded = 0;
  images.forEach((image, i) => {
    expect(imageJson(image)).toBe(JSON.stringify(expected[i]));
    for (const field of JSON_WAY_FIELDS) expect(image[field]).toStrictEqual(expected[i]![field]);
    if (image[IMAGE_JSON] instanceof Uint8Array) transcoded++;
  });
  return transcoded;
}

/** Every key of every object, in order, with a type tag: catches key-order and Date/number/string differences. */
function shape(v: unknown): unknown {
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'NaN' : v.toISOString()})`;
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return `${typeof v}:${String(v)}`;
}

/** The error fields callers and the retry strategy read. */
function errorView(e: Record<string, unknown>): unknown {
  return {
    ctor: (e.constructor as { name?: string } | undefined)?.name,
    name: e.name, message: e.message, Code: e.Code, Error: e.Error, $fault: e.$fault,
    $metadata: e.$metadata, $retryable: e.$retryable, code: e.code,
    body: responseBody(e),
  };
}

/** The raw body the SDK leaves on a deserialization error (text), or just its kind (a consumed stream). */
function responseBody(e: Record<string, unknown>): unknown {
  const body = (e.$response as { body?: unknown } | undefined)?.body;
  return typeof body === 'string' ? body : typeof body;
}

/** Assert the fast path gave exactly what the SDK gave: same values, types, key order and $metadata, or the same error. */
export function expectSameOutcome(fast: Settled, sdk: Settled): void {
  expect(fast.ok).toBe(sdk.ok);
  if (fast.ok && sdk.ok) {
    expect(fast.value).toStrictEqual(sdk.value);
    expect(shape(fast.value)).toEqual(shape(sdk.value));
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(sdk.value));
  } else if (!fast.ok && !sdk.ok) {
    expect(errorView(fast.error)).toStrictEqual(errorView(sdk.error));
  }
}

/** Wrap image `<item>` XML in a DescribeImagesResponse like EC2's. */
export function page(items: string, tail = ''): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
    + `<requestId>r-1</requestId><imagesSet>${items}</imagesSet>${tail}</DescribeImagesResponse>`;
}

/** Every Image member (and every nested one) with a value, in the element order real EC2 uses. */
export const EVERY_FIELD = `<item><imageId>ami-0123456789abcdef0</imageId><imageLocation>123456789012/full &amp; "all"</imageLocation>
<imageState>available</imageState><imageOwnerId>012345678901</imageOwnerId><creationDate>2024-02-29T23:59:59.123Z</creationDate>
<isPublic>true</isPublic><productCodes><item><productCode>abc123</productCode><type>marketplace</type></item></productCodes>
<architecture>arm64</architecture><imageType>machine</imageType><kernelId>aki-1</kernelId><ramdiskId>ari-1</ramdiskId>
<platform>windows</platform><platformDetails>Windows</platformDetails><usageOperation>RunInstances:0002</usageOperation>
<imageOwnerAlias>amazon</imageOwnerAlias><name>every-field</name><description>All of them</description>
<rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>
<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><deleteOnTermination>true</deleteOnTermination><iops>3000</iops>
<snapshotId>snap-1</snapshotId><volumeSize>8</volumeSize><volumeType>gp3</volumeType><kmsKeyId>arn:aws:kms:k</kmsKeyId>
<throughput>125</throughput><outpostArn>arn:aws:outposts:o</outpostArn><availabilityZone>us-east-1a</availabilityZone>
<encrypted>false</encrypted><VolumeInitializationRate>300</VolumeInitializationRate><AvailabilityZoneId>use1-az1</AvailabilityZoneId>
<EbsCardIndex>0</EbsCardIndex></ebs></item><item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item>
<item><deviceName>/dev/sdc</deviceName><noDevice></noDevice></item></blockDeviceMapping>
<virtualizationType>hvm</virtualizationType><tagSet><item><key>Name</key><value>n</value></item><item><key>empty</key><value/></item></tagSet>
<hypervisor>xen</hypervisor><enaSupport>true</enaSupport><sriovNetSupport>simple</sriovNetSupport>
<stateReason><code>Client.UserInitiatedShutdown</code><message>User initiated</message></stateReason>
<bootMode>uefi-preferred</bootMode><tpmSupport>v2.0</tpmSupport><deprecationTime>2026-02-28T00:00:00Z</deprecationTime>
<imdsSupport>v2.0</imdsSupport><sourceInstanceId>i-1</sourceInstanceId><deregistrationProtection>disabled</deregistrationProtection>
<lastLaunchedTime>2025-01-01T00:00:00Z</lastLaunchedTime><imageAllowed>false</imageAllowed><sourceImageId>ami-2</sourceImageId>
<sourceImageRegion>eu-west-1</sourceImageRegion><freeTierEligible>true</freeTierEligible>
<publicSsmParameterName>/aws/service/x</publicSsmParameterName>
<imageWatermarkSet><item><watermarkKey>k</watermarkKey><sourceImageRegion>us-west-2</sourceImageRegion><sourceImageId>ami-3</sourceImageId>
<sourceImageCreationTime>2023-05-06T07:08:09.000Z</sourceImageCreationTime><watermarkCreationTime>2024-01-02T03:04:05Z</watermarkCreationTime></item></imageWatermarkSet>
<scanResults><highestFindingSeverityLabel>high</highestFindingSeverityLabel><findingScanDate>2025-03-04T05:06:07.5Z</findingScanDate>
<informationalFixAvailableSince>2025-01-01T00:00:00.000Z</informationalFixAvailableSince><lowFixAvailableSince>2025-01-02T00:00:00Z</lowFixAvailableSince>
<mediumFixAvailableSince>2025-01-03T00:00:00.999Z</mediumFixAvailableSince><highFixAvailableSince>2025-01-04T00:00:00.0001Z</highFixAvailableSince>
<criticalFixAvailableSince>0099-01-05T00:00:00Z</criticalFixAvailableSince></scanResults>
<instanceTypeSpecification><supportedInstanceTypeSet><item><instanceType>m7g.large</instanceType></item><item><instanceType>c7g.large</instanceType></item></supportedInstanceTypeSet>
<unsupportedInstanceTypeSet/></instanceTypeSpecification></item>`;

