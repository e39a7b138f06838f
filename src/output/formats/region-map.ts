/**
 * `--output region-map`: `{"us-east-1": "ami-..."}`, one image per region, for CloudFormation
 * Mappings and scripts (`jq -r '.["eu-west-1"]'`); with several profiles `{"dev": {"us-east-1": ...}}`.
 * Keys sorted. A region with several images is an error (pick one with --latest), not a guess.
 */
import { usageError } from '../../errors.js';
import type { FormatterSpec } from '../formatter.js';

export const regionMap: FormatterSpec = {
  streaming: false,
  carriesNextToken: false,
  usesColumns: false,
  create: () => {
    const ids = new Map<string, Map<string, string[]>>(); // profile -> region -> IDs
    let withProfile = false;
    return {
      begin: () => '',
      row: (image) => {
        const { Region: region = '', Profile: profile } = image as { Region?: string; Profile?: string };
        if (profile !== undefined) withProfile = true;
        const regions = ids.get(profile ?? '') ?? new Map<string, string[]>();
        ids.set(profile ?? '', regions);
        regions.set(region, [...(regions.get(region) ?? []), image.ImageId ?? '']);
        return '';
      },
      end: () => {
        const level = (regions: Map<string, string[]>, where: string) => Object.fromEntries([...regions.keys()].sort().map((region) => {
          const found = regions.get(region)!;
          if (found.length > 1) {
            throw usageError(`region-map needs one image per region; ${where}${region} has ${found.length} (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', ...' : ''})`,
              'narrow the query, e.g. --latest (the newest in each region)', 'E_REGION_MAP_AMBIGUOUS');
          }
          return [region, found[0]];
        }));
        const map = withProfile
          ? Object.fromEntries([...ids.keys()].sort().map((p) => [p, level(ids.get(p)!, `${p}/`)]))
          : level(ids.get('') ?? new Map(), '');
        return `${JSON.stringify(map, null, 4)}\n`;
      },
    };
  },
};
