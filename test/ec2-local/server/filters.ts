/**
 * DescribeImages filters with EC2 semantics (contract §4.4): AND across filters, OR across the
 * values of one filter, case-sensitive names and values, globs compiled once per request.
 */
import type { CatalogueImage } from '../types.js';
import { Ec2Error, invalidFilter } from './errors.js';
import type { WireFilter } from './form.js';
import { ENDPOINT_FILTER_NAMES, TAG_PREFIX, type EndpointFilterName } from './filter-names.js';
import { compileGlob, type Matcher } from './glob.js';
import type { OwnerOnlyMember } from './visibility.js';

type Value = string | number | boolean | Date | undefined | null;
/** Pulls the values a filter compares from an image (any one matching is enough). */
export type Extractor = (img: CatalogueImage) => Value[];

const one = (get: (img: CatalogueImage) => Value): Extractor => (img) => [get(img)];
const bdm = (get: (m: NonNullable<CatalogueImage['BlockDeviceMappings']>[number]) => Value): Extractor =>
  (img) => (img.BlockDeviceMappings ?? []).map(get);
const wm = (get: (w: NonNullable<CatalogueImage['ImageWatermarks']>[number]) => Value): Extractor =>
  (img) => (img.ImageWatermarks ?? []).map(get);
const scan = (get: (s: NonNullable<CatalogueImage['ScanResults']>) => Value): Extractor =>
  (img) => (img.ScanResults === undefined ? [] : [get(img.ScanResults)]);

/** Every documented filter name (./filter-names.ts) with the image attribute it compares. */
export const EXTRACTORS: Record<EndpointFilterName, Extractor> = {
  architecture: one((i) => i.Architecture),
  'block-device-mapping.delete-on-termination': bdm((m) => m.Ebs?.DeleteOnTermination),
  'block-device-mapping.device-name': bdm((m) => m.DeviceName),
  'block-device-mapping.snapshot-id': bdm((m) => m.Ebs?.SnapshotId),
  'block-device-mapping.volume-size': bdm((m) => m.Ebs?.VolumeSize),
  'block-device-mapping.volume-type': bdm((m) => m.Ebs?.VolumeType),
  'block-device-mapping.encrypted': bdm((m) => m.Ebs?.Encrypted),
  'boot-mode': one((i) => i.BootMode),
  'creation-date': one((i) => i.CreationDate),
  description: one((i) => i.Description),
  'ena-support': one((i) => i.EnaSupport),
  'free-tier-eligible': one((i) => i.FreeTierEligible),
  hypervisor: one((i) => i.Hypervisor),
  'image-allowed': one((i) => i.ImageAllowed),
  'image-id': one((i) => i.ImageId),
  'image-type': one((i) => i.ImageType),
  'image-watermark.source-image-creation-time': wm((w) => w.SourceImageCreationTime),
  'image-watermark.source-image-id': wm((w) => w.SourceImageId),
  'image-watermark.source-image-region': wm((w) => w.SourceImageRegion),
  'image-watermark.watermark-creation-time': wm((w) => w.WatermarkCreationTime),
  'image-watermark.watermark-key': wm((w) => w.WatermarkKey),
  'instance-type-specification.supported-instance-type':
    (i) => (i.InstanceTypeSpecification?.SupportedInstanceTypes ?? []).map((t) => t.InstanceType),
  'instance-type-specification.unsupported-instance-type':
    (i) => (i.InstanceTypeSpecification?.UnsupportedInstanceTypes ?? []).map((t) => t.InstanceType),
  'is-public': one((i) => i.Public),
  'kernel-id': one((i) => i.KernelId),
  'manifest-location': one((i) => i.ImageLocation),
  name: one((i) => i.Name),
  'owner-alias': one((i) => i.ImageOwnerAlias),
  'owner-id': one((i) => i.OwnerId),
  platform: one((i) => i.Platform),
  'product-code': (i) => (i.ProductCodes ?? []).map((p) => p.ProductCodeId),
  'product-code.type': (i) => (i.ProductCodes ?? []).map((p) => p.ProductCodeType),
  // "Returns all AMIs that have ever been associated with the parameter, including previous versions" (JS SDK).
  'public-ssm-parameter-name': (i) => [i.PublicSsmParameterName, ...(i.PublicSsmParameterHistory ?? [])],
  'ramdisk-id': one((i) => i.RamdiskId),
  'root-device-name': one((i) => i.RootDeviceName),
  'root-device-type': one((i) => i.RootDeviceType),
  'scan-result.critical-fix-available-since': scan((s) => s.CriticalFixAvailableSince),
  'scan-result.finding-scan-date': scan((s) => s.FindingScanDate),
  'scan-result.high-fix-available-since': scan((s) => s.HighFixAvailableSince),
  'scan-result.highest-finding-severity-label': scan((s) => s.HighestFindingSeverityLabel),
  'scan-result.informational-fix-available-since': scan((s) => s.InformationalFixAvailableSince),
  'scan-result.low-fix-available-since': scan((s) => s.LowFixAvailableSince),
  'scan-result.medium-fix-available-since': scan((s) => s.MediumFixAvailableSince),
  'source-image-id': one((i) => i.SourceImageId),
  'source-image-region': one((i) => i.SourceImageRegion),
  'source-instance-id': one((i) => i.SourceInstanceId),
  'sriov-net-support': one((i) => i.SriovNetSupport),
  state: one((i) => i.State),
  'state-reason-code': one((i) => i.StateReason?.Code),
  'state-reason-message': one((i) => i.StateReason?.Message),
  'tag-key': (i) => (i.Tags ?? []).map((t) => t.Key),
  'virtualization-type': one((i) => i.VirtualizationType),
};

