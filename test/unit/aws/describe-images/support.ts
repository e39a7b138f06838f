/**
 * Differential harness: the real EC2Client sends DescribeImages to a canned response, once with
 * the SDK's own deserializer (`parser: 'sdk'`) and once with the fast parser, and the outcomes are compared.
 */
import { Readable } from 'node:stream';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from '@jest/globals';
import { installDescribeImagesParser } from '../../../../src/aws/describe-images/index.js';

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

/** A client whose HTTP handler answers every attempt with `canned`; `fallbacks` hears the fast parser give up. */
function cannedClient(canned: Canned, parser: 'fast' | 'sdk', fallbacks: string[] = []): EC2Client {
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => {
        const headers = canned.headers ?? { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'req-canned-1' };
        return { response: { statusCode: canned.status ?? 200, headers, body: chunked(Buffer.from(canned.body)) } };
      },
    },
  });
  installDescribeImagesParser(client, { parser, log: (line) => fallbacks.push(line) });
  return client;
}

async function settle(p: Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: (await p) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: error as Record<string, unknown> };
  }
}

/** DescribeImages through the SDK's deserializer and through the fast parser, on the same canned response. */
export async function describeBothWays(canned: Canned): Promise<{ sdk: Settled; fast: Settled; fallbacks: string[] }> {
  const fallbacks: string[] = [];
  const sdk = await settle(cannedClient(canned, 'sdk').send(new DescribeImagesCommand({})));
  const fast = await settle(cannedClient(canned, 'fast', fallbacks).send(new DescribeImagesCommand({})));
  return { sdk, fast, fallbacks };
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
