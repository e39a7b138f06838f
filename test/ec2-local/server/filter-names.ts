/**
 * The DescribeImages filter names the endpoint accepts: its own list, copied from the documented
 * filter lists and NOT from ami-find's vocabulary (src/query/vocabulary.ts), so that a wrong or
 * missing name in ami-find is caught (conformance/filter-names.test.ts compares the lists).
 *
 * Sources, each name tagged with the one that documents it:
 * - 'botocore': botocore 1.43.11 `data/ec2/2016-11-15/service-2.json`, DescribeImagesRequest.Filters
 *   documentation (the same text as the API reference page of DescribeImages, contract §4.4 [M]).
 * - 'js-sdk': @aws-sdk/client-ec2 3.1169.0 `dist-types/models/models_4.d.ts`, DescribeImagesRequest.Filters
 *   documentation (contract §4.4 [JS-NEW]): newer than botocore 1.43.11, which lacks these names.
 * `tag:<key>` is documented by both and accepted for any non-empty key (TAG_FILTER_PREFIX).
 */

/** Which documented list a filter name comes from. */
export type FilterNameSource = 'botocore' | 'js-sdk';

/** Every documented DescribeImages filter name except the `tag:<key>` family, with its source. */
export const DOCUMENTED_FILTERS = {
  architecture: 'botocore',
  'block-device-mapping.delete-on-termination': 'botocore',
  'block-device-mapping.device-name': 'botocore',
  'block-device-mapping.snapshot-id': 'botocore',
  'block-device-mapping.volume-size': 'botocore',
  'block-device-mapping.volume-type': 'botocore',
  'block-device-mapping.encrypted': 'botocore',
  'boot-mode': 'js-sdk',
  'creation-date': 'botocore',
  description: 'botocore',
  'ena-support': 'botocore',
  'free-tier-eligible': 'botocore',
  hypervisor: 'botocore',
  'image-allowed': 'botocore',
  'image-id': 'botocore',
  'image-type': 'botocore',
  'image-watermark.source-image-creation-time': 'js-sdk',
  'image-watermark.source-image-id': 'js-sdk',
  'image-watermark.source-image-region': 'js-sdk',
  'image-watermark.watermark-creation-time': 'js-sdk',
  'image-watermark.watermark-key': 'js-sdk',
  'instance-type-specification.supported-instance-type': 'js-sdk',
  'instance-type-specification.unsupported-instance-type': 'js-sdk',
  'is-public': 'botocore',
  'kernel-id': 'botocore',
  'manifest-location': 'botocore',
  name: 'botocore',
  'owner-alias': 'botocore',
  'owner-id': 'botocore',
  platform: 'botocore',
  'product-code': 'botocore',
  'product-code.type': 'botocore',
  'public-ssm-parameter-name': 'js-sdk',
  'ramdisk-id': 'botocore',
  'root-device-name': 'botocore',
  'root-device-type': 'botocore',
  'scan-result.critical-fix-available-since': 'js-sdk',
  'scan-result.finding-scan-date': 'js-sdk',
  'scan-result.high-fix-available-since': 'js-sdk',
  'scan-result.highest-finding-severity-label': 'js-sdk',
  'scan-result.informational-fix-available-since': 'js-sdk',
  'scan-result.low-fix-available-since': 'js-sdk',
  'scan-result.medium-fix-available-since': 'js-sdk',
  'source-image-id': 'botocore',
  'source-image-region': 'botocore',
  'source-instance-id': 'botocore',
  'sriov-net-support': 'botocore',
  state: 'botocore',
  'state-reason-code': 'botocore',
  'state-reason-message': 'botocore',
  'tag-key': 'botocore',
  'virtualization-type': 'botocore',
} as const satisfies Record<string, FilterNameSource>;

/** A documented filter name (without `tag:<key>`). */
export type EndpointFilterName = keyof typeof DOCUMENTED_FILTERS;

/** The documented names, in the order above. */
export const ENDPOINT_FILTER_NAMES = Object.keys(DOCUMENTED_FILTERS) as EndpointFilterName[];

/** Prefix of the per-tag filter family `tag:<key>` (documented by both sources). */
export const TAG_PREFIX = 'tag:';