/** A value as filters compare it: booleans as true/false, numbers in decimal, dates in ISO 8601. */
export function filterText(value: Value): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The extractor for a filter name, including `tag:<key>`; undefined for unknown names. */
export function extractorFor(name: string): Extractor | undefined {
  if (Object.hasOwn(EXTRACTORS, name)) return EXTRACTORS[name as EndpointFilterName];
  if (name.startsWith(TAG_PREFIX) && name.length > TAG_PREFIX.length) {
    const key = name.slice(TAG_PREFIX.length);
    return (i) => (i.Tags ?? []).filter((t) => t.Key === key).map((t) => t.Value);
  }
  return undefined;
}

/** Options for compiling filters. */
export interface CompileFilterOptions {
  filterWithoutValues: 'match-none' | 'error';
  /** Most filters in one request (README "Limits": a policy, nothing documented). */
  maxFilters: number;
  /** Most filter values in one request, all filters together (README "Limits"). */
  maxFilterValues: number;
  /** Longest filter value in characters (README "Limits"). */
  maxFilterValueLength: number;
}

/** 400 FilterLimitExceeded (ERRDOC: "The request uses too many filters or too many filter values"). */
function filterLimitExceeded(message: string): Ec2Error {
  return new Ec2Error('FilterLimitExceeded', message, 400);
}

/** Throw FilterLimitExceeded when a request has too many filters or values, or too long a value. */
export function checkFilterLimits(filters: WireFilter[], opts: CompileFilterOptions): void {
  if (filters.length > opts.maxFilters) {
    throw filterLimitExceeded(`The maximum number of filters specified on a single call is ${opts.maxFilters}`);
  }
  // Real EC2 text (DescribeInstances, DescribeTags: apache/druid#1954, ansible/ansible#16184).
  const values = filters.reduce((n, f) => n + f.Values.length, 0);
  if (values > opts.maxFilterValues) {
    throw filterLimitExceeded(`The maximum number of filter values specified on a single call is ${opts.maxFilterValues}`);
  }
  // Real EC2 text (DescribeInstances: ansible-collections/amazon.aws#2393).
  if (filters.some((f) => f.Values.some((v) => v.length > opts.maxFilterValueLength))) {
    throw filterLimitExceeded(`The maximum length for a filter value is ${opts.maxFilterValueLength} characters`);
  }
}

/** Compile generic filters against a table of extractors into one predicate (AND of ORs). */
export function compileFiltersWith<T>(
  filters: WireFilter[],
  lookup: (name: string) => ((item: T) => Value[]) | undefined,
  opts: CompileFilterOptions,
): (item: T) => boolean {
  checkFilterLimits(filters, opts);
  const compiled = filters.map((f) => {
    const extract = lookup(f.Name);
    if (extract === undefined) throw invalidFilter(f.Name);
    if (f.Values.length === 0 && opts.filterWithoutValues === 'error') {
      throw new Ec2Error('InvalidParameterValue', `The filter '${f.Name}' requires a value`, 400);
    }
    const matchers: Matcher[] = f.Values.map(compileGlob);
    return { extract, matchers };
  });
  return (item) => compiled.every(({ extract, matchers }) => extract(item).some((raw) => {
    const text = filterText(raw);
    return text !== undefined && matchers.some((m) => m(text));
  }));
}

/** The owner-only image member a filter reads (visibility.ts), if any. */
export function filterMember(name: string): OwnerOnlyMember | undefined {
  if (name === 'tag-key' || name.startsWith(TAG_PREFIX)) return 'Tags';
  if (name === 'source-instance-id') return 'SourceInstanceId';
  return undefined;
}

/**
 * Compile DescribeImages filters into one image predicate; throws the EC2 error for bad names/escapes.
 * With `hidden`, filters over those members see nothing: the image as a non-owner is shown it.
 */
export function compileImageFilters(filters: WireFilter[], opts: CompileFilterOptions,
  hidden: readonly OwnerOnlyMember[] = []): (img: CatalogueImage) => boolean {
  return compileFiltersWith(filters, (name) => {
    const extract = extractorFor(name);
    const member = filterMember(name);
    return extract !== undefined && member !== undefined && hidden.includes(member) ? () => [] : extract;
  }, opts);
}

/** Every filter name the server knows (for tests): its own documented list, not ami-find's vocabulary. */
export const KNOWN_FILTER_NAMES: readonly string[] = ENDPOINT_FILTER_NAMES;
