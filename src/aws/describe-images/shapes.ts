/**
 * The DescribeImages output shapes of @aws-sdk/client-ec2 3.1169.0's schema (schemas_0.js): member
 * names in schema order (the SDK's key order), XML element names, kinds. shapes.test.ts checks them.
 */

/** How a member's XML is read: a scalar kind, a nested structure or a list of `<item>` structures. */
export type MemberKind = 'string' | 'boolean' | 'integer' | 'timestamp' | 'struct' | 'list';

/** One structure member. */
export interface MemberShape {
  readonly name: string;
  readonly xmlName: string;
  readonly kind: MemberKind;
  /** For 'struct', its shape; for 'list', the shape of each `<item>`. */
  readonly shape?: StructShape;
  /** `<xmlName>` and `</xmlName>`, precomputed for the scanner. */
  readonly open: string;
  readonly close: string;
  /** Left out of a projection: the scanner jumps to `close` without reading the content. */
  readonly skip?: boolean;
}

/** A structure: members in schema order and an index from element name to member position. */
export interface StructShape {
  readonly members: readonly MemberShape[];
  readonly byXmlName: ReadonlyMap<string, number>;
  /** Which member followed member i last time (slot `members.length`: the first); -1: no guess yet. */
  readonly follows: Int16Array;
  /** Make the output object from values indexed like `members`, skipping undefined, in schema order. */
  readonly build: (slots: readonly unknown[]) => Record<string, unknown>;
  /** For a projected Image, how many members it keeps: once read, the scanner jumps to `</item>`. */
  readonly kept?: number;
}

type Spec = readonly [name: string, xmlName: string, kind: MemberKind, shape?: StructShape];

/**
 * A builder with one named property store per member, in schema order. Why a generated constructor:
 * a loop of `out[names[i]] = v` takes V8's slow keyed-store path, and V8 sizes a constructor's
 * objects for its `this.x =` stores, so no property grows a backing store (plain objects still).
 */
function compileBuilder(names: readonly (string | undefined)[]): (slots: readonly unknown[]) => Record<string, unknown> {
  const body = names.map((name, i) => {
    if (name === undefined) return '';
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error(`unexpected member name ${name}`);
    return `v = s[${i}]; if (v !== undefined) this.${name} = v;`;
  });

  const Struct = new Function('s', `let v; ${body.join(' ')}`) as new (slots: readonly unknown[]) => Record<string, unknown>;
  Struct.prototype = Object.prototype;
  return (slots) => new Struct(slots);
}

/** A flat copy of a string. Why: concatenations are V8 cons strings, and charCodeAt on those is slow. */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function struct(specs: readonly Spec[]): StructShape {
  return shapeOf(specs.map(([name, xmlName, kind, shape]) => ({ name, xmlName, kind, shape, open: flat(`<${xmlName}>`), close: flat(`</${xmlName}>`) })));
}

function shapeOf(members: readonly MemberShape[]): StructShape {
  return {
    members,
    byXmlName: new Map(members.map((m, i) => [m.xmlName, i])),
    follows: new Int16Array(members.length + 1).fill(-1),
    // Skipped members never reach the object; their slots only record that they were seen.
    build: compileBuilder(members.map((m) => (m.skip ? undefined : m.name))),
  };
}

const EBS_BLOCK_DEVICE = struct([
  ['DeleteOnTermination', 'deleteOnTermination', 'boolean'],
  ['Iops', 'iops', 'integer'],
  ['SnapshotId', 'snapshotId', 'string'],
  ['VolumeSize', 'volumeSize', 'integer'],
  ['VolumeType', 'volumeType', 'string'],
  ['KmsKeyId', 'kmsKeyId', 'string'],
  ['Throughput', 'throughput', 'integer'],
  ['OutpostArn', 'outpostArn', 'string'],
  ['AvailabilityZone', 'availabilityZone', 'string'],
  ['Encrypted', 'encrypted', 'boolean'],
  // Why the capitalised element names: these members have no xmlName trait, so the SDK reads the member name.
  ['VolumeInitializationRate', 'VolumeInitializationRate', 'integer'],
  ['AvailabilityZoneId', 'AvailabilityZoneId', 'string'],
  ['EbsCardIndex', 'EbsCardIndex', 'integer'],
]);

const BLOCK_DEVICE_MAPPING = struct([
  ['Ebs', 'ebs', 'struct', EBS_BLOCK_DEVICE],
  ['NoDevice', 'noDevice', 'string'],
  ['DeviceName', 'deviceName', 'string'],
  ['VirtualName', 'virtualName', 'string'],
]);

const STATE_REASON = struct([['Code', 'code', 'string'], ['Message', 'message', 'string']]);
const TAG = struct([['Key', 'key', 'string'], ['Value', 'value', 'string']]);
const PRODUCT_CODE = struct([['ProductCodeId', 'productCode', 'string'], ['ProductCodeType', 'type', 'string']]);
const INSTANCE_TYPE_ITEM = struct([['InstanceType', 'instanceType', 'string']]);

