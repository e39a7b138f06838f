/** The unit of fan-out work: one (profile, region), with its own client, credentials and retries. */
import type { Image } from '../types.js';

/** Where to list: a region, and the named profile (undefined: the default credential chain). */
export interface Unit {
  region: string;
  profile?: string;
}

/** An image and where it lives: `Region` (and `Profile` with several profiles) in front of the API's members. */
export type OriginImage = Image & { Region: string; Profile?: string };

/** Every (profile, region) pair, profiles outer; duplicates dropped, order kept. */
export function unitsOf(regions: readonly string[], profiles: readonly (string | undefined)[]): Unit[] {
  const seen = new Set<string>();
  const units: Unit[] = [];
  for (const profile of profiles.length > 0 ? profiles : [undefined]) {
    for (const region of regions) {
      const unit = profile === undefined ? { region } : { region, profile };
      if (!seen.has(unitLabel(unit))) { seen.add(unitLabel(unit)); units.push(unit); }
    }
  }
  return units;
}

/** `region` or `profile/region`, for messages. */
export function unitLabel(unit: Unit): string {
  return unit.profile === undefined ? unit.region : `${unit.profile}/${unit.region}`;
}

/** The stable output order: by profile, then region. */
export function compareUnits(a: Unit, b: Unit): number {
  const p = (a.profile ?? '').localeCompare(b.profile ?? '');
  return p !== 0 ? p : a.region.localeCompare(b.region);
}

/** The image tagged with its origin (a new object: Region, then Profile, then the API's members). */
export function tagImage(image: Image, unit: Unit, withProfile: boolean): OriginImage {
  return withProfile ? { Region: unit.region, Profile: unit.profile ?? 'default', ...image } : { Region: unit.region, ...image };
}
