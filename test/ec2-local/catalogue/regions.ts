/**
 * The commercial Regions DescribeRegions reports, with opt-in status as the test accounts see
 * them and their geography. Source: AWS "Regions and Zones" list (region codes, opt-in regions).
 */
import type { RegionInfo } from '../types.js';

type Row = [name: string, optIn: RegionInfo['OptInStatus'], geography: string];

const ROWS: readonly Row[] = [
  ['us-east-1', 'opt-in-not-required', 'United States of America'],
  ['us-east-2', 'opt-in-not-required', 'United States of America'],
  ['us-west-1', 'opt-in-not-required', 'United States of America'],
  ['us-west-2', 'opt-in-not-required', 'United States of America'],
  ['ca-central-1', 'opt-in-not-required', 'Canada'],
  ['ca-west-1', 'not-opted-in', 'Canada'],
  ['mx-central-1', 'not-opted-in', 'Mexico'],
  ['sa-east-1', 'opt-in-not-required', 'Brazil'],
  ['eu-west-1', 'opt-in-not-required', 'Ireland'],
  ['eu-west-2', 'opt-in-not-required', 'United Kingdom'],
  ['eu-west-3', 'opt-in-not-required', 'France'],
  ['eu-central-1', 'opt-in-not-required', 'Germany'],
  ['eu-central-2', 'not-opted-in', 'Switzerland'],
  ['eu-north-1', 'opt-in-not-required', 'Sweden'],
  ['eu-south-1', 'opted-in', 'Italy'],
  ['eu-south-2', 'not-opted-in', 'Spain'],
  ['il-central-1', 'not-opted-in', 'Israel'],
  ['me-south-1', 'not-opted-in', 'Bahrain'],
  ['me-central-1', 'not-opted-in', 'United Arab Emirates'],
  ['af-south-1', 'not-opted-in', 'South Africa'],
  ['ap-south-1', 'opt-in-not-required', 'India'],
  ['ap-south-2', 'not-opted-in', 'India'],
  ['ap-east-1', 'opted-in', 'Hong Kong'],
  ['ap-east-2', 'not-opted-in', 'Taiwan'],
  ['ap-northeast-1', 'opt-in-not-required', 'Japan'],
  ['ap-northeast-2', 'opt-in-not-required', 'South Korea'],
  ['ap-northeast-3', 'opt-in-not-required', 'Japan'],
  ['ap-southeast-1', 'opt-in-not-required', 'Singapore'],
  ['ap-southeast-2', 'opt-in-not-required', 'Australia'],
  ['ap-southeast-3', 'not-opted-in', 'Indonesia'],
  ['ap-southeast-4', 'not-opted-in', 'Australia'],
  ['ap-southeast-5', 'not-opted-in', 'Malaysia'],
  ['ap-southeast-7', 'not-opted-in', 'Thailand'],
];

/** Every commercial Region, as DescribeRegions with AllRegions=true would list them. */
export const ALL_REGIONS: readonly RegionInfo[] = ROWS.map(([name, optIn, geo]) => ({
  RegionName: name,
  Endpoint: `ec2.${name}.amazonaws.com`,
  OptInStatus: optIn,
  Geography: geo,
}));

/** The Regions a generated catalogue fills with images unless told otherwise. */
export const DEFAULT_CATALOGUE_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];
