/**
 * Differential tests on whole pages: what ec2-local renders from the generated catalogue, what
 * moto sends, every Image field, huge and empty pages. Each must take the fast path (no fallback)
 * and give exactly the SDK deserializer's output.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { Image } from '@aws-sdk/client-ec2';
import { generateCatalogue } from '../../../ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../../../ec2-local/server/index.js';
import { describeBothWays, expectSameOutcome, page } from './support.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const catalogue = generateCatalogue({ images: 2500, seed: 'fast-parser' });
const images: Image[] = catalogue.images.map(({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, ...img }) => img);

/** Every Image member (and every nested one) with a value, in the element order real EC2 uses. */
const EVERY_FIELD = `<item><imageId>ami-0123456789abcdef0</imageId><imageLocation>123456789012/full &amp; "all"</imageLocation>
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

describe('fast DescribeImages parser on whole pages', () => {
  test.each([
    ['a 1000-image page with a next token', 0, 1000, 'tok-1'],
    ['a 1000-image last page', 1000, 2000, undefined],
    ['a 1-image page', 2000, 2001, 'tok-2'],
    ['a 499-image page', 2001, 2500, undefined],
  ])('when ec2-local renders %s then the fast path gives the SDK output', async (_name, from, to, token) => {
    const body = renderDescribeImagesXml(images.slice(from, to), token, `req-${from}`);
    const { sdk, fast, fallbacks } = await describeBothWays({ body });
    expect(fallbacks).toEqual([]);
    expect(sdk.ok && (sdk.value.Images as unknown[]).length).toBe(to - from);
    expectSameOutcome(fast, sdk);
  });

  test('when ec2-local renders an empty page (with or without a token) then both give Images [] and the token', async () => {
    for (const token of ['tok', undefined, '']) {
      const { sdk, fast, fallbacks } = await describeBothWays({ body: renderDescribeImagesXml([], token, 'req-e') });
      expect(fallbacks).toEqual([]);
      expect(sdk.ok && sdk.value.Images).toEqual([]);
      expectSameOutcome(fast, sdk);
    }
  });

  test('when a page is huge (the whole 2,500-image catalogue, ~3 MB) then the fast path gives the SDK output', async () => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: renderDescribeImagesXml(images, 'big', 'req-big') });
    expect(fallbacks).toEqual([]);
    expectSameOutcome(fast, sdk);
  }, 120_000);

  test('when an image carries every field, timestamps included, then the fast path gives the SDK output with Dates', async () => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: page(EVERY_FIELD + EVERY_FIELD.replace('ami-0123456789abcdef0', 'ami-2'), '<nextToken>n</nextToken>') });
    expect(fallbacks).toEqual([]);
    const first = (sdk.ok ? sdk.value.Images as Image[] : [])[0];
    expect(first?.ImageWatermarks?.[0]?.SourceImageCreationTime).toBeInstanceOf(Date);
    expect(first?.CreationDate).toBe('2024-02-29T23:59:59.123Z');
    expect(first?.BlockDeviceMappings?.[0]?.Ebs?.EbsCardIndex).toBe(0);
    expectSameOutcome(fast, sdk);
  });

  test.each(['moto-public-40.xml', 'moto-self.xml', 'moto-empty-page.xml'])(
    'when moto sends %s then the fast path gives the SDK output', async (file) => {
      const body = readFileSync(join(fixtures, file));
      const { sdk, fast, fallbacks } = await describeBothWays({ body, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'moto-req' } });
      expect(fallbacks).toEqual([]);
      expect(sdk.ok).toBe(true);
      expectSameOutcome(fast, sdk);
    });

  test('when moto answers 400 then both raise the same EC2ServiceException', async () => {
    const body = readFileSync(join(fixtures, 'moto-error-400.xml'));
    const { sdk, fast } = await describeBothWays({ status: 400, body, headers: { 'x-amzn-requestid': 'moto-req' } });
    expect(sdk.ok ? undefined : sdk.error.name).toBe('InvalidAMIID.NotFound');
    expectSameOutcome(fast, sdk);
  });
});