const IMAGE_WATERMARK = struct([
  ['WatermarkKey', 'watermarkKey', 'string'],
  ['SourceImageRegion', 'sourceImageRegion', 'string'],
  ['SourceImageId', 'sourceImageId', 'string'],
  ['SourceImageCreationTime', 'sourceImageCreationTime', 'timestamp'],
  ['WatermarkCreationTime', 'watermarkCreationTime', 'timestamp'],
]);

const SCAN_RESULTS = struct([
  ['HighestFindingSeverityLabel', 'highestFindingSeverityLabel', 'string'],
  ['FindingScanDate', 'findingScanDate', 'timestamp'],
  ['InformationalFixAvailableSince', 'informationalFixAvailableSince', 'timestamp'],
  ['LowFixAvailableSince', 'lowFixAvailableSince', 'timestamp'],
  ['MediumFixAvailableSince', 'mediumFixAvailableSince', 'timestamp'],
  ['HighFixAvailableSince', 'highFixAvailableSince', 'timestamp'],
  ['CriticalFixAvailableSince', 'criticalFixAvailableSince', 'timestamp'],
]);

const INSTANCE_TYPE_SPECIFICATION = struct([
  ['SupportedInstanceTypes', 'supportedInstanceTypeSet', 'list', INSTANCE_TYPE_ITEM],
  ['UnsupportedInstanceTypes', 'unsupportedInstanceTypeSet', 'list', INSTANCE_TYPE_ITEM],
]);

/** Image, in the SDK schema's member order. */
const IMAGE_SHAPE: StructShape = struct([
  ['PlatformDetails', 'platformDetails', 'string'],
  ['UsageOperation', 'usageOperation', 'string'],
  ['BlockDeviceMappings', 'blockDeviceMapping', 'list', BLOCK_DEVICE_MAPPING],
  ['Description', 'description', 'string'],
  ['EnaSupport', 'enaSupport', 'boolean'],
  ['Hypervisor', 'hypervisor', 'string'],
  ['ImageOwnerAlias', 'imageOwnerAlias', 'string'],
  ['Name', 'name', 'string'],
  ['RootDeviceName', 'rootDeviceName', 'string'],
  ['RootDeviceType', 'rootDeviceType', 'string'],
  ['SriovNetSupport', 'sriovNetSupport', 'string'],
  ['StateReason', 'stateReason', 'struct', STATE_REASON],
  ['Tags', 'tagSet', 'list', TAG],
  ['VirtualizationType', 'virtualizationType', 'string'],
  ['BootMode', 'bootMode', 'string'],
  ['TpmSupport', 'tpmSupport', 'string'],
  ['DeprecationTime', 'deprecationTime', 'string'],
  ['ImdsSupport', 'imdsSupport', 'string'],
  ['SourceInstanceId', 'sourceInstanceId', 'string'],
  ['DeregistrationProtection', 'deregistrationProtection', 'string'],
  ['LastLaunchedTime', 'lastLaunchedTime', 'string'],
  ['ImageAllowed', 'imageAllowed', 'boolean'],
  ['SourceImageId', 'sourceImageId', 'string'],
  ['SourceImageRegion', 'sourceImageRegion', 'string'],
  ['FreeTierEligible', 'freeTierEligible', 'boolean'],
  ['PublicSsmParameterName', 'publicSsmParameterName', 'string'],
  ['ImageWatermarks', 'imageWatermarkSet', 'list', IMAGE_WATERMARK],
  ['ScanResults', 'scanResults', 'struct', SCAN_RESULTS],
  ['InstanceTypeSpecification', 'instanceTypeSpecification', 'struct', INSTANCE_TYPE_SPECIFICATION],
  ['ImageId', 'imageId', 'string'],
  ['ImageLocation', 'imageLocation', 'string'],
  ['State', 'imageState', 'string'],
  ['OwnerId', 'imageOwnerId', 'string'],
  ['CreationDate', 'creationDate', 'string'],
  ['Public', 'isPublic', 'boolean'],
  ['ProductCodes', 'productCodes', 'list', PRODUCT_CODE],
  ['Architecture', 'architecture', 'string'],
  ['ImageType', 'imageType', 'string'],
  ['KernelId', 'kernelId', 'string'],
  ['RamdiskId', 'ramdiskId', 'string'],
  ['Platform', 'platform', 'string'],
]);

/** DescribeImagesResult: the members directly under the response root (EC2 has no Result wrapper). */
export const DESCRIBE_IMAGES_RESULT_SHAPE: StructShape = struct([
  ['NextToken', 'nextToken', 'string'],
  ['Images', 'imagesSet', 'list', IMAGE_SHAPE],
]);

/**
 * DescribeImagesResult with each Image keeping only the members named in `keep` (unknown names are
 * ignored); the others are skipped unread (parse.ts).
 */
export function projectedResultShape(keep: readonly string[]): StructShape {
  const image = IMAGE_SHAPE.members.map((m) => (keep.includes(m.name) ? m : { ...m, skip: true }));
  const kept = image.filter((m) => !m.skip).length;
  return shapeOf(DESCRIBE_IMAGES_RESULT_SHAPE.members.map((m) => (m.name === 'Images' ? { ...m, shape: { ...shapeOf(image), kept } } : m)));
}
