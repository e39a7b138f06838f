/**
 * The public SSM parameters the endpoint serves, derived per region from its catalogue: each image
 * showing `PublicSsmParameterName` is that parameter's value in its region (README "SSM").
 */
import type { Catalogue } from '../types.js';

/** One public parameter as SSM's Parameter shape describes it (botocore ssm 2014-11-06). */
export interface PublicParameter {
  Name: string;
  Type: 'String';
  Value: string;
  Version: number;
  /** Seconds since the epoch (the JSON protocol's timestamp). */
  LastModifiedDate: number;
  ARN: string;
  DataType: 'aws:ec2:image' | 'text';
}

/** Extra parameters per region (name -> value), replacing derived ones of the same name; for tests. */
export type ExtraParameters = Record<string, Record<string, string>>;

/** Region -> parameters sorted by name. */
export type ParameterStore = Map<string, PublicParameter[]>;

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;

/** ARN of a public parameter: no account, the name's leading slash kept (arn:aws:ssm:r::parameter/aws/...). */
export function parameterArn(region: string, name: string): string {
  return `arn:aws:ssm:${region}::parameter${name}`;
}

function parameter(region: string, name: string, value: string, version: number, modified: number): PublicParameter {
  return { Name: name, Type: 'String', Value: value, Version: version, LastModifiedDate: modified,
    ARN: parameterArn(region, name), DataType: AMI_ID.test(value) ? 'aws:ec2:image' : 'text' };
}

/** Build every region's parameters from the catalogue (and `extra`). */
export function buildParameterStore(catalogue: Catalogue, extra: ExtraParameters = {}): ParameterStore {
  const byRegion = new Map<string, Map<string, PublicParameter>>();
  const region = (r: string) => {
    let m = byRegion.get(r);
    if (m === undefined) byRegion.set(r, m = new Map());
    return m;
  };
  // Version: how many builds in the region the parameter has pointed at (each was its value once).
  const versions = new Map<string, number>();
  for (const img of catalogue.images) {
    for (const name of img.PublicSsmParameterHistory ?? []) versions.set(`${img.Region}|${name}`, (versions.get(`${img.Region}|${name}`) ?? 0) + 1);
  }
  for (const r of catalogue.regions) {
    // A parameter every region has that does not hold an AMI ID (the real one lives under global-infrastructure).
    const name = `/aws/service/global-infrastructure/regions/${r.RegionName}/partition`;
    region(r.RegionName).set(name, parameter(r.RegionName, name, 'aws', 1, Date.parse('2019-04-01T00:00:00Z') / 1000));
  }
  for (const img of catalogue.images) {
    const name = img.PublicSsmParameterName;
    if (name === undefined || img.ImageId === undefined || img.Public !== true) continue;
    // Policy: the pointer moved when the image was created (no rollout lag in the catalogue).
    const modified = Date.parse(img.CreationDate ?? '2020-01-01T00:00:00Z') / 1000;
    region(img.Region).set(name, parameter(img.Region, name, img.ImageId, versions.get(`${img.Region}|${name}`) ?? 1, modified));
  }
  for (const [r, params] of Object.entries(extra)) {
    // Policy: an extra parameter last moved a year before the server started (older than any recent build).
    const modified = Math.floor(Date.now() / 1000) - 365 * 86400;
    for (const [name, value] of Object.entries(params)) region(r).set(name, parameter(r, name, value, 1, modified));
  }
  const store: ParameterStore = new Map();
  for (const [r, m] of byRegion) store.set(r, [...m.values()].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0)));
  return store;
}
