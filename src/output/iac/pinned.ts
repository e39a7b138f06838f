/** Resolved images grouped by region, for pinned snippets (a region map when several regions are involved). */
import type { IacImage } from './types.js';

/** Images by region (an image without one is in `region`); with `one`, every region must have exactly one image. */
export function groupByRegion(images: readonly IacImage[], region: string | undefined, one: boolean): Map<string | undefined, IacImage[]> {
  const groups = new Map<string | undefined, IacImage[]>();
  for (const image of images) {
    const r = image.region ?? region;
    groups.set(r, [...(groups.get(r) ?? []), image]);
  }
  if (one) {
    for (const [r, g] of groups) {
      if (g.length !== 1) throw new Error(`expected one image in ${r ?? 'the region'}, got ${g.length}`);
    }
  }
  return groups;
}
