/** DescribeImages' vocabulary as `as const` arrays: the one definition of every choice list. */

/** Every DescribeImages filter name but `tag:<key>` (@aws-sdk/client-ec2 3.1169.0, which alone documents `boot-mode`). */
export const FILTER_NAMES = [
  'architecture', 'block-device-mapping.delete-on-termination', 'block-device-mapping.device-name',
  'block-device-mapping.snapshot-id', 'block-device-mapping.volume-size', 'block-device-mapping.volume-type',
  'block-device-mapping.encrypted', 'boot-mode', 'creation-date', 'description', 'ena-support',
  'free-tier-eligible', 'hypervisor', 'image-allowed', 'image-id', 'image-type',
  'image-watermark.source-image-creation-time', 'image-watermark.source-image-id',
  'image-watermark.source-image-region', 'image-watermark.watermark-creation-time',
  'image-watermark.watermark-key', 'instance-type-specification.supported-instance-type',
  'instance-type-specification.unsupported-instance-type', 'is-public', 'kernel-id', 'manifest-location',
  'name', 'owner-alias', 'owner-id', 'platform', 'product-code', 'product-code.type',
  'public-ssm-parameter-name', 'ramdisk-id', 'root-device-name', 'root-device-type',
  'scan-result.critical-fix-available-since', 'scan-result.finding-scan-date',
  'scan-result.high-fix-available-since', 'scan-result.highest-finding-severity-label',
  'scan-result.informational-fix-available-since', 'scan-result.low-fix-available-since',
  'scan-result.medium-fix-available-since', 'source-image-id', 'source-image-region', 'source-instance-id',
  'sriov-net-support', 'state', 'state-reason-code', 'state-reason-message', 'tag-key',
  'virtualization-type',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Prefix of the per-tag filter family: `tag:<key>=<value>`. */
export const TAG_FILTER_PREFIX = 'tag:';

export const ARCHITECTURES = ['i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const BOOLEAN_VALUES = ['true', 'false'] as const;

/** Filters whose values are a closed set, with that set. */
export const FILTER_VALUES: Partial<Record<FilterName, readonly string[]>> = {
  architecture: ARCHITECTURES,
  'block-device-mapping.delete-on-termination': BOOLEAN_VALUES,
  'block-device-mapping.encrypted': BOOLEAN_VALUES,
  'block-device-mapping.volume-type': ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'],
  'boot-mode': ['legacy-bios', 'uefi', 'uefi-preferred'],
  'ena-support': BOOLEAN_VALUES,
  'free-tier-eligible': BOOLEAN_VALUES,
  hypervisor: ['ovm', 'xen'],
  'image-allowed': BOOLEAN_VALUES,
  'image-type': ['machine', 'kernel', 'ramdisk'],
  'is-public': BOOLEAN_VALUES,
  'owner-alias': ['amazon', 'aws-backup-vault', 'aws-marketplace'],
  platform: ['windows'],
  'product-code.type': ['devpay', 'marketplace'],
  'root-device-type': ['ebs', 'instance-store'],
  'scan-result.highest-finding-severity-label': ['informational', 'low', 'medium', 'high', 'critical'],
  'sriov-net-support': ['simple'],
  state: ['available', 'pending', 'failed'],
  'virtualization-type': ['hvm', 'paravirtual'],
};

/** Owner aliases the `Owner` parameter accepts besides account IDs. */
export const OWNER_ALIASES = ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault'] as const;

/** Special values of `ExecutableBy` besides account IDs. */
export const EXECUTABLE_USER_ALIASES = ['self', 'all'] as const;

/** Output formats; the formatter table in src/output registers one per entry. */
export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'ndjson', 'ids', 'csv', 'tsv', 'region-map'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats that write the query (or its resolved IDs) as infrastructure code, not rows: src/output/iac/. */
export const IAC_FORMATS = ['terraform', 'packer', 'cloudformation', 'cloudformation-json'] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];

/** True when `format` is one of IAC_FORMATS. */
export function isIacFormat(format: string | undefined): format is IacFormat {
  return (IAC_FORMATS as readonly (string | undefined)[]).includes(format);
}

/** Client-side sort keys. */
export const SORT_KEYS = [
  'creation-date', 'name', 'deprecation-time', 'last-launched', 'image-id', 'owner', 'architecture',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Shells we generate completion scripts for. */
/** Output formats of `ami-find ssm`. */
export const SSM_FORMATS = ['table', 'tsv', 'csv', 'json', 'ids'] as const;
export type SsmFormat = (typeof SSM_FORMATS)[number];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Response parsers for DescribeImages: ami-find's streaming one, or the SDK's own. */
export const PARSERS = ['fast', 'sdk'] as const;
export type Parser = (typeof PARSERS)[number];

/** Retry modes (AWS_RETRY_MODE): the SDK's standard and adaptive; legacy, the AWS CLI's, runs as standard. */
export const RETRY_MODES = ['standard', 'adaptive', 'legacy'] as const;
export type RetryMode = (typeof RETRY_MODES)[number];

/** Commercial, GovCloud and China regions, for completion and for spotting typos. */
export const REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1',
  'cn-north-1', 'cn-northwest-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
  'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-gov-east-1', 'us-gov-west-1',
  'us-west-1', 'us-west-2',
] as const;

/** True when `name` is a valid DescribeImages filter name (including any `tag:<key>`). */
export function isKnownFilterName(name: string): boolean {
  return (FILTER_NAMES as readonly string[]).includes(name)
    || (name.startsWith(TAG_FILTER_PREFIX) && name.length > TAG_FILTER_PREFIX.length);
}
